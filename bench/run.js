// npm run bench: whole-process timings of `findings check` against a floor
// (read files + regular expression) and markdownlint-cli2 on the same corpus,
// and of `findings export` to JSONL and CSV with each run's peak memory, at
// 1,000 and 10,000 reports; then the language server's edit-to-diagnostics
// latency when bench/lsp-latency.js is present, the coded reader's open,
// edit and tag times (bench/reader.js), and the editor side at 1,000 and
// 10,000 reports: scan, summaries, pages, memory, the open report during the
// scan and the summary panel in code-server (bench/scale.js). Prints
// figures, asserts nothing.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { generateCorpus } = require('./generateCorpus');

const root = path.resolve(__dirname, '..');
const corpusRoot = path.join(__dirname, 'corpus');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'findings-bench-'));
const rssFile = path.join(scratch, 'maxrss');
const PEAK_MEMORY = path.join(__dirname, 'peakMemory.js');

/**
 * One whole-process run of a command, in milliseconds, its exit status and,
 * for Node processes (preloaded with bench/peakMemory.js), its peak memory in MB.
 */
function runOnce(command, args) {
  const node = command === process.execPath;
  fs.rmSync(rssFile, { force: true });
  const started = process.hrtime.bigint();
  const result = spawnSync(command, node ? ['-r', PEAK_MEMORY, ...args] : args, {
    cwd: root, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26, env: { ...process.env, FINDINGS_BENCH_RSS_FILE: rssFile },
  });
  if (result.error) throw result.error;
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const mb = node && fs.existsSync(rssFile) ? Number(fs.readFileSync(rssFile, 'utf8')) / 1024 : undefined;
  return { ms, status: result.status ?? -1, mb };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function report(label, samples, status, peaks = []) {
  const sorted = [...samples].sort((a, b) => a - b);
  const memory = peaks.length > 0 ? `   peak ${Math.max(...peaks).toFixed(0).padStart(4)} MB` : '';
  console.log(`  ${label.padEnd(34)} median ${median(sorted).toFixed(0).padStart(6)} ms   min ${sorted[0].toFixed(0).padStart(6)} ms   max ${sorted[sorted.length - 1].toFixed(0).padStart(6)} ms${memory}   (exit ${status}, ${samples.length} runs)`);
}

function time(label, command, args, runs = RUNS) {
  const samples = [];
  let status = 0;
  for (let i = 0; i < runs; i++) ({ ms: samples[i], status } = runOnce(command, args));
  report(label, samples, status);
  return median(samples);
}

/**
 * Runs the commands in turn (A B A B ...), so that a machine whose speed
 * drifts (other work, frequency changes) slows both alike; returns each
 * one's samples in run order, for ratios taken run by run.
 */
function timeInTurn(commands, runs = RUNS) {
  const samples = commands.map(() => []);
  const peaks = commands.map(() => []);
  const status = commands.map(() => 0);
  for (let i = 0; i < runs; i++) {
    commands.forEach(({ command, args }, k) => {
      const run = runOnce(command, args);
      samples[k][i] = run.ms;
      status[k] = run.status;
      if (run.mb !== undefined) peaks[k].push(run.mb);
    });
  }
  commands.forEach(({ label }, k) => report(label, samples[k], status[k], peaks[k]));
  return commands.map((_, k) => ({ samples: samples[k], peak: peaks[k].length > 0 ? Math.max(...peaks[k]) : undefined }));
}

function perReport(ms, count) {
  return `${((ms * 1000) / count).toFixed(0)} µs`;
}

function ensureBuilt() {
  if (!fs.existsSync(path.join(root, 'dist', 'cli.js'))) {
    const build = spawnSync(process.execPath, ['esbuild.js', '--production'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
}

function main() {
  ensureBuilt();
  const markdownlint = path.join(root, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
  const results = {};
  for (const count of [1000, 10000]) {
    const dir = path.join(corpusRoot, String(count));
    const { bytes } = generateCorpus(dir, count, path.join(root, 'samples'));
    const relative = path.relative(root, dir);
    console.log(`\nCorpus: ${count} reports, ${(bytes / 1e6).toFixed(1)} MB (${relative})`);
    const exportTo = (format) => ({ label: `findings export --format ${format}`, command: process.execPath, args: ['bin/findings.js', 'export', relative, '--format', format, '--out', path.join(scratch, `findings.${format}`)] });
    const [floorRun, checkRun, jsonlRun, csvRun] = timeInTurn([
      { label: 'floor (read + regex)', command: process.execPath, args: [path.join(__dirname, 'floor.js'), relative] },
      { label: 'findings check', command: process.execPath, args: ['bin/findings.js', 'check', relative, '--format', 'json'] },
      exportTo('jsonl'),
      exportTo('csv'),
    ]);
    const [floorRuns, checkRuns] = [floorRun.samples, checkRun.samples];
    const floor = median(floorRuns);
    const check = median(checkRuns);
    // Export against check run by run too; peak memory is the highest of the runs.
    const exportFigures = (run) => ({ ms: median(run.samples), ratio: median(run.samples.map((ms, i) => ms / checkRuns[i])), mb: run.peak });
    const exports = { jsonl: exportFigures(jsonlRun), csv: exportFigures(csvRun) };
    // The median of the ratios of runs made one after the other: steadier than a ratio of medians on a busy machine.
    const ratio = median(checkRuns.map((ms, i) => ms / floorRuns[i]));
    const lint = count <= 1000 || process.env.BENCH_MARKDOWNLINT_10K
      ? time('markdownlint-cli2', process.execPath, [markdownlint, `${relative}/**/*.md`], count <= 1000 ? RUNS : 1)
      : undefined;
    results[count] = { floor, check, lint, exports };
    for (const [format, run] of Object.entries(exports)) {
      console.log(`  findings export ${format} / check: ${run.ratio.toFixed(2)}x, run by run (target: at most 3x); peak ${run.mb?.toFixed(0)} MB (target at 10,000: at most 150 MB)`);
    }
    console.log(`  per report: floor ${perReport(floor, count)}, findings check ${perReport(check, count)}`);
    console.log(`  findings check / floor: ${ratio.toFixed(2)}x, run by run (target: at most 3x)`);
    if (lint !== undefined) console.log(`  markdownlint-cli2 / findings check: ${(lint / check).toFixed(1)}x (target: at least 10x)`);
  }
  const growth = results[10000].check / results[1000].check;
  console.log(`\nGrowth from 1,000 to 10,000 reports: findings check ${growth.toFixed(1)}x, floor ${(results[10000].floor / results[1000].floor).toFixed(1)}x (linear: about 10x, less where start-up dominates)`);
  // Linear growth means a constant cost per report once the fixed start-up (measured with --version) is taken out.
  const startup = time('findings --version (start-up)', process.execPath, ['bin/findings.js', '--version']);
  const marginal = (count) => perReport(results[count].check - startup, count);
  console.log(`  findings check per report after start-up: ${marginal(1000)} at 1,000, ${marginal(10000)} at 10,000`);
  for (const format of ['jsonl', 'csv']) {
    const [small, large] = [results[1000].exports[format], results[10000].exports[format]];
    // Flat memory shows as a small growth; part of what growth remains is V8 enlarging its young generation in longer runs.
    console.log(`  findings export ${format}: peak memory ${small.mb?.toFixed(0)} MB at 1,000, ${large.mb?.toFixed(0)} MB at 10,000 (growth ${((large.mb / small.mb - 1) * 100).toFixed(0)}%, target: at most 20%)`);
  }
  fs.rmSync(corpusRoot, { recursive: true, force: true });
  fs.rmSync(scratch, { recursive: true, force: true });

  const latency = path.join(__dirname, 'lsp-latency.js');
  if (fs.existsSync(latency) && fs.existsSync(path.join(root, 'dist', 'server.js'))) {
    console.log('\nLanguage server: one-character edit to published diagnostics');
    const run = spawnSync(process.execPath, [latency], { cwd: root, stdio: 'inherit' });
    if (run.status !== 0) process.exitCode = run.status ?? 1;
  }

  const reader = path.join(__dirname, 'reader.js');
  if (fs.existsSync(reader) && fs.existsSync(path.join(root, 'dist', 'webview', 'reader.js'))) {
    console.log('\nCoded reader: open, edit and tag, through the language server and the webview in headless Chromium');
    const run = spawnSync(process.execPath, [reader], { cwd: root, stdio: 'inherit' });
    if (run.status !== 0) process.exitCode = run.status ?? 1;
  }

  const scale = path.join(__dirname, 'scale.js');
  if (fs.existsSync(scale) && fs.existsSync(path.join(root, 'dist', 'server.js'))) {
    console.log('\nCorpus scale: the language server and the summary panel at 1,000 and 10,000 reports (the panel when code-server is installed)');
    const run = spawnSync(process.execPath, [scale], { cwd: root, stdio: 'inherit' });
    if (run.status !== 0) process.exitCode = run.status ?? 1;
  }

  console.log('\nScaling: each input dimension doubled four times (bench/scaling.js)');
  const scaling = spawnSync(process.execPath, [path.join(__dirname, 'scaling.js')], { cwd: root, stdio: 'inherit' });
  if (scaling.status !== 0) process.exitCode = scaling.status ?? 1;
  if (spawnSync(process.execPath, [path.join(__dirname, 'agreement.js')], { cwd: root, stdio: 'inherit' }).status !== 0) process.exitCode = 1;
}

main();
