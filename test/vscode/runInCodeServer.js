#!/usr/bin/env node
/* eslint-disable no-console */
/**
 * Runs the VS Code integration suite (the mocha `run()` contract of
 * @vscode/test-electron) inside a real VS Code: code-server 4.100.3
 * (VS Code 1.100.3) served on 127.0.0.1 and rendered by headless Chromium.
 * Works without internet; install the tools first with
 * scripts/code-server/install.sh.
 *
 *   node test/vscode/runInCodeServer.js [options]
 *
 * Options (flag / environment variable / default):
 *   --extension-development-path DIR  FINDINGS_VSCODE_EXTENSION   repo root
 *   --workspace DIR                   FINDINGS_VSCODE_WORKSPACE   samples/
 *   --tests FILE                      FINDINGS_VSCODE_TESTS       out/test/vscode/suite/index.js
 *   --results FILE                    FINDINGS_TEST_RESULTS       .test-artifacts/vscode/results.json
 *   --screenshots DIR                 FINDINGS_VSCODE_SCREENSHOTS .test-artifacts/vscode/screenshots
 *   --timeout SECONDS                 FINDINGS_VSCODE_TIMEOUT     300 (suite; "90s", "90000ms" also accepted)
 *   --grep PATTERN                    FINDINGS_TEST_GREP          (all tests)
 *   --code-server FILE                CODE_SERVER_BIN             .tools/code-server/node_modules/.bin/code-server
 *   --chromium FILE                   CHROMIUM_BIN                /usr/bin/chromium
 *   --self-check      run against a throwaway minimal extension (the language
 *                     contribution from package.json, no `main`) and a
 *                     temporary workspace holding one *.report.md: checks the
 *                     harness itself before the extension is built
 *   --keep-temp       keep the temporary folder (HOME, user data, logs)
 *   --verbose         echo code-server's log and the browser console
 *
 * Output: the results JSON; a screenshot of the workbench as the tests left
 * it (<screenshots>/workbench-passed.png or workbench-failed.png); code-server's
 * log and the browser console (extension host output and errors land there)
 * copied next to the results file (code-server.log, browser-console.log).
 * Tests may also ask for screenshots while they run (helpers.ts,
 * `takeScreenshot(name)`): saved as <screenshots>/<name>.png.
 * The --timeout counts from the moment the workbench page has loaded;
 * code-server startup has its own 60 s limit.
 *
 * How the suite learns where to write its results: the runner sets
 * FINDINGS_TEST_RESULTS in code-server's environment; VS Code's server passes
 * its own environment on to the remote extension host it forks, so the suite
 * (test/vscode/suite/index.ts) reads it from process.env. (The browser cannot
 * pass environment variables: the web workbench ignores `extensionEnvironment`
 * in its payload.) FINDINGS_TEST_ACK names a file the suite waits for after
 * writing its results, so that the screenshot is taken before the extension
 * host exits (which would clear diagnostics and decorations).
 *
 * Exit code: 0 only if at least one test ran and none failed; 1 on test
 * failures or a run that produced no results; 2 on bad options.
 *
 * The building blocks are exported for other scripts (e.g. webview
 * screenshots): makeTempEnv, findFreePort, startCodeServer, buildWorkbenchUrl,
 * launchBrowser, openWorkbench, screenshot, waitForResults, printResults,
 * killProcessGroup, stopAll, makeSelfCheckFixture, runSuite, parseArgs:
 *
 *   const h = require('./test/vscode/runInCodeServer');
 *   const tmp = h.makeTempEnv();
 *   const codeServer = await h.startCodeServer({ tmp, workspace });
 *   const browser = await h.launchBrowser({ tmp });
 *   try {
 *     const url = h.buildWorkbenchUrl({ ...codeServer, workspace, extensionDevelopmentPath });
 *     const page = await h.openWorkbench(browser.browser, url);
 *     ... drive the workbench with playwright, h.screenshot(page, file) ...
 *   } finally {
 *     await h.stopAll({ browser, codeServer, tmp });
 *   }
 */
'use strict';

const childProcess = require('child_process');
const fs = require('fs');
const http = require('http');
const net = require('net');
const os = require('os');
const path = require('path');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const DEFAULT_CODE_SERVER = path.join(REPO_ROOT, '.tools', 'code-server', 'node_modules', '.bin', 'code-server');
const DEFAULT_CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const KILL_GRACE_MS = 4000;

const log = (...args) => console.log('[vscode-test]', ...args);
const sleep = ms => new Promise(r => setTimeout(r, ms));

// ---------------------------------------------------------------------------
// Options

function parseDuration(value, name) {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m)?\s*$/.exec(String(value));
  if (!m) throw new UsageError(`${name}: expected a duration like 300, 300s, 90000ms or 5m, got "${value}"`);
  const n = Number(m[1]);
  return Math.round(m[2] === 'ms' ? n : m[2] === 'm' ? n * 60_000 : n * 1000);
}

class UsageError extends Error {}

/** Parses argv (without node and script) and env into options with absolute paths. */
function parseArgs(argv = process.argv.slice(2), env = process.env) {
  const flags = {};
  const valued = new Set([
    'extension-development-path', 'workspace', 'tests', 'results', 'screenshots',
    'timeout', 'grep', 'code-server', 'chromium',
  ]);
  const booleans = new Set(['self-check', 'keep-temp', 'verbose', 'help']);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const m = /^--([^=]+)(?:=(.*))?$/.exec(arg);
    if (!m) throw new UsageError(`unexpected argument "${arg}"`);
    const [, name, inline] = m;
    if (booleans.has(name)) flags[name] = inline === undefined ? true : !/^(0|false|no)$/i.test(inline);
    else if (valued.has(name)) {
      const value = inline !== undefined ? inline : argv[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      flags[name] = value;
    } else throw new UsageError(`unknown option --${name}`);
  }
  const pick = (flag, envName, fallback) =>
    flags[flag] !== undefined ? flags[flag] : env[envName] !== undefined && env[envName] !== '' ? env[envName] : fallback;
  const abs = p => path.resolve(p);
  const artifacts = path.join(REPO_ROOT, '.test-artifacts', 'vscode');
  return {
    help: !!flags.help,
    extensionDevelopmentPath: abs(pick('extension-development-path', 'FINDINGS_VSCODE_EXTENSION', REPO_ROOT)),
    workspace: abs(pick('workspace', 'FINDINGS_VSCODE_WORKSPACE', path.join(REPO_ROOT, 'samples'))),
    testsPath: abs(pick('tests', 'FINDINGS_VSCODE_TESTS', path.join(REPO_ROOT, 'out', 'test', 'vscode', 'suite', 'index.js'))),
    resultsFile: abs(pick('results', 'FINDINGS_TEST_RESULTS', path.join(artifacts, 'results.json'))),
    screenshotDir: abs(pick('screenshots', 'FINDINGS_VSCODE_SCREENSHOTS', path.join(artifacts, 'screenshots'))),
    timeoutMs: parseDuration(pick('timeout', 'FINDINGS_VSCODE_TIMEOUT', '300'), 'timeout'),
    grep: pick('grep', 'FINDINGS_TEST_GREP', undefined),
    codeServerBin: abs(pick('code-server', 'CODE_SERVER_BIN', DEFAULT_CODE_SERVER)),
    chromiumBin: abs(pick('chromium', 'CHROMIUM_BIN', DEFAULT_CHROMIUM)),
    selfCheck: !!flags['self-check'],
    keepTemp: !!flags['keep-temp'] || /^(1|true)$/i.test(env.FINDINGS_VSCODE_KEEP_TEMP || ''),
    verbose: !!flags.verbose || /^(1|true)$/i.test(env.FINDINGS_VSCODE_VERBOSE || ''),
  };
}

// ---------------------------------------------------------------------------
// Temporary environment

/**
 * Creates a private folder for everything code-server and Chromium would
 * otherwise write into the real HOME (~/.config/code-server,
 * ~/.local/share/code-server, ~/.config/chromium, ~/.pki ...).
 * Returns the paths and an `env` to start the child processes with.
 */
function makeTempEnv(prefix = 'findings-vscode-') {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const dirs = {
    root,
    home: path.join(root, 'home'),
    config: path.join(root, 'xdg-config'),
    data: path.join(root, 'xdg-data'),
    cache: path.join(root, 'xdg-cache'),
    state: path.join(root, 'xdg-state'),
    runtime: path.join(root, 'xdg-runtime'),
    tmp: path.join(root, 'tmp'),
    userDataDir: path.join(root, 'user-data'),
    extensionsDir: path.join(root, 'extensions'),
    logs: path.join(root, 'logs'),
  };
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true, mode: 0o700 });
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    // Do not let a surrounding VS Code / code-server session leak in.
    if (/^(VSCODE_|ELECTRON_|CODE_SERVER_|PASSWORD$|HASHED_PASSWORD$|PORT$)/.test(k)) continue;
    env[k] = v;
  }
  Object.assign(env, {
    HOME: dirs.home,
    XDG_CONFIG_HOME: dirs.config,
    XDG_DATA_HOME: dirs.data,
    XDG_CACHE_HOME: dirs.cache,
    XDG_STATE_HOME: dirs.state,
    XDG_RUNTIME_DIR: dirs.runtime,
    TMPDIR: dirs.tmp,
  });
  return {
    ...dirs,
    env,
    remove() {
      fs.rmSync(root, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    },
  };
}

/** A free TCP port on 127.0.0.1 (there is a small race until code-server binds it; startCodeServer retries). */
function findFreePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

// ---------------------------------------------------------------------------
// Process groups

function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

/** "pid name, pid name" of the processes in a process group (Linux /proc), for log messages. */
function describeGroup(pgid) {
  const found = [];
  try {
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
        const m = /^\d+ \((.*)\) \S+ \d+ (\d+)/.exec(stat);
        if (m && Number(m[2]) === pgid) {
          const cmd = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').filter(Boolean);
          const script = cmd.find(a => /\.js$/.test(a));
          found.push(`${entry} ${m[1]}${script ? ' ' + path.basename(script) : ''}`);
        }
      } catch {
        /* exited meanwhile */
      }
    }
  } catch {
    /* no /proc */
  }
  return found.length ? found.join(', ') : `group ${pgid}`;
}

/** SIGTERM the process group, then SIGKILL it after graceMs. Resolves when the group is gone. */
async function killProcessGroup(pgid, { graceMs = KILL_GRACE_MS, name = `group ${pgid}` } = {}) {
  if (!pgid || !groupAlive(pgid)) return;
  try {
    process.kill(-pgid, 'SIGTERM');
  } catch {
    /* already gone */
  }
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!groupAlive(pgid)) return;
    await sleep(100);
  }
  log(`${name} did not stop within ${graceMs} ms of SIGTERM; sending SIGKILL to ${describeGroup(pgid)}`);
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {
    /* already gone */
  }
  const hardDeadline = Date.now() + 2000;
  while (Date.now() < hardDeadline && groupAlive(pgid)) await sleep(50);
}

// Last resort if the runner exits without its normal clean-up.
const liveGroups = new Set();
process.on('exit', () => {
  for (const pgid of liveGroups) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
});

// ---------------------------------------------------------------------------
// code-server

function httpStatus(url, timeoutMs = 2000) {
  return new Promise(resolve => {
    const req = http.get(url, { timeout: timeoutMs }, res => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

function writeUserSettings(userDataDir, extra = {}) {
  const dir = path.join(userDataDir, 'User');
  fs.mkdirSync(dir, { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'security.workspace.trust.enabled': false,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'git.enabled': false,
    ...extra,
  };
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify(settings, null, 2));
}

/**
 * Starts code-server on 127.0.0.1 in its own process group and waits until it
 * answers HTTP.
 *
 * options: { tmp (from makeTempEnv), workspace, codeServerBin, env (extra
 *   variables, e.g. FINDINGS_TEST_RESULTS; they reach the remote extension
 *   host), settings (extra user settings), port, startTimeoutMs, verbose }
 * Returns { pid, port, baseUrl, child, logFile, exited (promise of {code,
 *   signal}), onLine(fn) (subscribe to log lines), stop() }.
 */
async function startCodeServer(options) {
  const {
    tmp,
    workspace,
    codeServerBin = DEFAULT_CODE_SERVER,
    env: extraEnv = {},
    settings = {},
    startTimeoutMs = 60_000,
    verbose = false,
  } = options;
  if (!tmp) throw new Error('startCodeServer: options.tmp (from makeTempEnv()) is required');
  if (!fs.existsSync(codeServerBin)) {
    throw new Error(`code-server not found at ${codeServerBin}; run scripts/code-server/install.sh`);
  }
  writeUserSettings(tmp.userDataDir, settings);

  let lastError;
  for (let attempt = 1; attempt <= 3; attempt++) {
    const port = options.port || (await findFreePort());
    try {
      return await startCodeServerOnce({ tmp, workspace, codeServerBin, extraEnv, startTimeoutMs, verbose, port });
    } catch (e) {
      lastError = e;
      if (!e.addressInUse || options.port) throw e;
      log(`port ${port} was taken meanwhile; retrying`);
    }
  }
  throw lastError;
}

async function startCodeServerOnce({ tmp, workspace, codeServerBin, extraEnv, startTimeoutMs, verbose, port }) {
  const configFile = path.join(tmp.root, `code-server-${port}.yaml`);
  fs.writeFileSync(configFile, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const logFile = path.join(tmp.logs, `code-server-${port}.log`);
  const args = [
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--config', configFile,
    '--user-data-dir', tmp.userDataDir,
    '--extensions-dir', tmp.extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--disable-proxy',
  ];
  if (workspace) args.push(workspace);

  const child = childProcess.spawn(codeServerBin, args, {
    cwd: tmp.home,
    // EXTENSIONS_GALLERY={}: no marketplace (open-vsx.org) lookups; there is no network anyway.
    env: { ...tmp.env, EXTENSIONS_GALLERY: '{}', ...extraEnv },
    detached: true, // own process group: stop() signals the whole group, extension host included
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pid = child.pid;
  if (pid) liveGroups.add(pid);

  const listeners = new Set();
  let allText = '';
  const onData = chunk => {
    const text = chunk.toString();
    fs.appendFileSync(logFile, text); // synchronous: complete even if we are killed
    if (verbose) process.stdout.write(text.replace(/^/gm, '[code-server] '));
    allText = (allText + text).slice(-20_000);
    for (const line of text.split('\n')) if (line.trim()) for (const fn of listeners) fn(line);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);

  const exited = new Promise(resolve => {
    child.on('exit', (code, signal) => resolve({ code, signal }));
    child.on('error', err => resolve({ code: null, signal: null, error: err }));
  });

  const baseUrl = `http://127.0.0.1:${port}`;
  const server = {
    pid,
    port,
    baseUrl,
    child,
    logFile,
    exited,
    onLine(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    async stop() {
      await killProcessGroup(pid, { name: 'code-server' });
      liveGroups.delete(pid);
    },
  };

  // Wait until it answers HTTP (its log line "HTTP server listening" triggers an
  // immediate probe; a slow poll covers a missed line), or until it exits.
  const started = Date.now();
  let exitInfo;
  exited.then(info => (exitInfo = info));
  let wake;
  const off = server.onLine(line => {
    if (/HTTP server listening|Session server listening/.test(line) && wake) wake();
  });
  try {
    for (;;) {
      if (exitInfo) {
        const err = new Error(
          `code-server exited during startup (code ${exitInfo.code}, signal ${exitInfo.signal})` +
            (exitInfo.error ? `: ${exitInfo.error.message}` : '') +
            `\n${allText.split('\n').slice(-15).join('\n')}`,
        );
        err.addressInUse = /EADDRINUSE/.test(allText);
        liveGroups.delete(pid);
        throw err;
      }
      const status = await httpStatus(`${baseUrl}/healthz`);
      if (status === 200) break;
      if (Date.now() - started > startTimeoutMs) {
        await server.stop();
        throw new Error(`code-server did not answer on ${baseUrl} within ${startTimeoutMs} ms; log: ${logFile}`);
      }
      await Promise.race([new Promise(r => (wake = r)), sleep(250), exited]);
      wake = undefined;
    }
  } finally {
    off();
  }
  return server;
}

/** The URL that opens `workspace` with the development extension and the tests module (payload parameter). */
function buildWorkbenchUrl({ baseUrl, port, workspace, extensionDevelopmentPath, extensionTestsPath }) {
  const authority = `127.0.0.1:${port}`;
  const remote = p => `vscode-remote://${authority}${encodeURI(path.resolve(p))}`;
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  const params = [];
  if (workspace) params.push(`folder=${encodeURIComponent(path.resolve(workspace))}`);
  if (payload.length) params.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
  return `${baseUrl}/${params.length ? '?' + params.join('&') : ''}`;
}

// ---------------------------------------------------------------------------
// Browser

/**
 * Launches headless Chromium (Debian's /usr/bin/chromium) through
 * playwright-core, in its own process group, with HOME/XDG in the temp folder.
 * Returns { browser, pid, stop() }.
 */
async function launchBrowser({ tmp, executablePath = DEFAULT_CHROMIUM, args = [], headless = true } = {}) {
  const { chromium } = require('playwright-core');
  if (!fs.existsSync(executablePath)) {
    throw new Error(`Chromium not found at ${executablePath}; run scripts/code-server/install.sh`);
  }
  // launchServer (not launch) so that the browser's pid is known: playwright
  // starts it detached, i.e. as leader of its own process group.
  const server = await chromium.launchServer({
    executablePath,
    headless,
    args: [...CHROMIUM_FLAGS, ...args],
    env: tmp ? tmp.env : undefined,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  const pid = server.process().pid;
  if (pid) liveGroups.add(pid);
  const browser = await chromium.connect(server.wsEndpoint());
  return {
    browser,
    server,
    pid,
    async stop() {
      await withTimeout(browser.close().catch(() => {}), 3000);
      await withTimeout(server.close().catch(() => {}), 3000);
      await killProcessGroup(pid, { name: 'chromium' });
      liveGroups.delete(pid);
    },
  };
}

function withTimeout(promise, ms) {
  let t;
  return Promise.race([promise, new Promise(r => (t = setTimeout(r, ms)))]).finally(() => clearTimeout(t));
}

/**
 * Opens `url` in a new page (new browser context). Browser console messages
 * and page errors (which include the extension host's console output and
 * errors) are appended to `consoleLogFile`, passed to `onConsole(line)`, and
 * echoed when verbose.
 */
async function openWorkbench(
  browser,
  url,
  { consoleLogFile, onConsole, verbose = false, viewport = { width: 1440, height: 900 } } = {},
) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const record = line => {
    if (consoleLogFile) fs.appendFileSync(consoleLogFile, line + '\n');
    if (onConsole) onConsole(line);
    if (verbose) console.log(`[browser] ${line}`);
  };
  page.on('console', msg => record(`${msg.type()}: ${msg.text()}`));
  page.on('pageerror', err => record(`pageerror: ${err.stack || err.message}`));
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  return page;
}

/** Saves a screenshot of the page; never throws (returns the path or undefined). */
async function screenshot(page, file) {
  if (!page || page.isClosed()) return undefined;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await page.waitForSelector('.monaco-workbench', { timeout: 5000 }).catch(() => {});
    await page.screenshot({ path: file, timeout: 15_000 });
    return file;
  } catch (e) {
    log(`screenshot failed: ${e.message}`);
    return undefined;
  }
}

/** A screenshot's name as the suite may ask for it: the file name without `.png`. */
const SCREENSHOT_NAME = /^[a-z0-9][a-z0-9-]{0,79}$/;

/**
 * Takes the screenshots the suite asks for while it runs: the suite (which
 * cannot reach the browser) writes `<n>.json` ({ name }) into `requestDir`
 * (FINDINGS_TEST_SCREENSHOT_REQUESTS); the page is saved as
 * `<screenshotDir>/<name>.png` and `<n>.done` ({ file } or { error }) tells
 * the suite it may go on. One request at a time, in the order written.
 * Returns stop().
 */
function serveScreenshotRequests({ page, requestDir, screenshotDir }) {
  let busy = false;
  let stopped = false;
  const serve = async () => {
    if (busy || stopped) return;
    busy = true;
    try {
      for (const entry of fs.readdirSync(requestDir).filter(n => n.endsWith('.json')).sort()) {
        const request = path.join(requestDir, entry);
        let answer;
        try {
          const { name } = JSON.parse(fs.readFileSync(request, 'utf8'));
          if (typeof name !== 'string' || !SCREENSHOT_NAME.test(name)) throw new Error(`not a screenshot name: ${JSON.stringify(name)}`);
          const file = await screenshot(page, path.join(screenshotDir, `${name}.png`));
          answer = file ? { file } : { error: 'the screenshot failed (see the runner log)' };
        } catch (e) {
          answer = { error: e.message };
        }
        fs.rmSync(request, { force: true });
        fs.writeFileSync(path.join(requestDir, entry.replace(/\.json$/, '.done')), JSON.stringify(answer));
      }
    } catch (e) {
      log(`screenshot requests: ${e.message}`);
    } finally {
      busy = false;
    }
  };
  fs.mkdirSync(requestDir, { recursive: true });
  const poll = setInterval(() => void serve(), 250);
  return () => {
    stopped = true;
    clearInterval(poll);
  };
}

// ---------------------------------------------------------------------------
// Results

/**
 * Resolves with the parsed JSON once `file` exists and parses. Watches the
 * folder (fs.watch) with a slow stat poll as a safety net. Rejects after
 * timeoutMs, or when `abort` (a promise) settles first with a reason.
 */
function waitForResults(file, { timeoutMs, abort } = {}) {
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true });
  return new Promise((resolve, reject) => {
    let done = false;
    let watcher;
    let poll;
    let timer;
    const finish = (err, value) => {
      if (done) return;
      done = true;
      if (watcher) watcher.close();
      clearInterval(poll);
      clearTimeout(timer);
      if (err) reject(err);
      else resolve(value);
    };
    const check = () => {
      if (done) return;
      let text;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch {
        return;
      }
      try {
        finish(null, JSON.parse(text));
      } catch {
        /* partially written; the next event completes it */
      }
    };
    try {
      watcher = fs.watch(dir, (_event, name) => {
        if (!name || name === path.basename(file)) check();
      });
      watcher.on('error', () => {});
    } catch {
      /* fall back to polling */
    }
    poll = setInterval(check, 1000);
    if (timeoutMs) timer = setTimeout(() => finish(new Error(`no results in ${file} after ${timeoutMs} ms`)), timeoutMs);
    if (abort) abort.then(reason => finish(reason instanceof Error ? reason : new Error(String(reason))), () => {});
    check();
  });
}

/** Prints each test with its state and error, then the totals. Returns true if >= 1 test ran and none failed. */
function printResults(results, out = console.log) {
  const tests = Array.isArray(results && results.tests) ? results.tests : [];
  for (const t of tests) {
    const mark = t.state === 'passed' ? 'PASS' : t.state === 'failed' ? 'FAIL' : 'SKIP';
    const ms = typeof t.duration === 'number' && t.state !== 'pending' ? ` (${t.duration} ms)` : '';
    out(`  ${mark}  ${t.fullTitle}${ms}`);
    if (t.state === 'failed' && t.error) out(t.error.replace(/^/gm, '        '));
  }
  const passes = tests.filter(t => t.state === 'passed').length;
  const failures = tests.filter(t => t.state === 'failed').length;
  const pending = tests.filter(t => t.state === 'pending').length;
  out(`  ${passes} passed, ${failures} failed${pending ? `, ${pending} pending` : ''}`);
  return passes + failures > 0 && failures === 0;
}

// ---------------------------------------------------------------------------
// Stop everything

/** Closes the browser and code-server (process groups: SIGTERM, then SIGKILL) and removes the temp folder. */
async function stopAll({ browser, codeServer, tmp, keepTemp = false } = {}) {
  await Promise.all([browser && browser.stop(), codeServer && codeServer.stop()].filter(Boolean).map(p => p.catch(() => {})));
  if (tmp) {
    if (keepTemp) log(`temp folder kept: ${tmp.root}`);
    else {
      try {
        tmp.remove();
      } catch (e) {
        log(`could not remove ${tmp.root}: ${e.message}`);
      }
    }
  }
}

// ---------------------------------------------------------------------------
// Self-check extension

/** A throwaway extension (language contribution only, no code) and a workspace with one report. */
function makeSelfCheckFixture(tmp) {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  const languages = ((pkg.contributes && pkg.contributes.languages) || []).map(l => ({
    id: l.id,
    aliases: l.aliases,
    extensions: l.extensions,
    filenamePatterns: l.filenamePatterns,
  }));
  const extDir = path.join(tmp.root, 'self-check-extension');
  fs.mkdirSync(extDir, { recursive: true });
  fs.writeFileSync(
    path.join(extDir, 'package.json'),
    JSON.stringify(
      {
        name: 'harness-self-check',
        displayName: 'Harness self-check',
        publisher: 'inspection-findings',
        version: '0.0.0',
        engines: { vscode: (pkg.engines && pkg.engines.vscode) || '^1.100.0' },
        contributes: { languages },
      },
      null,
      2,
    ),
  );
  const wsDir = path.join(tmp.root, 'self-check-workspace');
  fs.mkdirSync(wsDir, { recursive: true });
  fs.writeFileSync(
    path.join(wsDir, 'example.report.md'),
    '---\nprovider: Example Primary School\n---\n# Example inspection report\n\nPupils with SEND are well supported.\n',
  );
  return { extensionDevelopmentPath: extDir, workspace: wsDir };
}

// ---------------------------------------------------------------------------
// The whole run

/**
 * Runs the suite once. Returns { ok, results, error, timings, screenshots }.
 * `signal`: an optional AbortSignal (the CLI aborts on SIGINT/SIGTERM/SIGHUP).
 */
async function runSuite(opts, { signal } = {}) {
  const timings = {};
  const t0 = Date.now();
  const mark = name => (timings[name] = Date.now() - t0);
  const screenshots = [];
  let tmp;
  let codeServer;
  let browser;
  let page;
  let results;
  let error;
  const consoleLines = [];

  const aborted = new Promise(resolve => {
    if (!signal) return;
    if (signal.aborted) resolve(new Error('interrupted'));
    signal.addEventListener('abort', () => resolve(new Error(`interrupted (${signal.reason || 'signal'})`)), { once: true });
  });
  const orAbort = p => Promise.race([p, aborted.then(e => Promise.reject(e))]);

  try {
    tmp = makeTempEnv();
    let { extensionDevelopmentPath, workspace } = opts;
    if (opts.selfCheck) {
      ({ extensionDevelopmentPath, workspace } = makeSelfCheckFixture(tmp));
      log(`self-check: throwaway extension ${extensionDevelopmentPath}, workspace ${workspace}`);
    }
    checkInputs({ ...opts, extensionDevelopmentPath, workspace });

    // No stale results or logs from an earlier run.
    for (const f of [opts.resultsFile, ...LOG_NAMES.map(n => path.join(path.dirname(opts.resultsFile), n))]) {
      fs.rmSync(f, { force: true });
    }
    fs.mkdirSync(path.dirname(opts.resultsFile), { recursive: true });
    // The suite waits for this file before run() settles (and the extension
    // host exits), so the screenshot shows the workbench as the tests left it.
    const ackFile = path.join(tmp.root, 'screenshot-taken');

    // Screenshots the suite asks for while it runs (serveScreenshotRequests).
    const screenshotRequests = path.join(tmp.root, 'screenshot-requests');
    const env = { FINDINGS_TEST_RESULTS: opts.resultsFile, FINDINGS_TEST_ACK: ackFile, FINDINGS_TEST_SCREENSHOT_REQUESTS: screenshotRequests };
    if (opts.grep) env.FINDINGS_TEST_GREP = opts.grep;
    codeServer = await orAbort(
      startCodeServer({ tmp, workspace, codeServerBin: opts.codeServerBin, env, verbose: opts.verbose }),
    );
    mark('codeServerReady');
    log(`code-server ${codeServer.baseUrl} (pid ${codeServer.pid}) ready after ${timings.codeServerReady} ms`);

    // If the extension host exits before results appear (tests module failed
    // to load, crash), give the file a short grace period, then fail.
    let hostExit;
    const hostExited = new Promise(resolve => {
      codeServer.onLine(line => {
        const m = /Extension Host Process exited with code: (-?\d+|null)/.exec(line);
        if (m && !hostExit) {
          hostExit = m[1];
          setTimeout(() => resolve(new Error(`extension host exited (code ${m[1]}) without writing ${opts.resultsFile}`)), 5000).unref();
        }
      });
      codeServer.exited.then(info =>
        setTimeout(() => resolve(new Error(`code-server exited (code ${info.code}, signal ${info.signal})`)), 2000).unref(),
      );
    });

    browser = await orAbort(launchBrowser({ tmp, executablePath: opts.chromiumBin }));
    mark('browserReady');

    const url = buildWorkbenchUrl({
      baseUrl: codeServer.baseUrl,
      port: codeServer.port,
      workspace,
      extensionDevelopmentPath,
      extensionTestsPath: opts.testsPath,
    });
    if (opts.verbose) log(`opening ${url}`);
    page = await orAbort(
      openWorkbench(browser.browser, url, {
        consoleLogFile: path.join(tmp.logs, 'browser-console.log'),
        onConsole: line => consoleLines.push(line),
        verbose: opts.verbose,
      }),
    );
    mark('pageLoaded');

    const suiteStart = Date.now();
    const stopServingScreenshots = serveScreenshotRequests({ page, requestDir: screenshotRequests, screenshotDir: opts.screenshotDir });
    try {
      results = await waitForResults(opts.resultsFile, {
        timeoutMs: opts.timeoutMs,
        abort: Promise.race([hostExited, aborted]),
      });
    } catch (e) {
      error = e;
    } finally {
      stopServingScreenshots();
    }
    mark('suiteDone');
    timings.suite = Date.now() - suiteStart;

    const ok = !error && results && allPassed(results);
    const shot = path.join(opts.screenshotDir, `workbench-${ok ? 'passed' : 'failed'}.png`);
    if (!signal || !signal.aborted) {
      if (await screenshot(page, shot)) screenshots.push(shot);
    }
    fs.writeFileSync(ackFile, 'done\n');
  } catch (e) {
    error = error || e;
    if (page && (!signal || !signal.aborted)) {
      const shot = path.join(opts.screenshotDir, 'workbench-failed.png');
      if (await screenshot(page, shot)) screenshots.push(shot);
    }
  } finally {
    const s = Date.now();
    await stopAll({ browser, codeServer });
    timings.stop = Date.now() - s;
    if (tmp) {
      copyLogs(tmp, path.dirname(opts.resultsFile));
      await stopAll({ tmp, keepTemp: opts.keepTemp });
    }
    timings.total = Date.now() - t0;
  }
  const ok = !error && !!results && allPassed(results);
  return { ok, results, error, timings, screenshots, consoleErrors: results ? [] : consoleErrors(consoleLines) };
}

/** The last few error entries of the browser console (extension host errors land there). */
function consoleErrors(lines, max = 3) {
  const entries = lines
    .filter(l => /^(error|pageerror): /.test(l))
    .filter(l => !/Failed to load resource|vsda|open-vsx\.org/.test(l));
  return entries.slice(-max).map(e => e.split('\n').slice(0, 12).join('\n'));
}

function allPassed(results) {
  const tests = (results && results.tests) || [];
  const failures = tests.filter(t => t.state === 'failed').length;
  const passes = tests.filter(t => t.state === 'passed').length;
  return passes + failures > 0 && failures === 0;
}

const LOG_NAMES = ['code-server.log', 'browser-console.log'];

/** Copies the run's logs next to the results file (code-server.log, browser-console.log). */
function copyLogs(tmp, destDir) {
  try {
    fs.mkdirSync(destDir, { recursive: true });
    for (const name of fs.readdirSync(tmp.logs)) {
      const dest = name.startsWith('code-server-') ? LOG_NAMES[0] : name;
      fs.copyFileSync(path.join(tmp.logs, name), path.join(destDir, dest));
    }
  } catch {
    /* best effort */
  }
}

function checkInputs({ extensionDevelopmentPath, workspace, testsPath, selfCheck }) {
  const pkgFile = path.join(extensionDevelopmentPath, 'package.json');
  if (!fs.existsSync(pkgFile)) throw new UsageError(`no package.json in extension folder ${extensionDevelopmentPath}`);
  const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
  if (pkg.main && !selfCheck) {
    const main = path.resolve(extensionDevelopmentPath, pkg.main);
    const candidates = [main, `${main}.js`];
    if (!candidates.some(f => fs.existsSync(f))) {
      throw new UsageError(
        `the extension's main ${pkg.main} does not exist: build the extension first (npm run build), ` +
          'or pass --self-check to check the harness with a throwaway extension',
      );
    }
  }
  if (!fs.existsSync(workspace) || !fs.statSync(workspace).isDirectory()) {
    throw new UsageError(`workspace folder ${workspace} does not exist`);
  }
  if (!fs.existsSync(testsPath)) {
    throw new UsageError(`tests module ${testsPath} does not exist: compile the suite first (esbuild test/vscode/suite/*.ts -> out/test/vscode/suite/)`);
  }
}

// ---------------------------------------------------------------------------
// CLI

function usage() {
  const doc = /\/\*\*\n([\s\S]*?)\*\//.exec(fs.readFileSync(__filename, 'utf8'));
  return doc ? doc[1].replace(/^ \* ?/gm, '').trimEnd() : '';
}

async function main() {
  let opts;
  try {
    opts = parseArgs();
  } catch (e) {
    console.error(`[vscode-test] ${e.message}`);
    return 2;
  }
  if (opts.help) {
    console.log(usage());
    return 0;
  }

  const controller = new AbortController();
  const onSignal = sig => {
    if (controller.signal.aborted) return;
    log(`${sig}: stopping code-server and the browser`);
    controller.abort(sig);
  };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, onSignal);

  log(`extension ${opts.selfCheck ? '(self-check)' : opts.extensionDevelopmentPath}`);
  log(`tests     ${opts.testsPath}`);
  const run = await runSuite(opts, { signal: controller.signal });
  const t = run.timings;
  if (run.results) {
    log('results:');
    printResults(run.results);
  }
  if (run.error) {
    const usage = run.error instanceof UsageError;
    console.log(`[vscode-test] ${usage ? '' : 'ERROR: '}${run.error.message}`);
    if (usage) return 2;
  }
  if (run.consoleErrors && run.consoleErrors.length) {
    log(`last errors in the browser console (full log: ${path.join(path.dirname(opts.resultsFile), 'browser-console.log')}):`);
    for (const e of run.consoleErrors) console.log(e.replace(/^/gm, '    '));
  }
  for (const s of run.screenshots) log(`screenshot ${path.relative(process.cwd(), s)}`);
  log(
    `timings: code-server ${fmt(t.codeServerReady)}, browser ${fmt(t.browserReady - t.codeServerReady)}, ` +
      `page ${fmt(t.pageLoaded - t.browserReady)}, suite ${fmt(t.suite)}, stop ${fmt(t.stop)}, total ${fmt(t.total)}`,
  );
  if (controller.signal.aborted) return 130;
  if (run.results && !run.ok && run.results.tests && run.results.tests.length === 0) {
    console.error('[vscode-test] no test ran');
  }
  log(run.ok ? 'PASSED' : 'FAILED');
  return run.ok ? 0 : 1;
}

function fmt(ms) {
  return typeof ms === 'number' && !Number.isNaN(ms) ? `${(ms / 1000).toFixed(1)}s` : '-';
}

module.exports = {
  REPO_ROOT,
  runAsScript,
  CHROMIUM_FLAGS,
  parseArgs,
  makeTempEnv,
  findFreePort,
  startCodeServer,
  buildWorkbenchUrl,
  launchBrowser,
  openWorkbench,
  screenshot,
  serveScreenshotRequests,
  waitForResults,
  printResults,
  killProcessGroup,
  stopAll,
  makeSelfCheckFixture,
  runSuite,
};

/**
 * Runs a script's async main() as the process: its number is the exit code,
 * and a stray handle cannot keep the process alive after clean-up.
 */
function runAsScript(main, tag) {
  main().then(
    (code) => {
      process.exitCode = code;
      setTimeout(() => process.exit(code), 2000).unref();
    },
    (err) => {
      console.error(`[${tag}] unexpected error:`, err);
      process.exitCode = 1;
    },
  );
}

if (require.main === module) runAsScript(main, 'vscode-test');
