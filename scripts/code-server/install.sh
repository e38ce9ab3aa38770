#!/usr/bin/env bash
# Installs what test/vscode/runInCodeServer.js needs to run the extension test
# suite inside a real VS Code (code-server + headless Chromium), on machines
# whose only network access is the npm registry and Debian's package mirrors.
#
#   scripts/code-server/install.sh
#
# Idempotent: Debian packages are installed only when missing, and code-server
# is installed only when .tools/code-server does not already hold the pinned
# version. code-server lives in its own folder (.tools/code-server, git-ignored),
# never in the project's node_modules or package.json.
#
# Environment overrides:
#   CODE_SERVER_VERSION  (default 4.100.3 = VS Code 1.100.3; newer releases need Node 22+)
#   CODE_SERVER_DIR      (default <repo>/.tools/code-server)
#   SKIP_APT=1           do not touch Debian packages (only report what is missing)
set -euo pipefail

VERSION="${CODE_SERVER_VERSION:-4.100.3}"
# @vscode/ripgrep version nested in code-server 4.100.3, and the archive its
# postinstall looks for in its cache before trying (and failing) to download it.
RG_PKG_VERSION="1.15.11"
RG_RELEASE="v13.0.0-10"

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
DEST="${CODE_SERVER_DIR:-$REPO_ROOT/.tools/code-server}"

say() { printf '[code-server install] %s\n' "$*"; }
die() { printf '[code-server install] ERROR: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------- Debian packages
# libkrb5-dev: code-server's native `kerberos` module compiles against gssapi.
# ripgrep:     its /usr/bin/rg seeds the @vscode/ripgrep download cache (below);
#              the workbench's search/quick-open then uses that binary.
# chromium:    the headless browser that renders the workbench (/usr/bin/chromium).
# make/g++/python3 (node-gyp) are needed too; install build-essential if absent.
PKGS=(libkrb5-dev ripgrep chromium)
command -v make >/dev/null 2>&1 && command -v g++ >/dev/null 2>&1 || PKGS+=(build-essential)
command -v python3 >/dev/null 2>&1 || PKGS+=(python3)

missing=()
for p in "${PKGS[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if [ "${#missing[@]}" -eq 0 ]; then
  say "Debian packages present: ${PKGS[*]}"
elif [ "${SKIP_APT:-0}" = "1" ]; then
  die "missing Debian packages (SKIP_APT=1): ${missing[*]}"
else
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || die "need root (or sudo) to install: ${missing[*]}"
    SUDO="sudo"
  fi
  say "installing Debian packages: ${missing[*]}"
  t0=$SECONDS
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
  say "Debian packages installed in $((SECONDS - t0))s"
fi
[ -x /usr/bin/chromium ] || die "/usr/bin/chromium not found after installing chromium"
command -v rg >/dev/null 2>&1 || die "rg not found after installing ripgrep"

# ---------------------------------------------------------------- code-server
CS_PKG="$DEST/node_modules/code-server/package.json"
CS_BIN="$DEST/node_modules/.bin/code-server"
installed_version() {
  [ -f "$CS_PKG" ] && node -p "require(process.argv[1]).version" "$CS_PKG" 2>/dev/null || true
}
rg_ok() {
  # Every nested @vscode/ripgrep must have its binary, or search breaks.
  local found=0 f
  while IFS= read -r f; do
    found=1
    [ -x "$(dirname "$f")/bin/rg" ] || return 1
  done < <(find "$DEST/node_modules" -path '*/@vscode/ripgrep/package.json' 2>/dev/null)
  [ "$found" = 1 ]
}

if [ "$(installed_version)" = "$VERSION" ] && [ -x "$CS_BIN" ] && rg_ok; then
  say "code-server $VERSION already installed in ${DEST#$REPO_ROOT/}; nothing to do"
  exit 0
fi

node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" = 20 ] || say "warning: code-server $VERSION expects Node 20, this is Node $(node -v)"

say "installing code-server@$VERSION into ${DEST#$REPO_ROOT/} (takes a minute or two)"
t0=$SECONDS
mkdir -p "$DEST"
rm -rf "$DEST/node_modules" "$DEST/package-lock.json"
# A package.json of its own, so npm treats this folder as the prefix and does
# not walk up into the project's package.json / node_modules.
cat > "$DEST/package.json" <<JSON
{ "name": "code-server-tool", "private": true, "description": "code-server for test/vscode/runInCodeServer.js; installed by scripts/code-server/install.sh", "dependencies": {} }
JSON

# Private TMPDIR: @vscode/ripgrep's postinstall looks for its download in
# <os.tmpdir()>/vscode-ripgrep-cache-<version>/ first. Seed it with Debian's rg.
WORK_TMP="$(mktemp -d "${TMPDIR:-/tmp}/code-server-install.XXXXXX")"
trap 'rm -rf "$WORK_TMP"' EXIT
case "$(uname -m)" in
  x86_64)  RG_TARGET="x86_64-unknown-linux-musl" ;;
  aarch64) RG_TARGET="aarch64-unknown-linux-musl" ;;
  *) die "unsupported architecture $(uname -m)" ;;
esac
RG_CACHE="$WORK_TMP/vscode-ripgrep-cache-$RG_PKG_VERSION"
mkdir -p "$RG_CACHE" "$WORK_TMP/rg"
cp "$(command -v rg)" "$WORK_TMP/rg/rg"
tar -czf "$RG_CACHE/ripgrep-$RG_RELEASE-$RG_TARGET.tar.gz" -C "$WORK_TMP/rg" rg

# npm_config_unsafe_perm: its postinstall refuses to run as root otherwise.
# npm_config_yes: a nested `npx node-gyp` would otherwise stall on a prompt.
LOG="$WORK_TMP/npm-install.log"
if ! TMPDIR="$WORK_TMP" npm_config_yes=true npm_config_unsafe_perm=true \
     npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false \
     npm install --prefix "$DEST" --save-exact --omit=dev --loglevel=warn \
       "code-server@$VERSION" >"$LOG" 2>&1; then
  tail -n 40 "$LOG" >&2
  die "npm install code-server@$VERSION failed (log above)"
fi

[ "$(installed_version)" = "$VERSION" ] || die "code-server $VERSION not found in $DEST after install"
[ -x "$CS_BIN" ] || die "$CS_BIN missing after install"
rg_ok || die "a nested @vscode/ripgrep has no bin/rg (cache name/version changed?)"
say "code-server $VERSION installed in $((SECONDS - t0))s"
