// Packages the extension into a VSIX with vsce (which runs the production
// build first): one set of flags for the demo and the packaged-extension
// check. Without a `repository` field vsce cannot rewrite the README's
// relative links (the screenshot) to absolute ones, so they stay relative,
// and it must be told the repository is missing; without a LICENSE file it
// would ask about one.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');

/** The vsce arguments for this checkout. */
function vsceArguments(outFile) {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const args = ['package', '--no-dependencies', '--out', outFile];
  if (!pkg.repository) args.push('--no-rewrite-relative-links', '--allow-missing-repository');
  if (!['LICENSE', 'LICENSE.md', 'LICENSE.txt'].some((name) => fs.existsSync(path.join(root, name)))) args.push('--skip-license');
  return args;
}

/** Runs vsce; returns its result (status, and output when `stdio` is 'pipe'). */
function packageVsix(outFile, stdio = 'inherit') {
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.rmSync(outFile, { force: true });
  const vsce = path.join(path.dirname(require.resolve('@vscode/vsce/package.json', { paths: [root] })), 'vsce');
  const args = vsceArguments(outFile);
  const result = spawnSync(process.execPath, [vsce, ...args], { cwd: root, encoding: 'utf8', stdio: stdio === 'pipe' ? ['ignore', 'pipe', 'pipe'] : 'inherit', timeout: 300_000 });
  return { ...result, args };
}

module.exports = { packageVsix, vsceArguments };

// `npm run package`: the VSIX in the working folder.
if (require.main === module) {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  process.exitCode = packageVsix(path.join(root, `${pkg.name}-${pkg.version}.vsix`)).status === 0 ? 0 : 1;
}
