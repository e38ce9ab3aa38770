// The figures of `findings agree` on the project's multi-annotator samples
// against independent implementations (NLTK's AnnotationTask for alpha and
// pi, statsmodels for Cohen's and Fleiss' kappa), which rebuild the units
// from `findings export --format json` on their own. Skipped, saying why,
// only where Python lacks those libraries (CI installs them: .ci/run).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import type { AgreementFigures, GroupFigures } from '../../../core/agreement';
import { runCli } from '../../helpers/cli';
import { repoPath, repoRoot } from '../../helpers/repo';

const TOLERANCE = 1e-9;
const SCRIPT = repoPath('test', 'agreement', 'independent_figures.py');
/** Debian's packages install for the system's Python, which a version manager's `python3` may hide. */
const PYTHONS = ['python3', '/usr/bin/python3'];

interface Independent {
  readonly annotators: string[];
  readonly codes: string[];
  readonly corpus: IndependentGroup;
  readonly articles: Record<string, IndependentGroup>;
}

interface IndependentGroup {
  readonly group: Record<string, { fleiss: number | null; alpha: number | null }>;
  readonly pairs: Record<string, Record<string, { cohen: number | null; pi: number | null; alpha: number | null }>>;
}

function pythonWithLibraries(): string | undefined {
  return PYTHONS.find((python) => spawnSync(python, ['-c', 'import nltk, statsmodels, numpy'], { encoding: 'utf8' }).status === 0);
}

function close(actual: number | null, expected: number | null, what: string): void {
  if (expected === null) {
    assert.equal(actual, null, `${what}: n/a on the independent side`);
    return;
  }
  assert.ok(actual !== null && Math.abs(actual - expected) <= TOLERANCE, `${what}: ${actual}, independently ${expected}`);
}

/** Every figure of one scope (the corpus or an article) against the independent one; returns how many were compared. */
function compareScope(ours: GroupFigures, theirs: IndependentGroup, scope: string): number {
  let compared = 0;
  for (const row of ours.labels) {
    const label = row.label ?? '(all)';
    const other = theirs.group[label];
    assert.ok(other, `${scope}: ${label} computed independently`);
    close(row.fleissKappa, other.fleiss, `${scope} ${label} Fleiss`);
    close(row.krippendorffAlpha, other.alpha, `${scope} ${label} alpha`);
    compared += 2;
  }
  for (const pair of ours.pairs) {
    const other = theirs.pairs[`${pair.first}|${pair.second}`];
    assert.ok(other, `${scope}: pair ${pair.first}/${pair.second} computed independently`);
    for (const row of pair.labels) {
      const label = row.label ?? '(all)';
      close(row.cohenKappa, other[label].cohen, `${scope} ${pair.first}/${pair.second} ${label} Cohen`);
      close(row.scottPi, other[label].pi, `${scope} ${pair.first}/${pair.second} ${label} pi`);
      close(row.krippendorffAlpha, other[label].alpha, `${scope} ${pair.first}/${pair.second} ${label} alpha`);
      compared += 3;
    }
  }
  return compared;
}

describe('core/agreement: the samples\' figures against NLTK and statsmodels', function () {
  this.timeout(180_000);
  let python: string | undefined;

  before(function () {
    python = pythonWithLibraries();
    if (!python) {
      console.log('    skipped: no python3 with nltk and statsmodels (Debian: apt-get install python3-nltk python3-statsmodels; .ci/run installs them)');
      this.skip();
    }
  });

  it('gives Cohen\'s kappa, Scott\'s pi, Fleiss\' kappa and alpha within 1e-9, per code and in all, per article and pooled', async () => {
    const exported = await runCli(['export', 'samples/agreement', '--format', 'json', '--copies', 'all'], repoRoot());
    assert.equal(exported.code, 0, exported.stderr);
    const agreed = await runCli(['agree', 'samples/agreement', '--format', 'json'], repoRoot());
    assert.equal(agreed.code, 0, agreed.stderr);
    const ours = JSON.parse(agreed.stdout) as AgreementFigures;

    const run = spawnSync(python!, [SCRIPT], { input: exported.stdout, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    assert.equal(run.status, 0, run.stderr);
    const theirs = JSON.parse(run.stdout) as Independent;

    assert.deepEqual(theirs.annotators, ours.annotators);
    assert.deepEqual([...theirs.codes].sort(), [...ours.labels].sort());
    let compared = compareScope(ours.corpus!, theirs.corpus, 'corpus');
    for (const article of ours.articles) compared += compareScope(article.figures, theirs.articles[article.fingerprint], article.fingerprint.slice(0, 12));
    // 2 articles and the corpus, 7 codes and all: 8 × (2 group + 3 pairs × 3) each.
    assert.equal(compared, 3 * 8 * (2 + 3 * 3));
  });
});
