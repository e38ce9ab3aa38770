import { strict as assert } from 'node:assert';
import { RULE_IDS, RULES, type Diagnostic } from '../../core';
import { SOURCE_MISMATCH_RULES } from '../../core/validate/sourceMismatchRule';
import { textFingerprint } from '../../core/text/fingerprint';
import { type RuleId } from '../../core/validate/rules';
import { applyFix, buildReport, diagnose, ofRule, rangeOf, rangeText, single, summarise, VALID_FIELDS } from '../helpers/report';

interface RuleCase {
  readonly rule: RuleId;
  /** What the case shows, for the test title. */
  readonly what: string;
  readonly fires: string;
  /** The source text the diagnostic's range must cover. */
  readonly rangeText: string;
  /** Which occurrence of `rangeText` in `fires` the range is at (default 0). */
  readonly occurrence?: number;
  readonly severity: 'error' | 'warning' | 'information';
  /** A close variant of `fires` where the rule must not fire. */
  readonly quiet: string;
  /** True when `quiet` must have no diagnostics at all. */
  readonly quietIsClean?: boolean;
}

const FIELDS_WITHOUT = (key: string): Record<string, undefined> => ({ [key]: undefined });

const body = (markup: string): string => `The inspectors found that ${markup} in the area.\n`;

const CASES: readonly RuleCase[] = [
  {
    rule: 'frontmatter-missing', what: 'a report that starts with its text', severity: 'error',
    fires: 'Inspectors found [delays]{.weakness theme=health}.\nMore.\n', rangeText: 'Inspectors found [delays]{.weakness theme=health}.',
    quiet: buildReport('Inspectors found [delays]{.weakness theme=health}.\nMore.\n'), quietIsClean: true,
  },
  {
    rule: 'frontmatter-unclosed', what: 'front matter without its closing ---', severity: 'error',
    fires: buildReport('Body.\n').replace('status: draft\n---\n', 'status: draft\n\n'), rangeText: '---',
    quiet: buildReport('Body.\n'), quietIsClean: true,
  },
  {
    rule: 'yaml-syntax', what: 'a YAML list token after a key on one line', severity: 'error',
    fires: buildReport('Body.\n', { extraYaml: 'partners: [a, b]]' }), rangeText: ']', occurrence: 1,
    quiet: buildReport('Body.\n', { extraYaml: 'partners: [a, b]' }), quietIsClean: true,
  },
  {
    rule: 'frontmatter-too-complex', what: 'lists nested 65 deep in the front matter', severity: 'error',
    fires: buildReport('Body.\n', { extraYaml: `partners: ${'['.repeat(65)}x${']'.repeat(65)}` }), rangeText: '[', occurrence: 63,
    quiet: buildReport('Body.\n', { extraYaml: `partners: ${'['.repeat(40)}x${']'.repeat(40)}` }),
  },
  {
    rule: 'yaml-syntax', what: 'front matter that is a list', severity: 'error',
    fires: '---\n- area: Darlington\n- status: draft\n---\nBody', rangeText: '- area: Darlington\n- status: draft',
    quiet: '---\narea: Darlington\nstatus: draft\n---\nBody',
  },
  {
    rule: 'field-unknown', what: 'a field the codebook does not define', severity: 'warning',
    fires: buildReport('Body.\n', { extraYaml: 'reviewer: someone' }), rangeText: 'reviewer',
    quiet: buildReport('Body.\n', { extraYaml: 'published: 2023-03-14' }), quietIsClean: true,
  },
  {
    rule: 'field-missing', what: 'no annotator', severity: 'error',
    fires: buildReport('Body.\n', { fields: FIELDS_WITHOUT('annotator') }), rangeText: '---',
    quiet: buildReport('Body.\n', { fields: FIELDS_WITHOUT('published') }), quietIsClean: true,
  },
  {
    rule: 'field-missing', what: 'a mapping without its required field', severity: 'error',
    fires: buildReport('Body.\n', { extraYaml: 'source:\n  url: https://example.org/a' }), rangeText: 'source',
    quiet: buildReport('Body.\n', { extraYaml: 'source:\n  publisher: The Echo\n  url: https://example.org/a' }), quietIsClean: true,
  },
  {
    rule: 'field-type', what: 'a date that is not an ISO date', severity: 'error',
    fires: buildReport('Body.\n', { fields: { published: '14 March 2023' } }), rangeText: '14 March 2023',
    quiet: buildReport('Body.\n', { fields: { published: '2023-03-14' } }), quietIsClean: true,
  },
  {
    rule: 'field-type', what: 'an impossible calendar date', severity: 'error',
    fires: buildReport('Body.\n', { fields: { published: '2023-02-30' } }), rangeText: '2023-02-30',
    quiet: buildReport('Body.\n', { fields: { published: '2024-02-29' } }), quietIsClean: true,
  },
  {
    rule: 'field-type', what: 'a list item of the wrong type', severity: 'error',
    fires: buildReport('Body.\n', { fields: { inspection_dates: '[2023-01-09, 9 Jan 2023]' } }), rangeText: '9 Jan 2023',
    quiet: buildReport('Body.\n', { fields: { inspection_dates: '[2023-01-09, 2023-01-13]' } }), quietIsClean: true,
  },
  {
    rule: 'field-type', what: 'a URL that is not http(s)', severity: 'error',
    fires: buildReport('Body.\n', { extraYaml: 'source:\n  publisher: The Echo\n  url: ftp://example.org/a' }), rangeText: 'ftp://example.org/a',
    quiet: buildReport('Body.\n', { extraYaml: 'source:\n  publisher: The Echo\n  url: http://example.org/a' }), quietIsClean: true,
  },
  {
    rule: 'field-type', what: 'an empty required value', severity: 'error',
    fires: buildReport('Body.\n', { fields: { annotator: '' } }), rangeText: '',
    quiet: buildReport('Body.\n', { fields: { annotator: 'AB' } }), quietIsClean: true,
  },
  {
    rule: 'field-value', what: 'a value outside the enum', severity: 'error',
    fires: buildReport('Body.\n', { fields: { status: 'finished' } }), rangeText: 'finished',
    quiet: buildReport('Body.\n', { fields: { status: 'reviewed' } }), quietIsClean: true,
  },
  {
    rule: 'field-value', what: 'an inspectorate that is not Ofsted or CQC', severity: 'error',
    fires: buildReport('Body.\n', { fields: { inspectorates: '[Ofsted, HMI]' } }), rangeText: 'HMI',
    quiet: buildReport('Body.\n', { fields: { inspectorates: '[Ofsted, CQC]' } }), quietIsClean: true,
  },
  {
    rule: 'area-unknown', what: 'a place that is not a SEND authority', severity: 'error',
    fires: buildReport('Body.\n', { fields: { area: 'Atlantis' } }), rangeText: 'Atlantis',
    quiet: buildReport('Body.\n', { fields: { area: 'Hartlepool' } }), quietIsClean: true,
  },
  {
    rule: 'area-unknown', what: 'a former county', severity: 'error',
    fires: buildReport('Body.\n', { fields: { area: 'Cleveland' } }), rangeText: 'Cleveland',
    quiet: buildReport('Body.\n', { fields: { area: 'Redcar and Cleveland' } }), quietIsClean: true,
  },
  {
    rule: 'area-alias', what: 'an area written with another spelling', severity: 'warning',
    fires: buildReport('Body.\n', { fields: { area: 'Stoke on Trent' } }), rangeText: 'Stoke on Trent',
    quiet: buildReport('Body.\n', { fields: { area: 'Stoke-on-Trent' } }), quietIsClean: true,
  },
  {
    rule: 'report-memo-type', what: 'a report memo written as a list', severity: 'warning',
    fires: buildReport('Body.\n', { extraYaml: 'memo: [check dates, ask Sam]' }), rangeText: '[check dates, ask Sam]',
    quiet: buildReport('Body.\n', { extraYaml: 'memo: |\n  check dates\n  ask Sam' }), quietIsClean: true,
  },
  {
    rule: 'code-missing', what: 'a span with only an id', severity: 'error',
    fires: buildReport(body('[waits are long]{#w1}')), rangeText: '{#w1}',
    quiet: buildReport(body('[waits are long]{#w1 .weakness theme=health}')), quietIsClean: true,
  },
  {
    rule: 'code-unknown', what: 'a misspelt code', severity: 'error',
    fires: buildReport(body('[waits are long]{.weaknes theme=health}')), rangeText: 'weaknes',
    quiet: buildReport(body('[waits are long]{.weakness theme=health}')), quietIsClean: true,
  },
  {
    rule: 'code-duplicate', what: 'the same code twice', severity: 'warning',
    fires: buildReport(body('[waits are long]{.weakness .weakness theme=health}')), rangeText: '.weakness', occurrence: 1,
    quiet: buildReport(body('[waits are long]{.weakness .quote theme=health speaker=inspectors}')), quietIsClean: true,
  },
  {
    rule: 'attribute-unknown', what: 'an attribute no code takes', severity: 'warning',
    fires: buildReport(body('[waits are long]{.strength theme=health severity=moderate}')), rangeText: 'severity',
    quiet: buildReport(body('[waits are long]{.weakness theme=health severity=moderate}')), quietIsClean: true,
  },
  {
    rule: 'attribute-value', what: 'an unknown theme', severity: 'error',
    fires: buildReport(body('[waits are long]{.weakness theme="health waiting"}')), rangeText: 'waiting',
    quiet: buildReport(body('[waits are long]{.weakness theme="health workforce"}')), quietIsClean: true,
  },
  {
    rule: 'attribute-value', what: 'several values where one is allowed', severity: 'error',
    fires: buildReport(body('[it helps]{.quote speaker=Amy role="parent carer"}')), rangeText: 'parent carer',
    quiet: buildReport(body('[it helps]{.quote speaker=Amy role=parent}')), quietIsClean: true,
  },
  {
    rule: 'attribute-value', what: 'an empty value', severity: 'error',
    fires: buildReport(body('[it helps]{.quote speaker=}')), rangeText: 'speaker=',
    quiet: buildReport(body('[it helps]{.quote speaker="a parent"}')), quietIsClean: true,
  },
  {
    rule: 'attribute-missing', what: 'a weakness without a theme', severity: 'error',
    fires: buildReport(body('[waits are long]{.weakness severity=moderate}')), rangeText: 'weakness',
    quiet: buildReport(body('[waits are long]{.wsoa}')), quietIsClean: true,
  },
  {
    rule: 'attribute-duplicate', what: 'theme set twice', severity: 'warning',
    fires: buildReport(body('[waits are long]{.weakness theme=health theme=education}')), rangeText: 'theme=education',
    quiet: buildReport(body('[waits are long]{.weakness theme="health education"}')), quietIsClean: true,
  },
  {
    rule: 'span-empty', what: 'a span around blanks', severity: 'error',
    fires: buildReport(body('[ ]{.weakness theme=health}')), rangeText: '[ ]{.weakness theme=health}',
    quiet: buildReport(body('[.]{.weakness theme=health}')), quietIsClean: true,
  },
  {
    rule: 'span-unclosed', what: 'an attribute block without `}`', severity: 'error',
    fires: buildReport(body('[waits are long]{.weakness theme=health')), rangeText: '[waits are long]{.weakness theme=health in the area.',
    quiet: buildReport(body('[waits are long]{.weakness theme=health}')), quietIsClean: true,
  },
  {
    rule: 'span-stray-close', what: 'markup without its `[`', severity: 'error',
    fires: buildReport(body('waits are long]{.weakness theme=health}')), rangeText: ']{.weakness theme=health}',
    quiet: buildReport(body('[waits are long]{.weakness theme=health}')), quietIsClean: true,
  },
  {
    rule: 'span-syntax', what: 'a stray word in the attribute block', severity: 'error',
    fires: buildReport(body('[waits are long]{.weakness theme=health long}')), rangeText: 'long', occurrence: 1,
    quiet: buildReport(body('[waits are long]{.weakness theme=health #long}')), quietIsClean: true,
  },
  {
    rule: 'span-syntax', what: 'an unterminated quote', severity: 'error',
    fires: buildReport(body('[it helps]{.quote speaker="a parent')), rangeText: 'speaker="a parent in the area.',
    quiet: buildReport(body('[it helps]{.quote speaker="a parent"}')), quietIsClean: true,
  },
  {
    rule: 'id-duplicate', what: 'the same id on two spans', severity: 'error',
    fires: buildReport(body('[waits]{.weakness theme=health #w} and [delays]{.weakness theme=health #w}')), rangeText: '#w', occurrence: 1,
    quiet: buildReport(body('[waits]{.weakness theme=health #w} and [delays]{.weakness theme=health #w2}')), quietIsClean: true,
  },
  {
    rule: 'id-duplicate', what: 'two ids on one span', severity: 'error',
    fires: buildReport(body('[waits]{.weakness #a #b theme=health}')), rangeText: '#b',
    quiet: buildReport(body('[waits]{.weakness #a theme=health}')), quietIsClean: true,
  },
  {
    rule: 'outcome-mismatch', what: 'a 2016 outcome in a 2023 report', severity: 'error',
    fires: buildReport('Body.\n', { fields: { framework: '"2023"' } }), rangeText: 'no_wsoa',
    quiet: buildReport('Body.\n', { fields: { framework: '"2023"', outcome: 'positive' } }), quietIsClean: true,
  },
  {
    rule: 'outcome-mismatch', what: 'a full-inspection outcome in a revisit', severity: 'error',
    fires: buildReport('Body.\n', { fields: { inspection_type: 'revisit' } }), rangeText: 'no_wsoa',
    quiet: buildReport('Body.\n', { fields: { inspection_type: 'revisit', outcome: 'sufficient_progress' } }), quietIsClean: true,
  },
  {
    rule: 'outcome-unsupported', what: 'a WSOA outcome with no weakness or wsoa span', severity: 'warning',
    fires: buildReport(body('[leaders are ambitious]{.strength theme=leadership}'), { fields: { outcome: 'wsoa_required' } }), rangeText: 'wsoa_required',
    quiet: buildReport(body('[leaders are ambitious]{.strength theme=leadership} but [a statement of action is required]{.wsoa}'), { fields: { outcome: 'wsoa_required' } }), quietIsClean: true,
  },
  {
    rule: 'text-fingerprint', what: 'an article edited after its fingerprint was recorded', severity: 'error',
    fires: buildReport(body('[leaders were slow]{.weakness theme=leadership}'), { extraYaml: `text_sha256: "${textFingerprint(body('leaders were quick'))}"` }),
    rangeText: `"${textFingerprint(body('leaders were quick'))}"`,
    quiet: buildReport(body('[leaders were quick]{.weakness theme=leadership}'), { extraYaml: `text_sha256: "${textFingerprint(body('leaders were quick'))}"` }), quietIsClean: true,
  },
  {
    rule: 'markup-space-before-block', what: 'a space between `]` and `{`', severity: 'warning',
    fires: buildReport(body('[waits are long] {.weakness theme=health}')), rangeText: '] {.weakness theme=health}',
    quiet: buildReport(body('[waits are long]{.weakness theme=health}')), quietIsClean: true,
  },
  {
    rule: 'markup-block-brackets', what: 'an attribute block in round brackets', severity: 'warning',
    fires: buildReport(body('[waits are long](.weakness theme=health)')), rangeText: '](.weakness theme=health)',
    quiet: buildReport(body('[waits are long](https://example.org/waits)')), quietIsClean: true,
  },
  {
    rule: 'markup-second-block', what: 'a second attribute block after a span', severity: 'warning',
    fires: buildReport(body('[waits are long]{.weakness theme=health}{.quote speaker=parents role=parent}')), rangeText: '{.quote speaker=parents role=parent}',
    quiet: buildReport(body('[waits are long]{.weakness .quote theme=health speaker=parents role=parent}')), quietIsClean: true,
  },
  {
    rule: 'markup-stray-block', what: 'an attribute block in running prose', severity: 'warning',
    fires: buildReport(body('waits are long {.weakness theme=health}')), rangeText: '{.weakness theme=health}',
    quiet: buildReport(body('waits are long {as the report put it}')), quietIsClean: true,
  },
  {
    rule: 'markup-bracket-slip', what: 'a span\'s `]` typed as `}`', severity: 'warning',
    fires: buildReport(body('[waits are long}{.weakness theme=health}')), rangeText: '}{.weakness theme=health}',
    quiet: buildReport(body('[waits are long]{.weakness theme=health}')), quietIsClean: true,
  },
  {
    rule: 'markup-stray-bracket', what: 'a `]` left over after a span', severity: 'warning',
    fires: buildReport(body('[waits are long]{.weakness theme=health}]')), rangeText: ']', occurrence: 1,
    quiet: buildReport(body('([waits are long]{.weakness theme=health})')), quietIsClean: true,
  },
  {
    rule: 'markup-typographic-quotes', what: 'a value in curly quotes', severity: 'warning',
    fires: buildReport(body('[“it is a fight”]{.quote speaker=“a parent” role=parent}')), rangeText: '“a parent”',
    quiet: buildReport(body('[“it is a fight”]{.quote speaker="a parent" role=parent}')), quietIsClean: true,
  },
  {
    rule: 'markup-trailing-punctuation', what: 'a value ending in a comma', severity: 'warning',
    fires: buildReport(body('[waits are long]{.weakness theme=health,}')), rangeText: ',',
    quiet: buildReport(body('[waits are long]{.weakness theme=health,education}')), quietIsClean: true,
  },
  {
    rule: 'markup-joined-tokens', what: 'two attributes run together', severity: 'warning',
    fires: buildReport(body('[it is welcome]{.response speaker=council organisation=Council,stance=welcomes}')), rangeText: 'Council,stance=welcomes',
    quiet: buildReport(body('[it is welcome]{.response speaker=council organisation=Council stance=welcomes}')), quietIsClean: true,
  },
  {
    rule: 'keep-as-text-invalid', what: 'keep_as_text that is not a list', severity: 'error',
    fires: buildReport('Body.\n', { extraYaml: 'keep_as_text: 12' }), rangeText: '12',
    quiet: buildReport('Body.\n', { extraYaml: 'keep_as_text: []' }), quietIsClean: true,
  },
  {
    rule: 'keep-as-text-unused', what: 'a kept passage that is no near-miss', severity: 'information',
    fires: buildReport('Body.\n', { extraYaml: 'keep_as_text: ["] {x}"]' }), rangeText: '"] {x}"',
    quiet: buildReport('[a] {.weakness theme=health}\n', { extraYaml: 'keep_as_text: ["] {.weakness theme=health}"]' }), quietIsClean: true,
  },
  {
    rule: 'adjudication-candidate', what: 'a disagreement a reference report has yet to settle', severity: 'information',
    fires: buildReport('Waits are long.\n', { extraYaml: 'candidates:\n  - at: 0-15\n    kind: missing\n    versions:\n      jd: ["0-15 {.weakness theme=health}"]\n      mk: []' }), rangeText: 'Waits are long.',
    quiet: buildReport('Waits are long.\n', { extraYaml: 'candidates: []' }), quietIsClean: true,
  },
  {
    rule: 'adjudication-candidates-invalid', what: 'a candidate whose passage ends past the article', severity: 'error',
    fires: buildReport('Waits are long.\n', { extraYaml: 'candidates:\n  - at: 0-99\n    kind: missing\n    versions: { jd: [] }' }), rangeText: 'at: 0-99\n    kind: missing\n    versions: { jd: [] }',
    quiet: buildReport('Waits are long.\n', { extraYaml: 'candidates:\n  - at: 0-15\n    kind: missing\n    versions: { jd: [] }' }),
  },
];

function occurrenceRange(text: string, needle: string, occurrence: number): { start: number; end: number } {
  if (needle === '') return { start: -1, end: -1 };
  return rangeOf(text, needle, occurrence);
}

describe('core/validate rules', () => {
  it('has a firing case for every rule outside the codebook rules', () => {
    const covered = new Set(CASES.map((c) => c.rule));
    // A corpus rule compares reports with each other: test/core/sourceMismatchRule.test.ts.
    const missing = RULE_IDS.filter((id) => !id.startsWith('codebook-') && !(id in SOURCE_MISMATCH_RULES) && !covered.has(id));
    assert.deepEqual(missing, []);
  });

  it('declares a severity and a description for every rule', () => {
    for (const id of RULE_IDS) {
      assert.ok(['error', 'warning', 'information'].includes(RULES[id].severity), id);
      assert.ok(RULES[id].description.length > 10, id);
    }
    assert.equal(new Set(RULE_IDS).size, RULE_IDS.length);
  });

  it('accepts the base report of these cases with no diagnostics', () => {
    assert.deepEqual(diagnose(buildReport('Plain text.\n')).diagnostics, []);
    assert.deepEqual(Object.keys(VALID_FIELDS).sort(), ['annotator', 'area', 'framework', 'inspection_type', 'outcome', 'status']);
  });

  for (const c of CASES) {
    describe(`${c.rule}: ${c.what}`, () => {
      it('fires with its severity and the exact range', () => {
        const { diagnostics } = diagnose(c.fires);
        const found = ofRule(diagnostics, c.rule);
        assert.ok(found.length >= 1, `${c.rule} did not fire; got ${summarise(diagnostics, c.fires)}`);
        const texts = found.map((d) => rangeText(c.fires, d.range));
        assert.ok(texts.includes(c.rangeText), `ranges ${JSON.stringify(texts)} do not include ${JSON.stringify(c.rangeText)}`);
        const diagnostic = found.find((d) => rangeText(c.fires, d.range) === c.rangeText)!;
        assert.equal(diagnostic.severity, c.severity);
        assert.equal(diagnostic.severity, RULES[c.rule].severity);
        assert.ok(diagnostic.message.length > 0);
        if (c.rangeText !== '') assert.deepEqual(diagnostic.range, occurrenceRange(c.fires, c.rangeText, c.occurrence ?? 0));
      });

      it('does not fire in the close case', () => {
        const { diagnostics } = diagnose(c.quiet);
        assert.deepEqual(ofRule(diagnostics, c.rule), [], summarise(diagnostics, c.quiet));
        if (c.quietIsClean) assert.deepEqual(diagnostics.map((d) => d.rule), []);
      });
    });
  }

  describe('diagnostic details', () => {
    it('sorts diagnostics by position', () => {
      const text = buildReport(body('[x]{.weaknes} [y]{#i} [z]{.strength}'), { fields: { status: 'done' } });
      const { diagnostics } = diagnose(text);
      const starts = diagnostics.map((d) => d.range.start);
      assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
      assert.deepEqual(diagnostics.map((d) => d.rule), ['field-value', 'code-unknown', 'code-missing', 'attribute-missing']);
    });

    it('names the earlier line in an id-duplicate message', () => {
      const text = buildReport('[a]{.wsoa #x}\n\n[b]{.wsoa #x}\n');
      const diagnostic = single(diagnose(text).diagnostics, 'id-duplicate');
      const firstLine = text.slice(0, text.indexOf('[a]')).split('\n').length;
      assert.match(diagnostic.message, new RegExp(`line ${firstLine}\\b`));
    });

    it('reports a missing required field once per field', () => {
      const text = buildReport('Body', { fields: { annotator: undefined, status: undefined } });
      const missing = ofRule(diagnose(text).diagnostics, 'field-missing');
      assert.equal(missing.length, 2);
      assert.match(missing.map((d) => d.message).join('\n'), /`annotator`[\s\S]*`status`|`status`[\s\S]*`annotator`/);
    });

    it('does not judge the attributes of a span whose code is unknown', () => {
      const { diagnostics } = diagnose(buildReport(body('[x]{.weaknes colour=red}')));
      assert.deepEqual(diagnostics.map((d) => d.rule), ['code-unknown']);
    });

    it('reports the missing attribute of each code on a span with two codes', () => {
      const text = buildReport(body('[x]{.weakness .quote}'));
      const missing = ofRule(diagnose(text).diagnostics, 'attribute-missing');
      assert.deepEqual(missing.map((d) => rangeText(text, d.range)).sort(), ['quote', 'weakness']);
    });

    it('accepts a value allowed by either of two codes', () => {
      const text = buildReport(body('[x]{.weakness .quote theme=health speaker=inspectors role=inspector severity=moderate}'));
      assert.deepEqual(diagnose(text).diagnostics, []);
    });

    it('points each bad theme of several at its own word, with commas as separators', () => {
      const text = buildReport(body('[x]{.weakness theme="helth,education waits"}'));
      const values = ofRule(diagnose(text).diagnostics, 'attribute-value');
      assert.deepEqual(values.map((d) => rangeText(text, d.range)), ['helth', 'waits']);
    });

    it('points a bad theme in a value with escapes at the whole value', () => {
      const text = buildReport(body('[x]{.weakness theme="hea\\"lth"}'));
      const diagnostic = single(diagnose(text).diagnostics, 'attribute-value');
      assert.equal(rangeText(text, diagnostic.range), 'hea\\"lth');
      assert.match(diagnostic.message, /^`hea"lth` is not a theme/);
      assert.equal(applyFix(text, diagnostic.fixes[0]), buildReport(body('[x]{.weakness theme="health"}')));
    });

    it('resolves escapes before judging a value', () => {
      assert.deepEqual(diagnose(buildReport(body('[x]{.weakness theme="he\\alth"}'))).diagnostics, []);
    });

    it('puts the range of an empty field value just after its colon', () => {
      const text = buildReport('Body', { fields: { annotator: '' } });
      const diagnostic = single(diagnose(text).diagnostics, 'field-type');
      const after = text.indexOf('annotator:') + 'annotator:'.length;
      assert.deepEqual(diagnostic.range, { start: after, end: after });
    });

    it('counts a framework written as a YAML number as the same value', () => {
      assert.deepEqual(diagnose(buildReport('Body', { fields: { framework: '2016' } })).diagnostics, []);
    });

    it('reports the parse problems of a broken span once each', () => {
      const text = buildReport(body('[x]{.weakness theme=health'));
      const { diagnostics } = diagnose(text);
      assert.deepEqual(diagnostics.map((d) => d.rule), ['span-unclosed']);
    });
  });
});

/** The one fix of a diagnostic with this title, applied; fails when absent. */
function fixed(text: string, diagnostic: Diagnostic, title?: RegExp): string {
  const fixes = title ? diagnostic.fixes.filter((fix) => title.test(fix.title)) : diagnostic.fixes;
  assert.equal(fixes.length, 1, `fixes: ${JSON.stringify(diagnostic.fixes.map((f) => f.title))}`);
  return applyFix(text, fixes[0]);
}

describe('core/validate fixes', () => {
  it('changes a misspelt code to the nearest one', () => {
    const text = buildReport(body('[x]{.weaknes theme=health}'));
    const diagnostic = single(diagnose(text).diagnostics, 'code-unknown');
    assert.match(diagnostic.message, /Did you mean `weakness`\?/);
    assert.equal(diagnostic.fixes[0].preferred, true);
    const after = fixed(text, diagnostic);
    assert.equal(after, buildReport(body('[x]{.weakness theme=health}')));
    assert.deepEqual(diagnose(after).diagnostics, []);
  });

  it('suggests a code regardless of case', () => {
    const text = buildReport(body('[x]{.Strength theme=health}'));
    const after = fixed(text, single(diagnose(text).diagnostics, 'code-unknown'));
    assert.equal(after, buildReport(body('[x]{.strength theme=health}')));
  });

  it('offers no fix for a code far from every code', () => {
    const diagnostic = single(diagnose(buildReport(body('[x]{.zzzzzzzz theme=health}'))).diagnostics, 'code-unknown');
    assert.deepEqual(diagnostic.fixes, []);
    assert.doesNotMatch(diagnostic.message, /Did you mean/);
  });

  it('changes a misspelt theme, leaving the other themes alone', () => {
    const text = buildReport(body('[x]{.weakness theme="education helth"}'));
    const after = fixed(text, single(diagnose(text).diagnostics, 'attribute-value'));
    assert.equal(after, buildReport(body('[x]{.weakness theme="education health"}')));
    assert.deepEqual(diagnose(after).diagnostics, []);
  });

  it('changes a misspelt attribute enum value', () => {
    const text = buildReport(body('[x]{.weakness theme=health severity=moderat}'));
    const after = fixed(text, single(diagnose(text).diagnostics, 'attribute-value'));
    assert.equal(after, buildReport(body('[x]{.weakness theme=health severity=moderate}')));
  });

  it('renames a misspelt attribute key', () => {
    const text = buildReport(body('[x]{.weakness them=health}'));
    const { diagnostics } = diagnose(text);
    const after = fixed(text, single(diagnostics, 'attribute-unknown'));
    assert.equal(after, buildReport(body('[x]{.weakness theme=health}')));
    assert.deepEqual(diagnose(after).diagnostics, []);
  });

  it('changes a misspelt area, and offers each successor of a former area', () => {
    const text = buildReport('Body', { fields: { area: 'Darlingtn' } });
    const after = fixed(text, single(diagnose(text).diagnostics, 'area-unknown'));
    assert.equal(after, buildReport('Body'));

    const former = buildReport('Body', { fields: { area: 'Cleveland' } });
    const diagnostic = single(diagnose(former).diagnostics, 'area-unknown');
    assert.deepEqual(diagnostic.fixes.map((fix) => fix.edits[0].newText), ['Hartlepool', 'Middlesbrough', 'Redcar and Cleveland', 'Stockton-on-Tees']);
    assert.ok(diagnostic.fixes.every((fix) => !fix.preferred), 'no successor is preferred');
    assert.equal(applyFix(former, diagnostic.fixes[1]), buildReport('Body', { fields: { area: 'Middlesbrough' } }));
  });

  it('writes an alias as the canonical name', () => {
    const text = buildReport('Body', { fields: { area: 'stoke on trent' } });
    const after = fixed(text, single(diagnose(text).diagnostics, 'area-alias'));
    assert.equal(after, buildReport('Body', { fields: { area: 'Stoke-on-Trent' } }));
    assert.deepEqual(diagnose(after).diagnostics, []);
  });

  it('changes a misspelt enum value of a field', () => {
    const text = buildReport('Body', { fields: { status: 'reviewd' } });
    const diagnostic = single(diagnose(text).diagnostics, 'field-value');
    assert.deepEqual(diagnostic.fixes.map((fix) => [fix.title, fix.preferred]), [['Change to `reviewed`', true], ['Change to `draft`', false]], 'the nearest value first, then the other allowed values');
    const after = fixed(text, diagnostic, /`reviewed`/);
    assert.equal(after, buildReport('Body', { fields: { status: 'reviewed' } }));
  });

  it('quotes a suggested enum value that YAML would read as a number', () => {
    const text = buildReport('Body', { fields: { framework: '2015' } });
    const { diagnostics } = diagnose(text);
    const after = fixed(text, single(diagnostics, 'field-value'), /`2016`/);
    assert.equal(after, buildReport('Body'));
    assert.deepEqual(diagnose(after).diagnostics, []);
  });

  it('renames a misspelt field name to a field not yet present', () => {
    const text = buildReport('Body', { fields: { annotator: undefined }, extraYaml: 'anotator: tester' });
    const { diagnostics } = diagnose(text);
    assert.deepEqual(diagnostics.map((d) => d.rule).sort(), ['field-missing', 'field-unknown']);
    const after = fixed(text, single(diagnostics, 'field-unknown'));
    assert.equal(after, buildReport('Body', { fields: { annotator: undefined }, extraYaml: 'annotator: tester' }));
    assert.deepEqual(diagnose(after).diagnostics, []);
  });

  it('inserts a missing required field with its default before the closing ---', () => {
    const text = buildReport('Body', { fields: { status: undefined } });
    const diagnostic = single(diagnose(text).diagnostics, 'field-missing');
    assert.equal(diagnostic.fixes[0].preferred, true);
    const after = fixed(text, diagnostic);
    assert.equal(after, buildReport('Body', { fields: { status: undefined }, extraYaml: 'status: draft' }));
    assert.deepEqual(diagnose(after).diagnostics, []);
  });

  it('inserts a missing field without a default as an empty line to fill in, with CRLF in a CRLF file', () => {
    const text = buildReport('Body\n', { fields: { annotator: undefined }, eol: '\r\n' });
    const diagnostic = single(diagnose(text).diagnostics, 'field-missing');
    assert.equal(diagnostic.fixes[0].preferred, false);
    const after = fixed(text, diagnostic);
    assert.ok(after.includes('status: draft\r\nannotator: \r\n---\r\n'), JSON.stringify(after));
    assert.deepEqual(diagnose(after).diagnostics.map((d) => d.rule), ['field-type']);
  });

  it('wraps a single value in a list', () => {
    const text = buildReport('Body', { fields: { partners: 'Darlington Borough Council' } });
    const after = fixed(text, single(diagnose(text).diagnostics, 'field-type'));
    assert.equal(after, buildReport('Body', { fields: { partners: '[Darlington Borough Council]' } }));
    assert.deepEqual(diagnose(after).diagnostics, []);
  });

  it('offers to change either side of an outcome mismatch', () => {
    const text = buildReport('Body', { fields: { framework: '"2023"' } });
    const diagnostic = single(diagnose(text).diagnostics, 'outcome-mismatch');
    assert.deepEqual(diagnostic.fixes.map((fix) => fix.title), [
      'Change `outcome` to `positive`',
      'Change `outcome` to `inconsistent`',
      'Change `outcome` to `significant_concerns`',
      'Change `framework` to `2016`',
    ]);
    assert.equal(applyFix(text, diagnostic.fixes[3]), buildReport('Body'));
    assert.deepEqual(diagnose(applyFix(text, diagnostic.fixes[0])).diagnostics, []);
  });

  it('removes a duplicate id with the blank before it', () => {
    const text = buildReport(body('[a]{.wsoa #x} [b]{.wsoa #x}'));
    const after = fixed(text, single(diagnose(text).diagnostics, 'id-duplicate'));
    assert.equal(after, buildReport(body('[a]{.wsoa #x} [b]{.wsoa}')));
    assert.deepEqual(diagnose(after).diagnostics, []);
  });

  it('removes a second id on one span', () => {
    const text = buildReport(body('[a]{.wsoa #x\t#y}'));
    const after = fixed(text, single(diagnose(text).diagnostics, 'id-duplicate'));
    assert.equal(after, buildReport(body('[a]{.wsoa #x}')));
  });

  it('removes a repeated code and a repeated attribute', () => {
    const text = buildReport(body('[a]{.weakness .weakness theme=health theme=education}'));
    const { diagnostics } = diagnose(text);
    const afterCode = fixed(text, single(diagnostics, 'code-duplicate'));
    assert.equal(afterCode, buildReport(body('[a]{.weakness theme=health theme=education}')));
    const afterAttribute = fixed(text, single(diagnostics, 'attribute-duplicate'));
    assert.equal(afterAttribute, buildReport(body('[a]{.weakness .weakness theme=health}')));
  });

  it('closes an unclosed attribute block at the line end', () => {
    const text = buildReport('[waits are long]{.weakness theme=health\nNext line.\n');
    const diagnostic = single(diagnose(text).diagnostics, 'span-unclosed');
    const after = fixed(text, diagnostic);
    assert.equal(after, buildReport('[waits are long]{.weakness theme=health}\nNext line.\n'));
    assert.deepEqual(diagnose(after).diagnostics, []);
  });

  it('closes an unclosed attribute block at the end of the text', () => {
    const text = buildReport('[waits]{.weakness theme=health');
    const after = fixed(text, single(diagnose(text).diagnostics, 'span-unclosed'));
    assert.equal(after, buildReport('[waits]{.weakness theme=health}'));
  });

  it('closes an unterminated quote together with its attribute block', () => {
    const text = buildReport('[it helps]{.quote speaker="a parent\nNext.\n');
    const after = fixed(text, single(diagnose(text).diagnostics, 'span-unclosed'));
    assert.equal(after, buildReport('[it helps]{.quote speaker="a parent"}\nNext.\n'));
    assert.deepEqual(diagnose(after).diagnostics, []);
  });

  it('closes an unterminated single quote together with its attribute block', () => {
    const text = buildReport("[it helps]{.quote speaker='a parent\n");
    const after = fixed(text, single(diagnose(text).diagnostics, 'span-unclosed'));
    assert.equal(after, buildReport("[it helps]{.quote speaker='a parent'}\n"));
  });

  it('removes the markup of an empty span, keeping its blank text', () => {
    const text = buildReport(body('[ ]{.weakness theme=health}'));
    const after = fixed(text, single(diagnose(text).diagnostics, 'span-empty'));
    assert.equal(after, buildReport(body(' ')));
    assert.deepEqual(diagnose(after).diagnostics, []);
    const none = buildReport('A[]{.wsoa}B');
    assert.equal(fixed(none, single(diagnose(none).diagnostics, 'span-empty')), buildReport('AB'));
  });

  it('adds a missing attribute before the closing brace', () => {
    const text = buildReport(body('[a]{.weakness severity=moderate}'));
    const diagnostic = single(diagnose(text).diagnostics, 'attribute-missing');
    assert.equal(diagnostic.fixes[0].preferred, false);
    assert.equal(fixed(text, diagnostic), buildReport(body('[a]{.weakness severity=moderate theme=}')));
  });

  it('closes unclosed front matter with ---', () => {
    const text = buildReport('Body.\n').replace('status: draft\n---\n', 'status: draft\n\n');
    const after = fixed(text, single(diagnose(text).diagnostics, 'frontmatter-unclosed'));
    assert.equal(after, buildReport('\nBody.\n'));
    assert.deepEqual(diagnose(after).diagnostics, []);
  });
});
