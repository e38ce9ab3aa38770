#!/usr/bin/env node
/* eslint-disable no-console */
/**
 * Runs the VS Code integration suite (out/test/vscode/suite/index.js) through
 * @vscode/test-electron, the usual way for extension authors. It downloads a
 * VS Code build on first use, so it needs internet access (github / update.code.visualstudio.com);
 * on machines without it use test/vscode/runInCodeServer.js, which runs the
 * same suite inside code-server.
 *
 *   node test/vscode/runInElectron.js [options]
 *
 * Options (flag / environment variable / default):
 *   --extension-development-path DIR  FINDINGS_VSCODE_EXTENSION  repo root
 *   --workspace DIR                   FINDINGS_VSCODE_WORKSPACE  samples/
 *   --tests FILE                      FINDINGS_VSCODE_TESTS      out/test/vscode/suite/index.js
 *   --results FILE                    FINDINGS_TEST_RESULTS      .test-artifacts/vscode/results.json
 *   --grep PATTERN                    FINDINGS_TEST_GREP         (all tests)
 *   --vscode-version VERSION          VSCODE_TEST_VERSION        1.100.3 (the smoke test expects 1.100.x)
 *   --vscode-executable FILE          VSCODE_EXECUTABLE          (download VS Code VERSION)
 *   --keep-temp                       keep the temporary user-data/extensions folder
 *
 * The results path reaches the suite through `extensionTestsEnv`
 * (FINDINGS_TEST_RESULTS). Exit code: 0 only if at least one test ran and
 * none failed.
 */
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { parseArgs, printResults, REPO_ROOT } = require('./runInCodeServer');

function takeOwnFlags(argv) {
  const own = { version: undefined, executable: undefined };
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    const m = /^--(vscode-version|vscode-executable)(?:=(.*))?$/.exec(argv[i]);
    if (!m) {
      rest.push(argv[i]);
      continue;
    }
    const value = m[2] !== undefined ? m[2] : argv[++i];
    if (value === undefined) throw new Error(`--${m[1]} needs a value`);
    own[m[1] === 'vscode-version' ? 'version' : 'executable'] = value;
  }
  return { own, rest };
}

function usage() {
  const doc = /\/\*\*\n([\s\S]*?)\*\//.exec(fs.readFileSync(__filename, 'utf8'));
  return doc ? doc[1].replace(/^ \* ?/gm, '').trimEnd() : '';
}

async function main() {
  let opts;
  let own;
  try {
    const split = takeOwnFlags(process.argv.slice(2));
    own = split.own;
    opts = parseArgs(split.rest);
  } catch (e) {
    console.error(`[vscode-test] ${e.message}`);
    return 2;
  }
  if (opts.help) {
    console.log(usage());
    return 0;
  }
  for (const [what, p] of [['tests module', opts.testsPath], ['workspace', opts.workspace], ['extension', opts.extensionDevelopmentPath]]) {
    if (!fs.existsSync(p)) {
      console.error(`[vscode-test] ${what} ${p} does not exist`);
      return 2;
    }
  }

  const { runTests } = require('@vscode/test-electron');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'findings-vscode-electron-'));
  fs.rmSync(opts.resultsFile, { force: true });
  fs.mkdirSync(path.dirname(opts.resultsFile), { recursive: true });

  const version = own.version || process.env.VSCODE_TEST_VERSION || '1.100.3';
  const vscodeExecutablePath = own.executable || process.env.VSCODE_EXECUTABLE || undefined;
  const extensionTestsEnv = { FINDINGS_TEST_RESULTS: opts.resultsFile };
  if (opts.grep) extensionTestsEnv.FINDINGS_TEST_GREP = opts.grep;

  let runError;
  try {
    await runTests({
      version,
      vscodeExecutablePath,
      // Downloads are cached here (git-ignored).
      cachePath: path.join(REPO_ROOT, '.vscode-test'),
      extensionDevelopmentPath: opts.extensionDevelopmentPath,
      extensionTestsPath: opts.testsPath,
      extensionTestsEnv,
      launchArgs: [
        opts.workspace,
        '--disable-extensions', // other installed extensions; the development extension still loads
        '--disable-workspace-trust',
        '--disable-telemetry',
        '--user-data-dir', path.join(tmp, 'user-data'),
        '--extensions-dir', path.join(tmp, 'extensions'),
      ],
    });
  } catch (e) {
    runError = e;
  } finally {
    if (opts.keepTemp) console.log(`[vscode-test] temp folder kept: ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }

  let results;
  try {
    results = JSON.parse(fs.readFileSync(opts.resultsFile, 'utf8'));
  } catch {
    /* none written */
  }
  let ok = false;
  if (results) {
    console.log('[vscode-test] results:');
    ok = printResults(results);
  } else {
    console.error(`[vscode-test] no results in ${opts.resultsFile}`);
  }
  if (runError && ok) {
    // All tests passed but VS Code exited abnormally.
    ok = false;
  }
  if (runError) console.error(`[vscode-test] ${runError.message || runError}`);
  console.log(`[vscode-test] ${ok ? 'PASSED' : 'FAILED'}`);
  return ok ? 0 : 1;
}

main().then(
  code => {
    process.exitCode = code;
  },
  err => {
    console.error('[vscode-test] unexpected error:', err);
    process.exitCode = 1;
  },
);
