// npm run bench (its last part): `findings agree` on 300 reports, 100
// articles each coded by three annotators, timed as whole processes.
// Articles come from the samples (each keeps seven lines in ten, shifted
// from article to article, and a numbered closing line, so no two texts
// are equal); the annotators' copies differ from the sample's markup the way
// coders do: a passage left out, a boundary moved by a word, another code,
// another theme. Markup only: the copies of an article keep its clean text,
// which the run checks (100 articles compared). Prints figures, asserts
// only that the run compared what it was given.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ARTICLES = 100;
const ANNOTATORS = ['ann', 'ben', 'cat'];
const TARGET_MS = 2000;

/** An innermost span on one line: its text (no brackets) and its attribute block. */
const INNERMOST = /\[([^[\]\n]*)\]\{([^{}\n]*)\}/g;

/** Applies `change` to every `every`-th match of `pattern` from `offset` on. */
function everyNth(text, pattern, every, offset, change) {
  let seen = 0;
  return text.replace(pattern, (...match) => (seen++ % every === offset ? change(...match) : match[0]));
}

/** One annotator's copy of an article body: the markup changed, the text kept. */
function annotatorCopy(body, annotator, article) {
  if (annotator === 0) return body;
  const offset = article % 3;
  let copy = body;
  // A passage left out: the markup of an innermost span removed, its text kept.
  copy = everyNth(copy, INNERMOST, 6 + annotator, offset, (_, text) => text);
  // A boundary moved: the span starts one word later.
  copy = everyNth(copy, /\[([^\s[\]{}]+ )([^[\]\n]+)\]\{/g, 5 + annotator, offset, (_, word, rest) => `${word}[${rest}]{`);
  // Another code, another theme.
  copy = everyNth(copy, /\{\.strength /g, 3 + annotator, offset, () => '{.improvement ');
  copy = everyNth(copy, /theme=outcomes/g, 2 + annotator, offset, () => 'theme=leadership');
  return copy;
}

function generate(folder) {
  const samples = fs.readdirSync(path.join(root, 'samples'))
    .filter((name) => name.endsWith('.report.md'))
    .sort()
    .map((name) => {
      const text = fs.readFileSync(path.join(root, 'samples', name), 'utf8');
      const close = text.indexOf('\n---\n', 3) + 1;
      // Without its publication date: the articles made from one sample are different texts of one area, not copies of one source.
      const frontMatter = text.slice(0, close).replace(/^text_sha256:.*\n/m, '').replace(/^published:.*\n/m, '');
      return { frontMatter, lines: text.slice(close + 4).split('\n') };
    });
  for (let article = 0; article < ARTICLES; article++) {
    const sample = samples[article % samples.length];
    const shift = Math.floor(article / samples.length);
    const body = sample.lines.filter((_, line) => line === 0 || (line + shift) % 10 >= 3).join('\n')
      .replace(/#([a-z0-9-]+)/g, `#$1-${article}`)
      .concat(`\n\nArticle ${article} of the agreement benchmark.`);
    ANNOTATORS.forEach((name, annotator) => {
      const frontMatter = sample.frontMatter.replace('annotator: findings-team', `annotator: ${name}`);
      const file = path.join(folder, String(article).padStart(3, '0'), `${name}.report.md`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, `${frontMatter}---\n${annotatorCopy(body, annotator, article)}`);
    });
  }
}

function runOnce(args) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['bin/findings.js', ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (result.error) throw result.error;
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function main() {
  if (!fs.existsSync(path.join(root, 'dist', 'cli.js'))) {
    const build = spawnSync(process.execPath, ['esbuild.js', '--production'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'findings-agree-bench-'));
  try {
    const corpus = path.join(scratch, 'corpus');
    generate(corpus);
    const check = runOnce(['agree', corpus, '--format', 'json']);
    const figures = check.status === 0 ? JSON.parse(check.stdout) : undefined;
    if (!figures || figures.articles.length !== ARTICLES || figures.annotators.length !== ANNOTATORS.length) {
      console.error(`findings agree did not compare ${ARTICLES} articles by ${ANNOTATORS.length} annotators (exit ${check.status}): ${check.stderr}`);
      process.exitCode = 1;
      return;
    }
    const all = figures.corpus.labels.at(-1);
    const samples = [];
    for (let i = 0; i < RUNS; i++) {
      const run = runOnce(['agree', corpus, '--disagreements', path.join(scratch, 'disagreements.jsonl')]);
      if (run.status !== 0) throw new Error(`findings agree exited with ${run.status}: ${run.stderr}`);
      samples.push(run.ms);
    }
    samples.sort((a, b) => a - b);
    const median = samples[Math.floor(samples.length / 2)];
    console.log(`\nAgreement: ${ARTICLES * ANNOTATORS.length} reports (${ARTICLES} articles × ${ANNOTATORS.length} annotators), corpus Fleiss kappa ${all.fleissKappa.toFixed(4)}, alpha_U ${all.unitizingAlpha.toFixed(4)}`);
    console.log(`  findings agree (text, with --disagreements)  median ${median.toFixed(0).padStart(6)} ms   min ${samples[0].toFixed(0).padStart(6)} ms   max ${samples.at(-1).toFixed(0).padStart(6)} ms   (${RUNS} runs; target: under ${TARGET_MS} ms)`);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main();
