// The candidates of a reference report: how a version is written and read
// back, what is malformed, and the fixes that settle a candidate: each keeps
// the article text, takes the candidate out, and settling them all leaves
// none; a version that cannot be added says why.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BUILTIN_CODEBOOK, defaultCodebook, RULES, type Codebook, type Diagnostic } from '../../core';
import { CANDIDATE_RULE } from '../../protocol';
import { adjudicate, type ArticleReport } from '../../core/agreement/adjudication';
import { readCandidates } from '../../core/agreement/adjudication/candidates';
import { passageBlock, readVersionItem, versionItemText } from '../../core/agreement/adjudication/passageMarkup';
import { passageKey } from '../../core/agreement/adjudication/passageKey';
import { annotationOf } from '../../core/agreement/annotations';
import { buildCodebook } from '../../core/codebook/loadCodebook';
import { parseReport } from '../../core/document/parseReport';
import { validateReport } from '../../core/validate/validateReport';
import { repoRoot } from '../helpers/repo';
import { applyFix, buildReport, rangeText } from '../helpers/report';

const codebook = defaultCodebook();

function sampleCopies(article: string): ArticleReport[] {
  const folder = path.join(repoRoot(), 'samples', 'agreement');
  return ['jd', 'mk', 'rs'].map((annotator) => ({ path: `${article}.${annotator}.report.md`, document: parseReport(fs.readFileSync(path.join(folder, `${article}.${annotator}.report.md`), 'utf8')) }));
}

function referenceText(copies: readonly ArticleReport[], book: Codebook = codebook): string {
  const result = adjudicate(copies, book, () => false);
  assert.equal(result.kind, 'reference', result.kind === 'refused' ? result.message : '');
  return (result as { text: string }).text;
}

function candidates(text: string, book: Codebook = codebook): Diagnostic[] {
  return validateReport(parseReport(text), book).filter((d) => d.rule === 'adjudication-candidate');
}

/** A reference report's text with one candidate (raw YAML lines) over `body`. */
function withCandidates(body: string, items: string): string {
  return buildReport(body, { fields: { annotator: 'adjudicated' }, extraYaml: `candidates:\n${items}` });
}

const WORKSPACE_CODEBOOK = buildCodebook(BUILTIN_CODEBOOK, {
  kind: 'workspace',
  path: '/w/codebook.yaml',
  text: [
    'codes:',
    '  concern:',
    '    label: Concern',
    '    description: A concern the text raises.',
    '    attributes:',
    '      topic: { values: themes, multiple: true }',
    '      level: { values: [low, high] }',
    '',
  ].join('\n'),
}).codebook;

describe('core/agreement/adjudication: version items', () => {
  const cases: ReadonlyArray<{ what: string; span: string; book?: Codebook; block: string }> = [
    { what: 'a code with a theme', span: '[x]{.weakness theme=leadership}', block: '{.weakness theme=leadership}' },
    { what: 'several codes and themes, attributes in the codebook\'s order', span: '[x]{.quote .weakness role=parent theme="health, education" speaker="a \\"b\\" c"}', block: '{.quote .weakness speaker="a \\"b\\" c" role=parent theme="health education"}' },
    { what: 'themes in an attribute of another name', span: '[x]{.concern level=low topic=transport}', book: WORKSPACE_CODEBOOK, block: '{.concern topic=transport level=low}' },
    { what: 'a code the codebook lacks, and an attribute none of its codes takes', span: '[x]{.unknown theme=health colour=red}', block: '{.unknown theme=health colour=red}' },
    { what: 'a memo, which is no coding decision', span: '[x]{.strength theme=health memo="ask"}', block: '{.strength theme=health}' },
  ];
  for (const c of cases) {
    it(`writes and reads back ${c.what}`, () => {
      const book = c.book ?? codebook;
      const [span] = annotationOf('', parseReport(buildReport(`Some text ${c.span}.`)), book).spans;
      const block = passageBlock(span, book);
      assert.equal(block, c.block);
      const read = readVersionItem(versionItemText({ ...span, block }), book);
      assert.ok(!('problem' in read), JSON.stringify(read));
      assert.equal(passageKey(read), passageKey(span));
    });
  }

  it('refuses what is not `start-end {.code …}`', () => {
    for (const [item, problem] of [
      ['3-9', /is not `start-end \{\.code …\}`/],
      ['9-3 {.weakness}', /is empty/],
      ['3-9 {.weakness', /not one well-formed attribute block/],
      ['3-9 {.weakness} more', /not one well-formed attribute block/],
      ['3-9 {theme=health}', /names no code/],
      ['3-9 {.weakness word}', /not one well-formed attribute block/],
    ] as const) {
      const read = readVersionItem(item, codebook);
      assert.ok('problem' in read && problem.test(read.problem), `${item}: ${JSON.stringify(read)}`);
    }
  });
});

describe('core/agreement/adjudication: malformed candidates', () => {
  const body = 'Waits are long.\n';
  const cases: ReadonlyArray<{ what: string; items: string; item: string; message: RegExp }> = [
    { what: 'a list of numbers', items: '  - 12', item: '12', message: /must be a mapping/ },
    { what: 'no `at`', items: '  - kind: missing\n    versions: { jd: [] }', item: 'kind: missing\n    versions: { jd: [] }', message: /`at` must be `start-end`/ },
    { what: 'an `at` past the article', items: '  - at: 2-40\n    kind: missing\n    versions: { jd: [] }', item: 'at: 2-40\n    kind: missing\n    versions: { jd: [] }', message: /ends past the article text \(16 code points\)/ },
    { what: 'an unknown kind', items: '  - at: 0-5\n    kind: other\n    versions: { jd: [] }', item: 'at: 0-5\n    kind: other\n    versions: { jd: [] }', message: /`kind` must be one of missing, boundary, code, theme, attribute/ },
    { what: 'versions that are a list', items: '  - at: 0-5\n    kind: code\n    versions: [a]', item: 'at: 0-5\n    kind: code\n    versions: [a]', message: /`versions` must map each annotator/ },
    { what: 'a bad version item', items: '  - at: 0-5\n    kind: code\n    versions:\n      jd: ["0-5 weakness"]', item: 'at: 0-5\n    kind: code\n    versions:\n      jd: ["0-5 weakness"]', message: /in jd's version, `0-5 weakness` is not/ },
  ];
  for (const c of cases) {
    it(`reports ${c.what} as an error on the item, and still reads the others`, () => {
      const good = '  - at: 0-5\n    kind: missing\n    versions:\n      jd: ["0-5 {.weakness theme=health}"]\n      mk: []';
      const text = withCandidates(body, `${c.items}\n${good}`);
      const diagnostics = validateReport(parseReport(text), codebook);
      const invalid = diagnostics.filter((d) => d.rule === 'adjudication-candidates-invalid');
      assert.equal(invalid.length, 1, diagnostics.map((d) => d.message).join('\n'));
      assert.equal(invalid[0].severity, 'error');
      assert.equal(rangeText(text, invalid[0].range), c.item);
      assert.match(invalid[0].message, c.message);
      assert.equal(candidates(text).length, 1);
    });
  }

  it('reports a value that is not a list on the value', () => {
    const text = buildReport('Waits are long.\n', { extraYaml: 'candidates: some' });
    const [invalid] = validateReport(parseReport(text), codebook).filter((d) => d.rule === 'adjudication-candidates-invalid');
    assert.equal(rangeText(text, invalid.range), 'some');
  });

  it('takes `candidates:` with nothing and `[]` as no candidates, and never reports the field as unknown', () => {
    for (const value of ['candidates:', 'candidates: []']) {
      const text = buildReport('Waits are long.\n', { extraYaml: `${value}\nadjudicated_from:\n  - a.report.md` });
      assert.deepEqual(validateReport(parseReport(text), codebook), []);
    }
  });
});

describe('core/agreement/adjudication: settling candidates', () => {
  for (const article of ['middlesbrough', 'hartlepool-2017']) {
    const text = referenceText(sampleCopies(article));
    const clean = parseReport(text).cleanText;

    it(`${article}: every fix of every candidate keeps the article text, adds what the reference lacks and takes the candidate out`, () => {
      const all = candidates(text);
      const before = parseReport(text).spans.length;
      for (const candidate of all) {
        assert.ok(candidate.fixes.some((fix) => fix.title === 'Code nothing here'));
        for (const fix of candidate.fixes) {
          assert.equal(fix.preferred, false);
          assert.equal(fix.removesTextMarkup, undefined);
          const after = parseReport(applyFix(text, fix));
          assert.equal(after.cleanText, clean, fix.title);
          assert.equal(candidates(after.text).length, all.length - 1, fix.title);
          if (fix.title === 'Code nothing here') assert.equal(after.spans.length, before);
          else assert.ok(after.spans.length > before, `${fix.title} adds no span`);
          assert.deepEqual(validateReport(after, codebook).filter((d) => d.severity === 'error').map((d) => d.message), [], fix.title);
        }
      }
    });

    for (const strategy of ['the first fix', 'every version where offered', 'nothing']) {
      it(`${article}: settling every candidate with ${strategy} leaves none and keeps the article text`, () => {
        let current = text;
        for (let round = 0; ; round++) {
          const [candidate] = candidates(current);
          if (!candidate) break;
          assert.ok(round < 20, 'settling does not end');
          const titles = candidate.fixes.map((fix) => fix.title);
          const title = strategy === 'the first fix' ? titles[0] : strategy === 'nothing' ? 'Code nothing here' : titles.includes('Take every version') ? 'Take every version' : titles[0];
          current = applyFix(current, candidate.fixes.find((fix) => fix.title === title)!);
          assert.equal(parseReport(current).cleanText, clean);
        }
        assert.match(current, /\ncandidates: \[\]\n/);
        assert.deepEqual(validateReport(parseReport(current), codebook).filter((d) => d.severity === 'error').map((d) => d.message), []);
      });
    }
  }

  it('names the rule as the client looks for it', () => {
    assert.equal(RULES[CANDIDATE_RULE as keyof typeof RULES].severity, 'information');
    assert.ok(candidates(referenceText(sampleCopies('middlesbrough'))).every((d) => d.rule === CANDIDATE_RULE));
  });

  it('offers one fix for annotators who coded alike, and each its own otherwise', () => {
    const middlesbrough = candidates(referenceText(sampleCopies('middlesbrough')));
    assert.deepEqual(middlesbrough[0].fixes.map((fix) => fix.title), ['Take jd\'s and rs\'s version', 'Code nothing here']);
    assert.deepEqual(middlesbrough[1].fixes.map((fix) => fix.title), ['Take jd\'s and rs\'s version', 'Take mk\'s version', 'Take every version', 'Code nothing here']);
  });

  it('says why a version cannot be taken: it would cut through a span of the report, or its passages cross', () => {
    const body = 'Families [wait too long]{.weakness theme=health} for assessments.\n';
    const text = withCandidates(body, [
      '  - at: 0-39',
      '    kind: boundary',
      '    versions:',
      '      jd: ["0-21 {.weakness theme=identification}"]',
      '      mk: ["14-30 {.weakness theme=identification}"]',
      '      rs: ["0-39 {.weakness theme=identification}"]',
    ].join('\n'));
    const [candidate] = candidates(text);
    assert.match(candidate.message, /^Boundary: jd 0–21 weakness \(identification\); mk 14–30 weakness \(identification\); rs 0–39 weakness \(identification\)\. jd's version cannot be taken: it would cut through a span already in the report\. mk's version cannot be taken: it would cut through a span already in the report\. Every version together cannot be taken: its passages cross each other\.$/);
    assert.deepEqual(candidate.fixes.map((fix) => fix.title), ['Take rs\'s version', 'Code nothing here']);
    const taken = applyFix(text, candidate.fixes[0]);
    assert.ok(taken.includes('[Families [wait too long]{.weakness theme=health} for assessments.]{.weakness theme=identification}\n'), taken);
  });

  it('never lets brackets of the article pair with the markup it adds', () => {
    const body = 'Waits] are long.\n';
    const text = withCandidates(body, '  - at: 0-10\n    kind: missing\n    versions:\n      jd: ["0-10 {.weakness theme=health}"]\n      mk: []');
    const [candidate] = candidates(text);
    assert.match(candidate.message, /jd's version cannot be taken: brackets of the article would pair with its markup and change the article text\.$/);
    assert.deepEqual(candidate.fixes.map((fix) => fix.title), ['Code nothing here']);
    // Brackets that do not pair with it are no obstacle: `[sic]` stays text.
    const sic = withCandidates('Waits [sic] are long.\n', '  - at: 0-15\n    kind: missing\n    versions:\n      jd: ["0-15 {.weakness theme=health}"]\n      mk: []');
    const taken = applyFix(sic, candidates(sic)[0].fixes[0]);
    assert.ok(taken.endsWith('---\n[Waits [sic] are]{.weakness theme=health} long.\n'), taken);
  });

  it('leaves out an id the report already has, and keeps one it lacks', () => {
    const body = '[Waits]{#w1 .weakness theme=health} are long. Plans are late.\n';
    const taking = (id: string) => {
      const text = withCandidates(body, `  - at: 16-31\n    kind: missing\n    versions:\n      jd: ["16-31 {#${id} .weakness theme=ehc-plans}"]\n      mk: []`);
      const [candidate] = candidates(text);
      return applyFix(text, candidate.fixes[0]);
    };
    assert.ok(taking('w1').endsWith('[Waits]{#w1 .weakness theme=health} are long. [Plans are late.]{.weakness theme=ehc-plans}\n'));
    assert.ok(taking('w2').endsWith('[Waits]{#w1 .weakness theme=health} are long. [Plans are late.]{#w2 .weakness theme=ehc-plans}\n'));
  });

  it('counts in code points and keeps CR LF line endings', () => {
    const body = '🙂 Leaders were weak.\r\nParents [praised staff]{.strength theme=workforce}.\r\n';
    const copy = (annotator: string, markup: string) => ({ path: `x.${annotator}.report.md`, document: parseReport(buildReport(markup, { fields: { annotator }, eol: '\r\n' })) });
    const text = referenceText([
      copy('jd', body.replace('Leaders were weak.', '[Leaders were weak.]{.weakness theme=leadership}')),
      copy('mk', body),
    ]);
    assert.ok(!/[^\r]\n/.test(text), 'a line ends in LF alone');
    const [candidate] = candidates(text);
    assert.match(candidate.message, /^Missing: jd 2–20 weakness \(leadership\); mk nothing\./);
    assert.equal(rangeText(text, candidate.range), 'Leaders were weak.');
    const settled = applyFix(text, candidate.fixes[0]);
    assert.ok(settled.includes('🙂 [Leaders were weak.]{.weakness theme=leadership}\r\n'));
    assert.match(settled, /\r\ncandidates: \[\]\r\n---\r\n/);
  });

  it('stays bounded with thousands of candidates over a long article full of brackets: the later ones offer only "Code nothing here"', function () {
    this.timeout(20_000);
    const sentence = 'Waits [sic] are long. ';
    const body = sentence.repeat(20_000) + '\n';
    const items: string[] = [];
    for (let i = 0; i < 2_000; i++) {
      const at = i * sentence.length * 10;
      items.push(`  - at: ${at}-${at + 15}`, '    kind: missing', '    versions:', `      jd: ["${at}-${at + 15} {.weakness theme=health}"]`, '      mk: []');
    }
    const text = withCandidates(body, items.join('\n'));
    const started = Date.now();
    const all = candidates(text);
    const elapsed = Date.now() - started;
    assert.equal(all.length, 2_000);
    assert.ok(elapsed < 5_000, `${elapsed} ms`);
    assert.deepEqual(all[0].fixes.map((fix) => fix.title), ['Take jd\'s version', 'Code nothing here']);
    const last = all[all.length - 1];
    assert.deepEqual(last.fixes.map((fix) => fix.title), ['Code nothing here']);
    assert.match(last.message, /Not every fix is offered: the report has too many candidates/);
  });
});
