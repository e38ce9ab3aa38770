// Adjudication into a reference report: the reference of an article made
// from the annotators' copies (samples/agreement), with every agreed span
// marked up and each disagreement a candidate; brought up to date later
// without losing what the adjudicator settled; and left out of agreement.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultCodebook } from '../../core';
import { adjudicate, type Adjudication, type ArticleReport } from '../../core/agreement/adjudication';
import { agreedPassages } from '../../core/agreement/adjudication/agreedPassages';
import { readCandidates } from '../../core/agreement/adjudication/candidates';
import { passageKey } from '../../core/agreement/adjudication/passageKey';
import { referencePath } from '../../core/agreement/adjudication/referenceName';
import { agreementOfReports } from '../../core/agreement/agreementOfReports';
import { annotationOf } from '../../core/agreement/annotations';
import { groupByArticle } from '../../core/agreement/articleGroups';
import { disagreementsOf } from '../../core/agreement/disagreements';
import { articleFingerprint } from '../../core/document/articleFingerprint';
import { frontMatterFields } from '../../core/export/findingRecords';
import { parseReport } from '../../core/document/parseReport';
import { validateReport } from '../../core/validate/validateReport';
import { repoRoot } from '../helpers/repo';
import { applyFix, buildReport } from '../helpers/report';

const codebook = defaultCodebook();
const codeOrder = [...codebook.codes.keys()];

function sampleCopies(article: string): ArticleReport[] {
  const folder = path.join(repoRoot(), 'samples', 'agreement');
  return ['jd', 'mk', 'rs'].map((annotator) => {
    const name = `${article}.${annotator}.report.md`;
    return { path: `samples/agreement/${name}`, document: parseReport(fs.readFileSync(path.join(folder, name), 'utf8')) };
  });
}

function reference(result: Adjudication): Extract<Adjudication, { kind: 'reference' }> {
  assert.equal(result.kind, 'reference', result.kind === 'refused' ? result.message : '');
  return result as Extract<Adjudication, { kind: 'reference' }>;
}

const nothingTaken = () => false;

describe('core/agreement/adjudication: the reference report', () => {
  for (const article of ['middlesbrough', 'hartlepool-2017']) {
    describe(article, () => {
      const copies = sampleCopies(article);
      const built = reference(adjudicate(copies, codebook, nothingTaken));
      const document = parseReport(built.text);
      const group = groupByArticle(copies.map((copy) => annotationOf(copy.path, copy.document, codebook)))[0];

      it('is named after the article, beside its copies, and lists them', () => {
        assert.equal(built.path, `samples/agreement/${article}.adjudicated.report.md`);
        assert.equal(built.created, true);
        assert.equal(built.copies, 3);
        const fields = frontMatterFields(document);
        assert.equal(fields.annotator, 'adjudicated');
        assert.equal(fields.status, 'draft');
        assert.deepEqual(fields.adjudicated_from, ['jd', 'mk', 'rs'].map((annotator) => `${article}.${annotator}.report.md`));
        // The first copy's facts, none of one annotator's.
        const first = frontMatterFields(copies[0].document);
        for (const key of ['area', 'framework', 'inspection_type', 'outcome', 'inspectorates', 'partners']) assert.deepEqual(fields[key], first[key], key);
      });

      it('has the copies\' article text: the same fingerprint, recorded', () => {
        assert.equal(document.cleanText, group.text);
        assert.equal(articleFingerprint(document), group.fingerprint);
        assert.equal(frontMatterFields(document).text_sha256, group.fingerprint);
      });

      it('marks up exactly the spans every annotator gave', () => {
        const agreed = agreedPassages(group).map(passageKey).sort();
        const spans = annotationOf(built.path, document, codebook).spans.map(passageKey).sort();
        assert.ok(agreed.length > 10);
        assert.deepEqual(spans, agreed);
        assert.equal(built.agreed, agreed.length);
        assert.equal(built.unplaced, 0);
      });

      it('lists each disagreement as a candidate, with every annotator\'s version', () => {
        const rows = disagreementsOf([group], codeOrder);
        const { entries, problems } = readCandidates(document, codebook);
        assert.deepEqual(problems, []);
        assert.equal(built.candidates, rows.length);
        assert.deepEqual(entries.map(({ candidate }) => [candidate.start, candidate.end, candidate.kind]), rows.map((row) => [row.start, row.end, row.kind]));
        entries.forEach(({ candidate }, i) => {
          assert.deepEqual(candidate.versions.map((version) => [version.annotator, version.spans.map(passageKey)]), rows[i].coded.map((coded) => [coded.annotator, coded.spans.map(passageKey)]));
        });
      });

      it('is a report `findings check` passes: no errors, each candidate an information on its passage', () => {
        const diagnostics = validateReport(document, codebook);
        assert.deepEqual(diagnostics.filter((d) => d.severity !== 'information').map((d) => `${d.rule}: ${d.message}`), []);
        const candidates = diagnostics.filter((d) => d.rule === 'adjudication-candidate');
        assert.equal(candidates.length, built.candidates);
        const { entries } = readCandidates(document, codebook);
        candidates.forEach((diagnostic, i) => {
          const { start, end } = entries[i].candidate;
          assert.equal(document.cleanText.slice(document.sourceToClean(diagnostic.range.start), document.sourceToClean(diagnostic.range.end)), [...group.text].slice(start, end).join(''));
        });
      });
    });
  }

  it('names the candidates as the README tells them: 13 in all, 4 boundary, 4 missing, 2 code, 2 theme, 1 attribute', () => {
    const kinds: string[] = [];
    for (const article of ['middlesbrough', 'hartlepool-2017']) {
      const document = parseReport(reference(adjudicate(sampleCopies(article), codebook, nothingTaken)).text);
      kinds.push(...readCandidates(document, codebook).entries.map(({ candidate }) => candidate.kind));
    }
    const count = (kind: string) => kinds.filter((k) => k === kind).length;
    assert.deepEqual([kinds.length, count('boundary'), count('missing'), count('code'), count('theme'), count('attribute')], [13, 4, 4, 2, 2, 1]);
  });

  it('keeps an id every annotator gave an agreed span, and writes the message the README example shows', () => {
    const built = reference(adjudicate(sampleCopies('middlesbrough'), codebook, nothingTaken));
    assert.match(built.text, /\[the local area is required to produce[^\]]*\]\{#middlesbrough-wsoa \.wsoa\}/);
    const diagnostics = validateReport(parseReport(built.text), codebook).filter((d) => d.rule === 'adjudication-candidate');
    assert.ok(diagnostics.some((d) => d.message === 'Theme: jd 460–500 weakness (leadership); mk 460–500 weakness (monitoring); rs 460–500 weakness (leadership).'), diagnostics.map((d) => d.message).join('\n'));
  });

  it('refuses an article with fewer than two annotators\' copies, and reports of different articles', () => {
    const [jd, mk] = sampleCopies('middlesbrough');
    const one = adjudicate([jd], codebook, nothingTaken);
    assert.equal(one.kind, 'refused');
    assert.match((one as { message: string }).message, /at least two annotators' copies.*only samples\/agreement\/middlesbrough\.jd\.report\.md was found/);
    const built = reference(adjudicate([jd, mk], codebook, nothingTaken));
    // The reference itself is no annotator's copy.
    const withReference = adjudicate([jd, { path: built.path, document: parseReport(built.text) }], codebook, nothingTaken);
    assert.equal(withReference.kind, 'refused');
    const other = adjudicate([jd, sampleCopies('hartlepool-2017')[0]], codebook, nothingTaken);
    assert.equal(other.kind, 'refused');
  });
});

describe('core/agreement/adjudication: updating a reference', () => {
  const copies = sampleCopies('middlesbrough');
  const first = reference(adjudicate(copies, codebook, nothingTaken));

  /** Settles the candidates of a text with the fix of each that `choose` picks, first to last. */
  function settle(text: string, choose: (titles: readonly string[]) => string | undefined, times = Infinity): string {
    for (let round = 0; round < times; round++) {
      const candidate = validateReport(parseReport(text), codebook).find((d) => d.rule === 'adjudication-candidate');
      if (!candidate) break;
      const title = choose(candidate.fixes.map((fix) => fix.title));
      const fix = candidate.fixes.find((f) => f.title === title);
      assert.ok(fix, `no fix ${title} among ${candidate.fixes.map((f) => f.title).join(' | ')}`);
      text = applyFix(text, fix);
    }
    return text;
  }

  it('keeps the spans settled, lists again only what is unsettled, and adds no agreed span twice', () => {
    // Takes the first annotator's version of the first three candidates.
    const settled = settle(first.text, (titles) => titles[0], 3);
    const spansBefore = annotationOf('', parseReport(settled), codebook).spans.map(passageKey).sort();
    const updated = reference(adjudicate([...copies, { path: first.path, document: parseReport(settled) }], codebook, nothingTaken));
    assert.equal(updated.created, false);
    assert.equal(updated.path, first.path);
    assert.equal(updated.agreed, 0);
    assert.equal(updated.candidates, first.candidates - 3);
    const document = parseReport(updated.text);
    assert.deepEqual(annotationOf('', document, codebook).spans.map(passageKey).sort(), spansBefore);
    assert.deepEqual(readCandidates(document, codebook).entries.map(({ candidate }) => candidate.start), readCandidates(parseReport(first.text), codebook).entries.slice(3).map(({ candidate }) => candidate.start));
    // Nothing else of the front matter moved.
    assert.equal(updated.text.slice(0, updated.text.indexOf('adjudicated_from:')), settled.slice(0, settled.indexOf('adjudicated_from:')));
  });

  it('brings back agreed spans the reference lacks ("accept all agreed"), and counts those that would cut through its spans', () => {
    const agreedSpan = '[there are fundamental weaknesses in the strategic leadership, governance and implementation of the disability and special educational needs reforms in the local area]{.weakness theme=leadership}';
    assert.ok(first.text.includes(agreedSpan));
    const without = first.text.replace(agreedSpan, 'there are fundamental weaknesses in the strategic leadership, governance and implementation of the disability and special educational needs reforms in the local area');
    const restored = reference(adjudicate([...copies, { path: first.path, document: parseReport(without) }], codebook, nothingTaken));
    assert.equal(restored.agreed, 1);
    assert.equal(restored.text, first.text);

    // A span of the adjudicator's own across the passage: the agreed span cannot be placed.
    const crossing = without.replace('reforms in the local area\n  • [children', '[reforms in the local area\n  • ]{.weakness theme=leadership}[children');
    assert.notEqual(crossing, without);
    const blocked = reference(adjudicate([...copies, { path: first.path, document: parseReport(crossing) }], codebook, nothingTaken));
    assert.equal(blocked.agreed, 0);
    assert.equal(blocked.unplaced, 1);
    assert.equal(parseReport(blocked.text).cleanText, parseReport(first.text).cleanText);
  });

  it('once every candidate is settled, an update lists none again and keeps every span', () => {
    const done = settle(first.text, (titles) => titles[0]);
    assert.match(done, /\ncandidates: \[\]\n/);
    const updated = reference(adjudicate([...copies, { path: first.path, document: parseReport(done) }], codebook, nothingTaken));
    assert.equal(updated.candidates, 0);
    assert.equal(updated.text, done);
  });
});

describe('core/agreement/adjudication: agreement leaves reference reports out', () => {
  it('gives the same figures and disagreements with a reference report beside the copies', () => {
    const annotations = ['middlesbrough', 'hartlepool-2017'].flatMap((article) => sampleCopies(article).map((copy) => annotationOf(copy.path, copy.document, codebook)));
    const references = ['middlesbrough', 'hartlepool-2017'].map((article) => {
      const built = reference(adjudicate(sampleCopies(article), codebook, nothingTaken));
      return annotationOf(built.path, parseReport(built.text), codebook);
    });
    const request = { by: 'code' as const, codeOrder, themeOrder: [...codebook.themes.keys()] };
    const without = agreementOfReports(annotations, request);
    const withReferences = agreementOfReports([...annotations, ...references], request);
    assert.deepEqual(withReferences.figures, without.figures);
    assert.deepEqual(withReferences.disagreements, without.disagreements);
    assert.deepEqual(withReferences.groups.map((group) => group.copies.map((copy) => copy.annotator)), [['jd', 'mk', 'rs'], ['jd', 'mk', 'rs']]);
  });
});

describe('core/agreement/adjudication: the reference\'s name', () => {
  it('is the copies\' common name before their last dot segment, beside the first copy', () => {
    assert.equal(referencePath(['a/hartlepool-2017.jd.report.md', 'b/hartlepool-2017.mk.report.md'], nothingTaken), 'a/hartlepool-2017.adjudicated.report.md');
    assert.equal(referencePath(['x.report.md', 'y.report.md'], nothingTaken), 'x.adjudicated.report.md');
    assert.equal(referencePath(['stoke-jd.report.md', 'stoke-mk.report.md'], nothingTaken), 'stoke.adjudicated.report.md');
  });

  it('takes the next free name when a report of another article holds it', () => {
    const taken = new Set(['r/a.adjudicated.report.md', 'r/a.adjudicated-2.report.md']);
    assert.equal(referencePath(['r/a.jd.report.md', 'r/a.mk.report.md'], (p) => taken.has(p)), 'r/a.adjudicated-3.report.md');
  });

  it('lists copies in other folders relative to the reference', () => {
    const body = 'Leaders were [weak]{.weakness theme=leadership}.\n';
    const built = reference(adjudicate([
      { path: 'one/x.jd.report.md', document: parseReport(buildReport(body, { fields: { annotator: 'jd' } })) },
      { path: 'two/x.mk.report.md', document: parseReport(buildReport(body, { fields: { annotator: 'mk' } })) },
    ], codebook, nothingTaken));
    assert.equal(built.path, 'one/x.adjudicated.report.md');
    assert.deepEqual(frontMatterFields(parseReport(built.text)).adjudicated_from, ['x.jd.report.md', '../two/x.mk.report.md']);
    assert.equal(built.candidates, 0);
    assert.match(built.text, /\ncandidates: \[\]\n---\nLeaders were \[weak\]\{\.weakness theme=leadership\}\.\n$/);
  });
});
