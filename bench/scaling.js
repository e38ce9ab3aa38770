// npm run bench (or node bench/scaling.js [--root CHECKOUT] [--limit SECONDS] [--only NAME]):
// doubles each dimension of the input four times (nesting depth, spans per
// line and per report, front-matter fields, codebook size, duplicate classes
// and ids for "fix all", report size) and prints the time of each step and
// its ratio to the step before: near 2 per doubling is linear, 4 quadratic.
// Each step runs in its own process (the fastest of up to three runs), on
// the core library of the checkout (this one by default; --root times
// another, such as an older commit), bundled unminified; a step slower than
// the limit ends its dimension.
// Prints figures, asserts nothing.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { bundleCore } = require('./coreBundle');
const { generators, codebookText } = require('./pathological');

const STEPS = 5;

/** Every path a report takes: parse, validate, fix all, export record, outline and folding. */
function reportPipeline(core, text) {
  const codebook = core.defaultCodebook();
  const document = core.parseReport(text);
  const diagnostics = core.validateReport(document, codebook);
  core.fixAllEdits(diagnostics);
  core.documentRecord('bench.report.md', document, codebook);
  core.documentSymbols(document);
  core.foldingRegions(document);
}

/** Loading a workspace codebook and the summary the language server sends for it. */
function codebookPipeline(core, text) {
  const { codebook } = core.buildCodebook(core.BUILTIN_CODEBOOK, { kind: 'workspace', path: 'codebook.yaml', text });
  JSON.stringify(core.codebookSummary(codebook));
}

const DIMENSIONS = [
  { name: 'nesting depth', base: 1000, make: generators['nesting depth'], run: reportPipeline },
  { name: 'spans per line', base: 2500, make: generators['spans per line'], run: reportPipeline },
  { name: 'spans per report', base: 5000, make: generators['spans per report'], run: reportPipeline },
  { name: 'front-matter fields', base: 2500, make: generators['front-matter fields'], run: reportPipeline },
  { name: 'codebook codes+themes', base: 500, make: codebookText, run: codebookPipeline },
  { name: 'duplicate classes', base: 12500, make: generators['duplicate classes'], run: reportPipeline },
  { name: 'duplicate ids', base: 6250, make: generators['duplicate ids'], run: reportPipeline },
  { name: 'report size (KB)', base: 256, make: generators['report size (KB)'], run: reportPipeline },
];

/**
 * In a child process: one step, after a run at an eighth of its size to warm
 * the code up; prints the fastest of up to three runs (fewer when a run takes
 * over a second), in milliseconds, as the least disturbed by other work.
 */
function child([bundle, name, size]) {
  const core = require(bundle);
  const dimension = DIMENSIONS.find((d) => d.name === name);
  dimension.run(core, dimension.make(Math.max(1, Math.floor(Number(size) / 8))));
  const text = dimension.make(Number(size));
  let fastest = Infinity;
  for (let run = 0; run < 3 && (run === 0 || fastest < 1000); run++) {
    const started = process.hrtime.bigint();
    dimension.run(core, text);
    fastest = Math.min(fastest, Number(process.hrtime.bigint() - started) / 1e6);
  }
  process.stdout.write(String(fastest));
}

async function main(args) {
  const option = (flag, fallback) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : fallback);
  const root = path.resolve(option('--root', path.join(__dirname, '..')));
  const limit = Number(option('--limit', '30'));
  const only = option('--only', undefined);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'findings-scaling-'));
  const bundle = path.join(scratch, 'core.js');
  fs.writeFileSync(bundle, await bundleCore(root));
  console.log(`Scaling of the core of ${root} (ms per step; × the ratio to the step before; 2 is linear)`);
  for (const dimension of DIMENSIONS.filter((d) => !only || d.name === only)) {
    const cells = [];
    let previous;
    for (let step = 0; step < STEPS; step++) {
      const size = dimension.base * 2 ** step;
      const result = spawnSync(process.execPath, ['--stack-size=984', __filename, '--child', bundle, dimension.name, String(size)], {
        cwd: root, encoding: 'utf8', timeout: limit * 1000, maxBuffer: 1 << 20,
      });
      const ms = Number(result.stdout);
      if (result.status !== 0 || !Number.isFinite(ms)) {
        const why = result.error?.code === 'ETIMEDOUT' ? `> ${limit} s` : `failed: ${(result.stderr.split('\n').find((line) => /Error/.test(line)) ?? `exit ${result.status}`).trim().slice(0, 60)}`;
        cells.push(`${size}: ${why}`);
        break;
      }
      cells.push(`${size}: ${ms.toFixed(0)} ms${previous ? ` ×${(ms / previous).toFixed(1)}` : ''}`);
      previous = ms;
    }
    console.log(`  ${dimension.name.padEnd(22)} ${cells.join('   ')}`);
  }
  fs.rmSync(scratch, { recursive: true, force: true });
}

if (process.argv[2] === '--child') child(process.argv.slice(3));
else main(process.argv.slice(2)).catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
