// npm test: every test stage in turn, then one closing line "N passed, N failed".
//   1. unit, CLI, property and language-server tests (mocha, on the bundles)
//   2. TextMate grammar tests (vscode-tmgrammar-test)
//   3. the extension's suite inside a real VS Code (code-server + headless
//      Chromium), when `npm run vscode:tools` has installed code-server;
//      required when CI is set;
//   4. the summary panel driven in the workbench with Playwright: its numbers
//      against the CLI's, screenshots in light, dark and high-contrast themes
//      (.test-artifacts/screenshots/), a window reload, markup shown as text;
//   5. the packaged VSIX installed into code-server and driven in the
//      workbench (Problems panel, Outline, completion, tagging).
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const artifacts = path.join(root, '.test-artifacts');
fs.mkdirSync(artifacts, { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
const stageResults = [];
// What failed, by stage: repeated under the summary so the log's last lines name it.
const failedChecks = [];

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function record(stage, counts, failures = []) {
  for (const failure of failures) failedChecks.push(`${stage}: ${failure}`);
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped ?? 0;
  stageResults.push(`${stage}: ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}`);
}

function mochaStage() {
  console.log('\n== Build and unit, CLI, property and language-server tests ==');
  if (run(process.execPath, ['esbuild.js', '--tests']) !== 0) return record('build', { passed: 0, failed: 1 });
  const statsFile = path.join(artifacts, 'mocha-stats.json');
  fs.rmSync(statsFile, { force: true });
  const status = run(process.execPath, [require.resolve('mocha/bin/mocha.js'), '--reporter', path.join(root, 'test', 'reporters', 'summary.js')], { FINDINGS_TEST_STATS: statsFile });
  const counts = fs.existsSync(statsFile) ? JSON.parse(fs.readFileSync(statsFile, 'utf8')) : { passed: 0, failed: 1 };
  if (status !== 0 && counts.failed === 0) counts.failed = 1;
  record('mocha', counts, (counts.failures ?? []).map((f) => `${f.title}: ${f.message}`));
}

function grammarStage() {
  console.log('\n== Grammar tests ==');
  const files = fs.readdirSync(path.join(root, 'test', 'grammar')).filter((name) => name.endsWith('.report.md')).sort();
  const counts = { passed: 0, failed: 0 };
  const failures = [];
  const cli = path.join(root, 'node_modules', 'vscode-tmgrammar-test', 'dist', 'unit.js');
  for (const file of files) {
    const status = run(process.execPath, [cli, '-g', 'syntaxes/inspection-report.tmLanguage.json', '-g', 'test/grammar/yaml-stub.tmLanguage.json', path.join('test', 'grammar', file)]);
    counts[status === 0 ? 'passed' : 'failed']++;
    if (status !== 0) failures.push(file);
  }
  record('grammar', counts, failures);
}

/** code-server and Chromium (`npm run vscode:tools`): required under CI, else the stage is skipped. */
function toolsInstalled(stage) {
  const codeServer = path.join(root, '.tools', 'code-server', 'node_modules', '.bin', 'code-server');
  if (fs.existsSync(codeServer) && fs.existsSync('/usr/bin/chromium')) return true;
  const message = 'code-server or Chromium is not installed: run `npm run vscode:tools` first';
  if (process.env.CI) {
    console.log(`FAILED: ${message}`);
    record(stage, { passed: 0, failed: 1 });
  } else {
    console.log(`skipped: ${message}`);
    record(stage, { passed: 0, failed: 0, skipped: 1 });
  }
  return false;
}

function vscodeStage() {
  console.log('\n== Extension tests in VS Code (code-server, headless Chromium) ==');
  if (!toolsInstalled('vscode')) return;
  const resultsFile = path.join(artifacts, 'vscode', 'results.json');
  const status = run(process.execPath, ['test/vscode/runInCodeServer.js', '--results', resultsFile]);
  let counts = { passed: 0, failed: 1 };
  let failures = [];
  if (fs.existsSync(resultsFile)) {
    const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
    counts = { passed: results.stats?.passes ?? 0, failed: results.stats?.failures ?? 0, skipped: results.stats?.pending ?? 0 };
    failures = (results.tests ?? []).filter((t) => t.state === 'failed').map((t) => `${t.fullTitle}: ${String(t.error ?? '').split('\n')[0]}`);
  }
  if (status !== 0 && counts.failed === 0) counts.failed = 1;
  record('vscode', counts, failures);
}

/** The summary panel driven in the workbench: its numbers, screenshots in three themes, a reload, markup shown as text. */
function summaryStage() {
  console.log('\n== The summary panel in the workbench (Playwright, screenshots) ==');
  if (!toolsInstalled('summary')) return;
  if (only === 'summary' && run(process.execPath, ['esbuild.js']) !== 0) return record('summary', { passed: 0, failed: 1 });
  const out = path.join(artifacts, 'screenshots');
  const resultsFile = path.join(out, 'results.json');
  fs.rmSync(resultsFile, { force: true });
  const status = run(process.execPath, ['test/vscode/screenshotSummary.js', '--out', out, '--results', resultsFile]);
  let counts = { passed: 0, failed: 1 };
  let failures = [];
  if (fs.existsSync(resultsFile)) {
    const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
    counts = { passed: results.passed.length, failed: results.failures.length };
    failures = results.failures.map((f) => String(f).split('\n')[0]);
  }
  if (status !== 0 && counts.failed === 0) counts.failed = 1;
  record('summary', counts, failures);
  const shots = fs.existsSync(out) ? fs.readdirSync(out).filter((name) => /^summary-.*\.png$/.test(name)).sort() : [];
  for (const name of shots) console.log(`  screenshot ${path.relative(root, path.join(out, name))}`);
}

/** The packaged VSIX installed into code-server: Problems, Outline, completion, tagging. */
function vsixStage() {
  console.log('\n== The packaged VSIX, installed into code-server ==');
  if (!toolsInstalled('vsix')) return;
  const resultsFile = path.join(artifacts, 'vsix', 'results.json');
  fs.rmSync(resultsFile, { force: true });
  const status = run(process.execPath, ['test/vscode/checkVsix.js', '--results', resultsFile]);
  let counts = { passed: 0, failed: 1 };
  let failures = [];
  if (fs.existsSync(resultsFile)) {
    const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
    counts = { passed: results.passed.length, failed: results.failures.length };
    failures = results.failures.map((f) => String(f).split('\n')[0]);
  }
  if (status !== 0 && counts.failed === 0) counts.failed = 1;
  record('vsix', counts, failures);
}

const only = process.argv[2];
if (!only || only === 'unit') mochaStage();
if (!only || only === 'grammar') grammarStage();
if (!only || only === 'vscode') vscodeStage();
if (!only || only === 'summary') summaryStage();
if (!only || only === 'vsix') vsixStage();

console.log('\n== Summary ==');
for (const line of stageResults) console.log(`  ${line}`);
for (const line of failedChecks) console.log(`  FAILED ${line}`);
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exitCode = totals.failed > 0 ? 1 : 0;
