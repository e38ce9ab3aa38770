import { strict as assert } from 'node:assert';
import { RULES, type Diagnostic, type Fix } from '../../core';
import { parseReport } from '../../core/document/parseReport';
import { type RuleId } from '../../core/validate/rules';
import { cleanTextWithout } from '../helpers/cleanTextEdits';
import { applyFix, buildReport, diagnose, ofRule, rangeText, summarise } from '../helpers/report';

// Markup that is almost right must never pass as article text unseen: each
// near-miss is reported with a fix that makes it the span meant, and (when
// it is article text) a fix that keeps it as text through `keep_as_text`.

/** Where the body starts in a report built by buildReport with the default fields. */
const BODY_START = buildReport('').length;

interface NearMissCase {
  readonly what: string;
  readonly body: string;
  readonly rule: RuleId;
  /** The text the diagnostic's range covers. */
  readonly range: string;
  readonly message: RegExp;
  /** The fix that makes the markup meant: its title. */
  readonly fix: RegExp;
  /** The body after that fix. */
  readonly fixed: string;
  /** The clean text after it (the clean text before less exactly the near-miss characters). */
  readonly clean: string;
  /** False for slips inside real markup, which have no article text to keep. */
  readonly keepable?: boolean;
  /** What `keep_as_text` records, when not the range's text. */
  readonly passage?: string;
}

const CASES: readonly NearMissCase[] = [
  {
    what: 'a space between `]` and `{`', rule: 'markup-space-before-block',
    body: 'Leaders said [x] {.weakness theme=leadership} today.\n', range: '] {.weakness theme=leadership}', message: /space between `\]` and `\{`/,
    fix: /Remove the space/, fixed: 'Leaders said [x]{.weakness theme=leadership} today.\n', clean: 'Leaders said x today.\n',
  },
  {
    what: 'tabs and spaces between `]` and `{`, the span over two lines', rule: 'markup-space-before-block',
    body: 'Leaders [said\nthat]\t \t{.weakness theme=leadership} today.\n', range: ']\t \t{.weakness theme=leadership}', message: /space/,
    fix: /Remove the space/, fixed: 'Leaders [said\nthat]{.weakness theme=leadership} today.\n', clean: 'Leaders said\nthat today.\n',
  },
  {
    what: 'round brackets instead of braces', rule: 'markup-block-brackets',
    body: 'Leaders said [x](.weakness theme=leadership) today.\n', range: '](.weakness theme=leadership)', message: /`\(…\)` is article text/,
    fix: /in `\{…\}`/, fixed: 'Leaders said [x]{.weakness theme=leadership} today.\n', clean: 'Leaders said x today.\n',
  },
  {
    what: 'a `(` opening a block closed with `}`', rule: 'markup-block-brackets',
    body: '[x](.weakness theme=leadership} today.\n', range: '](.weakness theme=leadership}', message: /`\(…\}` is article text/,
    fix: /in `\{…\}`/, fixed: '[x]{.weakness theme=leadership} today.\n', clean: 'x today.\n',
  },
  {
    what: 'full-width braces', rule: 'markup-block-brackets',
    body: '[x]｛.weakness theme=leadership｝ today.\n', range: ']｛.weakness theme=leadership｝', message: /`｛…｝` is article text/,
    fix: /in `\{…\}`/, fixed: '[x]{.weakness theme=leadership} today.\n', clean: 'x today.\n',
  },
  {
    what: 'the block\'s `{` left out', rule: 'markup-block-brackets',
    body: 'Leaders said [x].weakness theme=leadership} today.\n', range: '].weakness theme=leadership}', message: /`\{` is missing/,
    fix: /in `\{…\}`/, fixed: 'Leaders said [x]{.weakness theme=leadership} today.\n', clean: 'Leaders said x today.\n',
  },
  {
    what: 'a character typed for the block\'s `{`', rule: 'markup-block-brackets',
    body: 'Leaders said [x];.weakness theme=leadership} today.\n', range: '];.weakness theme=leadership}', message: /`;` where the attribute block's `\{` belongs/,
    fix: /in `\{…\}`/, fixed: 'Leaders said [x]{.weakness theme=leadership} today.\n', clean: 'Leaders said x today.\n',
  },
  {
    what: 'a second attribute block right after a span (themes merged)', rule: 'markup-second-block',
    body: '[x]{.weakness theme=leadership}{.strength theme=health} today.\n', range: '{.strength theme=health}', message: /Only the first attribute block/,
    fix: /Merge/, fixed: '[x]{.weakness theme="leadership health" .strength} today.\n', clean: 'x today.\n',
  },
  {
    what: 'a second attribute block repeating the code and adding an id', rule: 'markup-second-block',
    body: '[x]{.weakness theme=leadership}{.weakness #w1} today.\n', range: '{.weakness #w1}', message: /is article text/,
    fix: /Merge/, fixed: '[x]{.weakness theme=leadership #w1} today.\n', clean: 'x today.\n',
  },
  {
    what: 'an attribute block in running prose', rule: 'markup-stray-block',
    body: 'The report said {.strength theme=health} today.\n', range: '{.strength theme=health}', message: /no `\[…\]` before it/,
    fix: /Tag “The report said” with `\.strength`/, fixed: '[The report said]{.strength theme=health} today.\n', clean: 'The report said today.\n',
  },
  {
    what: 'an attribute block after a sentence\'s full stop', rule: 'markup-stray-block',
    body: 'Waits are long. Leaders are effective. {.strength theme=leadership} More.\n', range: '{.strength theme=leadership}', message: /no `\[…\]` before it/,
    fix: /Tag “Leaders are effective”/, fixed: 'Waits are long. [Leaders are effective]{.strength theme=leadership}. More.\n', clean: 'Waits are long. Leaders are effective. More.\n',
  },
  {
    what: 'an attribute block in prose inside a span', rule: 'markup-stray-block',
    body: '[Parents said services are poor {.weakness theme=health} and slow]{.quote speaker=parents role=parent}\n', range: '{.weakness theme=health}', message: /nothing is tagged/,
    fix: /Tag “Parents said services are poor” with `\.weakness`/,
    fixed: '[[Parents said services are poor]{.weakness theme=health} and slow]{.quote speaker=parents role=parent}\n', clean: 'Parents said services are poor and slow\n',
  },
  {
    what: 'a `]` left over after a span', rule: 'markup-stray-bracket',
    body: 'Leaders said [x]{.weakness theme=health}] today.\n', range: ']', message: /closes nothing/, passage: '{.weakness theme=health}]',
    fix: /Remove the stray `\]`/, fixed: 'Leaders said [x]{.weakness theme=health} today.\n', clean: 'Leaders said x today.\n',
  },
  {
    what: 'a `}` left over after a span', rule: 'markup-stray-bracket',
    body: 'Leaders said [x]{.weakness theme=health}} today.\n', range: '}', message: /closes nothing/, passage: '{.weakness theme=health}}',
    fix: /Remove the stray `\}`/, fixed: 'Leaders said [x]{.weakness theme=health} today.\n', clean: 'Leaders said x today.\n',
  },
  {
    what: 'a `}` typed inside the block, between tokens', rule: 'markup-stray-bracket',
    body: '[x]{.quote speaker=parents}role=parent} today.\n', range: '}role=parent}', message: /ends the attribute block early: `role=parent\}`/, passage: 'role=parent}',
    fix: /Write `a blank` for the `\}`/, fixed: '[x]{.quote speaker=parents role=parent} today.\n', clean: 'x today.\n',
  },
  {
    what: 'a `}` typed inside an id', rule: 'markup-stray-bracket',
    body: '[x]{.wsoa #hart}lepool-wsoa} today.\n', range: '}lepool-wsoa}', message: /ends the attribute block early/, passage: 'lepool-wsoa}',
    fix: /Remove the `\}` that ends the block early/, fixed: '[x]{.wsoa #hartlepool-wsoa} today.\n', clean: 'x today.\n',
  },
  {
    what: 'a `}` typed for a code\'s dot', rule: 'markup-stray-bracket',
    body: '[x]{.recommendation }improvement theme=outcomes} today.\n', range: '}improvement theme=outcomes}', message: /ends the attribute block early/, passage: 'improvement theme=outcomes}',
    fix: /Write `\.` for the `\}`/, fixed: '[x]{.recommendation .improvement theme=outcomes} today.\n', clean: 'x today.\n',
  },
  {
    what: 'a doubled `[` never closed', rule: 'markup-stray-bracket',
    body: 'Leaders said [[x]{.weakness theme=health} today.\n', range: '[', message: /never closed/, passage: '[[x]{.weakness theme=health}',
    fix: /Remove the extra `\[`/, fixed: 'Leaders said [x]{.weakness theme=health} today.\n', clean: 'Leaders said x today.\n',
  },
  {
    what: 'the span\'s `]` typed as `}`', rule: 'markup-bracket-slip',
    body: 'Leaders said [x}{.weakness theme=health} today.\n', range: '}{.weakness theme=health}', message: /`\}` where the span's `\]` belongs/,
    fix: /Write `\]` for `\}`/, fixed: 'Leaders said [x]{.weakness theme=health} today.\n', clean: 'Leaders said x today.\n',
  },
  {
    what: 'the span\'s `]` typed as `)`', rule: 'markup-bracket-slip',
    body: 'Leaders said [x){.weakness theme=health} today.\n', range: '){.weakness theme=health}', message: /`\)` where the span's `\]` belongs/,
    fix: /Write `\]` for `\)`/, fixed: 'Leaders said [x]{.weakness theme=health} today.\n', clean: 'Leaders said x today.\n',
  },
  {
    what: 'both brackets typed as round ones', rule: 'markup-bracket-slip',
    body: 'Leaders said (x){.weakness theme=health} today.\n', range: '){.weakness theme=health}', message: /`\(` and `\)` where the span's brackets belong/,
    fix: /Write `\[` and `\]` for `\(` and `\)`/, fixed: 'Leaders said [x]{.weakness theme=health} today.\n', clean: 'Leaders said x today.\n',
  },
  {
    what: 'both brackets typed as braces', rule: 'markup-bracket-slip',
    body: 'Leaders said {x}{.weakness theme=health} today.\n', range: '}{.weakness theme=health}', message: /`\{` and `\}`/,
    fix: /Write `\[` and `\]`/, fixed: 'Leaders said [x]{.weakness theme=health} today.\n', clean: 'Leaders said x today.\n',
  },
  {
    what: 'the span\'s `]` left out', rule: 'markup-bracket-slip',
    body: 'Leaders said [x {.weakness theme=health} today.\n', range: ' {.weakness theme=health}', message: /`\]` is missing/, passage: '{.weakness theme=health}',
    fix: /Close the span with `\]`/, fixed: 'Leaders said [x]{.weakness theme=health} today.\n', clean: 'Leaders said x today.\n',
  },
  {
    what: 'a value in curly quotes', rule: 'markup-typographic-quotes', keepable: false,
    body: '[x]{.quote speaker=“one parent” role=parent} today.\n', range: '“one parent”', message: /typographic quotes \(“ ”\)/,
    fix: /Use straight quotes/, fixed: '[x]{.quote speaker="one parent" role=parent} today.\n', clean: 'x today.\n',
  },
  {
    what: 'a value in single curly quotes', rule: 'markup-typographic-quotes', keepable: false,
    body: '[x]{.quote speaker=‘a parent’ role=parent}\n', range: '‘a parent’', message: /typographic quotes \(‘ ’\)/,
    fix: /Use straight quotes/, fixed: '[x]{.quote speaker="a parent" role=parent}\n', clean: 'x\n',
  },
  {
    what: 'a value in guillemets', rule: 'markup-typographic-quotes', keepable: false,
    body: '[x]{.quote speaker=«parents» role=parent}\n', range: '«parents»', message: /quotes and all/,
    fix: /Use straight quotes/, fixed: '[x]{.quote speaker="parents" role=parent}\n', clean: 'x\n',
  },
  {
    what: 'a trailing comma in a value', rule: 'markup-trailing-punctuation', keepable: false,
    body: '[x]{.weakness theme=outcomes,} today.\n', range: ',', message: /The `,` at the end of `theme=outcomes,`/,
    fix: /Remove the `,`/, fixed: '[x]{.weakness theme=outcomes} today.\n', clean: 'x today.\n',
  },
  {
    what: 'a trailing semicolon in a free-text value', rule: 'markup-trailing-punctuation', keepable: false,
    body: '[x]{.quote speaker=parents; role=parent}\n', range: ';', message: /The `;` at the end/,
    fix: /Remove the `;`/, fixed: '[x]{.quote speaker=parents role=parent}\n', clean: 'x\n',
  },
  {
    what: 'a trailing comma in an id', rule: 'markup-trailing-punctuation', keepable: false,
    body: '[x]{.wsoa #w1, }\n', range: ',', message: /`#w1,`/,
    fix: /Remove the `,`/, fixed: '[x]{.wsoa #w1 }\n', clean: 'x\n',
  },
  {
    what: 'two attributes run together with a comma', rule: 'markup-joined-tokens', keepable: false,
    body: '[x]{.response speaker=council organisation=Council,stance=welcomes}\n', range: 'Council,stance=welcomes', message: /runs into `stance=`/,
    fix: /Write a blank for `,` before `stance=`/, fixed: '[x]{.response speaker=council organisation=Council stance=welcomes}\n', clean: 'x\n',
  },
  {
    what: 'two attributes run together with no character between', rule: 'markup-joined-tokens', keepable: false,
    body: '[x]{.response speaker=council organisation=Councilstance=welcomes}\n', range: 'Councilstance=welcomes', message: /runs into `stance=`/,
    fix: /Put a blank before `stance=`/, fixed: '[x]{.response speaker=council organisation=Council stance=welcomes}\n', clean: 'x\n',
  },
  {
    what: 'an id run into an attribute', rule: 'markup-joined-tokens', keepable: false,
    body: '[x]{.recommendation #r1"theme=health}\n', range: '#r1"theme=health', message: /The id `#r1"theme=health` runs into `theme=`/,
    fix: /Write a blank for `"` before `theme=`/, fixed: '[x]{.recommendation #r1 theme=health}\n', clean: 'x\n',
  },
  {
    what: 'an id run into a code', rule: 'markup-joined-tokens', keepable: false,
    body: '[x]{.strength theme=health #s1.wsoa}\n', range: '#s1.wsoa', message: /runs into the code `\.wsoa`/,
    fix: /Put a blank before `\.wsoa`/, fixed: '[x]{.strength theme=health #s1 .wsoa}\n', clean: 'x\n',
  },
];

/** Slips already reported by the span rules, which now also say what was meant and fix it. */
const EXISTING: ReadonlyArray<Omit<NearMissCase, 'keepable'>> = [
  {
    what: 'a code without its dot', rule: 'span-syntax',
    body: '[x]{weakness theme=health}\n', range: 'weakness', message: /Did you mean the code `\.weakness`\?/,
    fix: /Write `\.weakness`/, fixed: '[x]{.weakness theme=health}\n', clean: 'x\n',
  },
  {
    what: 'a space after the dot (the dot)', rule: 'span-syntax',
    body: '[x]{. weakness theme=health}\n', range: '.', message: /Did you mean `\.weakness`\?/,
    fix: /Write `\.weakness`/, fixed: '[x]{.weakness theme=health}\n', clean: 'x\n',
  },
  {
    what: 'a space after the dot (the word)', rule: 'span-syntax',
    body: '[x]{. weakness theme=health}\n', range: 'weakness', message: /Did you mean the code `\.weakness`\?/,
    fix: /Write `\.weakness`/, fixed: '[x]{.weakness theme=health}\n', clean: 'x\n',
  },
  {
    what: 'blanks around `=`', rule: 'span-syntax',
    body: '[x]{.weakness theme = health}\n', range: 'theme = health', message: /without blanks around `=`/,
    fix: /Write `theme=health`/, fixed: '[x]{.weakness theme=health}\n', clean: 'x\n',
  },
  {
    what: 'a blank after `=`', rule: 'span-syntax',
    body: '[x]{.weakness theme= health}\n', range: 'health', message: /Did you mean `theme=health`\?/,
    fix: /Remove the blank after `=`/, fixed: '[x]{.weakness theme=health}\n', clean: 'x\n',
  },
  {
    what: 'doubled braces', rule: 'span-syntax',
    body: '[x]{{.weakness theme=health}} today\n', range: '{.weakness', message: /a `\{` too many/,
    fix: /Remove the extra `\{` and `\}`/, fixed: '[x]{.weakness theme=health} today\n', clean: 'x today\n',
  },
  {
    what: 'the span\'s `[` typed as `(`', rule: 'span-stray-close',
    body: 'Leaders said (x]{.weakness theme=health} today.\n', range: ']{.weakness theme=health}', message: /closes no span/,
    fix: /Write `\[` for `\(`/, fixed: 'Leaders said [x]{.weakness theme=health} today.\n', clean: 'Leaders said x today.\n',
  },
  {
    what: 'the span\'s `[` typed as `{`', rule: 'span-stray-close',
    body: 'Leaders said {x]{.weakness theme=health} today.\n', range: ']{.weakness theme=health}', message: /closes no span/,
    fix: /Write `\[` for `\{`/, fixed: 'Leaders said [x]{.weakness theme=health} today.\n', clean: 'Leaders said x today.\n',
  },
  {
    what: 'a doubled `]`', rule: 'span-stray-close',
    body: 'Leaders said [x]]{.weakness theme=health} today.\n', range: ']{.weakness theme=health}', message: /closes no span/,
    fix: /Remove the extra `\]`/, fixed: 'Leaders said [x]{.weakness theme=health} today.\n', clean: 'Leaders said x today.\n',
  },
  {
    what: 'the span\'s `[` left out', rule: 'span-stray-close',
    body: 'Waits are long. Leaders said x]{.weakness theme=health} today.\n', range: ']{.weakness theme=health}', message: /closes no span/,
    fix: /Tag “Leaders said x”/, fixed: 'Waits are long. [Leaders said x]{.weakness theme=health} today.\n', clean: 'Waits are long. Leaders said x today.\n',
  },
  {
    what: 'a capitalised code', rule: 'code-unknown',
    body: '[x]{.Weakness theme=health}\n', range: 'Weakness', message: /Did you mean `weakness`\?/,
    fix: /Change to `weakness`/, fixed: '[x]{.weakness theme=health}\n', clean: 'x\n',
  },
];

/** Text that looks like markup, or nearly, and is article text: no near-miss. */
const QUIET: readonly string[] = [
  'He said [sic] that [1] and […] were fine.\n',
  'Bracketed [sic] {not markup} in prose.\n',
  'A link [the report](https://example.org/report) and an anchor [see](#section) and [notes](.gitignore).\n',
  'Braces {in prose}, {.5 of them}, f(x) {.unknown-code} and {a=b}.\n',
  '([x]{.weakness theme=health}) in brackets.\n',
  '[a [b]{.weakness theme=health} c\n',
  'A span [x]{.weakness theme=health} then ] later and [y] {z} here.\n',
  '[x]{.quote speaker="“one parent”" role=parent}\n',
  '[x]{.weakness theme="outcomes,"}\n',
];

function fixNamed(diagnostic: Diagnostic, title: RegExp): Fix {
  const fix = diagnostic.fixes.find((f) => title.test(f.title));
  assert.ok(fix, `no fix ${title} among ${JSON.stringify(diagnostic.fixes.map((f) => f.title))}`);
  return fix;
}

function findDiagnostic(text: string, diagnostics: readonly Diagnostic[], rule: RuleId, range: string): Diagnostic {
  const found = ofRule(diagnostics, rule).find((d) => rangeText(text, d.range) === range);
  assert.ok(found, `no ${rule} at ${JSON.stringify(range)}; got ${summarise(diagnostics, text)}`);
  return found;
}

/** The clean text after a fix: as before, or (a fix turning text into markup) less exactly the characters it edits. */
function checkCleanText(text: string, fix: Fix, expected: string): void {
  const before = parseReport(text);
  const after = parseReport(applyFix(text, fix)).cleanText;
  assert.equal(after, expected);
  assert.equal(after, fix.removesTextMarkup ? cleanTextWithout(before, fix.edits.map((edit) => edit.range)) : before.cleanText, 'the clean text loses exactly the edited characters');
}

describe('core/validate near-miss markup', () => {
  for (const c of CASES) {
    describe(`${c.rule}: ${c.what}`, () => {
      const text = buildReport(c.body);

      it('is reported once, as a warning, at the exact range', () => {
        const { diagnostics } = diagnose(text);
        const diagnostic = findDiagnostic(text, diagnostics, c.rule, c.range);
        assert.equal(diagnostic.severity, 'warning');
        assert.equal(diagnostic.severity, RULES[c.rule].severity);
        assert.match(diagnostic.message, c.message);
        assert.equal(ofRule(diagnostics, c.rule).length, 1, summarise(diagnostics, text));
        // Nothing else reports the same slip.
        assert.deepEqual(diagnostics.map((d) => d.rule), [c.rule], summarise(diagnostics, text));
      });

      it('is fixed into the markup meant, removing exactly the near-miss characters from the clean text', () => {
        const diagnostic = findDiagnostic(text, diagnose(text).diagnostics, c.rule, c.range);
        const fix = fixNamed(diagnostic, c.fix);
        const fixed = applyFix(text, fix);
        assert.equal(fixed.slice(BODY_START), c.fixed);
        assert.equal(fix.removesTextMarkup === true, c.keepable !== false, 'a fix that turns text into markup says so');
        checkCleanText(text, fix, c.clean);
        assert.deepEqual(diagnose(fixed).diagnostics, [], summarise(diagnose(fixed).diagnostics, fixed));
      });

      if (c.keepable !== false) {
        it('can be kept as article text, which edits only the front matter and silences it', () => {
          const diagnostic = findDiagnostic(text, diagnose(text).diagnostics, c.rule, c.range);
          const keep = fixNamed(diagnostic, /Keep as article text/);
          assert.equal(keep.preferred, false);
          assert.ok(keep.edits.every((edit) => edit.range.end < BODY_START), 'only the front matter is edited');
          const kept = applyFix(text, keep);
          assert.ok(kept.endsWith(`\n---\n${c.body}`), 'the body is as it was');
          assert.equal(parseReport(kept).cleanText, parseReport(text).cleanText);
          const document = parseReport(kept);
          const field = document.frontMatter!.fields.find((f) => f.key === 'keep_as_text')!;
          assert.deepEqual(field.value, [c.passage ?? c.range]);
          assert.deepEqual(diagnose(kept).diagnostics, [], summarise(diagnose(kept).diagnostics, kept));
        });
      } else {
        it('is inside real markup: no article text to keep', () => {
          const diagnostic = findDiagnostic(text, diagnose(text).diagnostics, c.rule, c.range);
          assert.ok(diagnostic.fixes.every((fix) => !/Keep as article text/.test(fix.title)));
          for (const fix of diagnostic.fixes) {
            checkCleanText(text, fix, parseReport(text).cleanText);
            assert.deepEqual(diagnose(applyFix(text, fix)).diagnostics, []);
          }
        });
      }
    });
  }

  for (const c of EXISTING) {
    describe(`${c.rule} (an existing rule): ${c.what}`, () => {
      const text = buildReport(c.body);

      it('is reported once, with what was meant, and no near-miss rule reports it again', () => {
        const { diagnostics } = diagnose(text);
        const diagnostic = findDiagnostic(text, diagnostics, c.rule, c.range);
        assert.match(diagnostic.message, c.message);
        assert.deepEqual(diagnostics.filter((d) => d.rule.startsWith('markup-')), []);
      });

      it('is fixed into the markup meant', () => {
        const diagnostic = findDiagnostic(text, diagnose(text).diagnostics, c.rule, c.range);
        const fix = fixNamed(diagnostic, c.fix);
        const fixed = applyFix(text, fix);
        assert.equal(fixed.slice(BODY_START), c.fixed);
        checkCleanText(text, fix, c.clean);
        assert.deepEqual(diagnose(fixed).diagnostics, [], summarise(diagnose(fixed).diagnostics, fixed));
      });
    });
  }

  it('names a capitalised code as written, and leaves it to code-unknown once tagged', () => {
    const text = buildReport('Parents said services are poor {.Weakness theme=health} today.\n');
    const diagnostic = ofRule(diagnose(text).diagnostics, 'markup-stray-block')[0];
    const fixed = applyFix(text, fixNamed(diagnostic, /Tag “Parents said services are poor” with `\.Weakness`/));
    assert.deepEqual(diagnose(fixed).diagnostics.map((d) => d.rule), ['code-unknown']);
  });

  it('leaves a block with no code to code-missing (which code was meant cannot be known)', () => {
    const text = buildReport('[x]{theme=leadership}\n');
    assert.deepEqual(diagnose(text).diagnostics.map((d) => d.rule), ['code-missing']);
  });

  describe('stays silent on article text', () => {
    for (const body of QUIET) {
      it(JSON.stringify(body), () => {
        const text = buildReport(body);
        const diagnostics = diagnose(text).diagnostics;
        assert.deepEqual(diagnostics.filter((d) => d.rule.startsWith('markup-') || d.rule.startsWith('keep-as-text')), [], summarise(diagnostics, text));
      });
    }
  });

  it('does not offer to make a span that would unpair a later `]`', () => {
    // `[x}` pairs with the `]` after it, so `[x]{…}` would leave that `]` to close the span around: only a stray block.
    const text = buildReport('[outer [x}{.weakness theme=health} more] text]{.quote speaker=a role=parent}\n');
    const { diagnostics } = diagnose(text);
    assert.deepEqual(diagnostics.map((d) => d.rule), ['markup-stray-block'], summarise(diagnostics, text));
    for (const fix of diagnostics[0].fixes) checkCleanText(text, fix, fix.removesTextMarkup ? cleanTextWithout(parseReport(text), fix.edits.map((e) => e.range)) : parseReport(text).cleanText);
  });
});

describe('core/validate span-unclosed: the fix never swallows prose', () => {
  interface UnclosedCase {
    readonly what: string;
    readonly body: string;
    readonly fixed: string | undefined;
    readonly clean?: string;
  }
  const UNCLOSED: readonly UnclosedCase[] = [
    {
      what: 'closes after the last attribute, before the sentence\'s comma',
      body: '[x]{.weakness theme=leadership, the report said.\n', fixed: '[x]{.weakness theme=leadership}, the report said.\n', clean: 'x, the report said.\n',
    },
    {
      what: 'closes after the code when words of the sentence follow',
      body: 'Then [x]{.weakness theme=health the report said\n', fixed: 'Then [x]{.weakness theme=health} the report said\n', clean: 'Then x the report said\n',
    },
    {
      what: 'closes an open quote at the punctuation it most likely ended at',
      body: '[x]{.quote role=parent speaker="one parent, the report said.\n', fixed: '[x]{.quote role=parent speaker="one parent"}, the report said.\n', clean: 'x, the report said.\n',
    },
    {
      what: 'closes an open quote before a `}` typed inside it',
      body: '[x]{.quote role=parent speaker="Sheila Smith} in North Somerset.\n', fixed: '[x]{.quote role=parent speaker="Sheila Smith"} in North Somerset.\n', clean: 'x in North Somerset.\n',
    },
    {
      what: 'closes before a `)` that belongs to the text',
      body: '(as [x]{.weakness theme=health) said\n', fixed: '(as [x]{.weakness theme=health}) said\n', clean: '(as x) said\n',
    },
    {
      what: 'closes at the line end when the block holds only markup',
      body: '[x]{.weakness theme=health\nNext line.\n', fixed: '[x]{.weakness theme=health}\nNext line.\n', clean: 'x\nNext line.\n',
    },
    { what: 'offers nothing when no token reads as markup', body: '[x]{ the report said\n', fixed: undefined },
    {
      what: 'closes before a token holding a bracket (which would pair differently inside markup)',
      body: '[x]{.weakness theme=a]b more\n', fixed: '[x]{.weakness} theme=a]b more\n', clean: 'x theme=a]b more\n',
    },
  ];

  for (const c of UNCLOSED) {
    it(c.what, () => {
      const text = buildReport(c.body);
      const { diagnostics } = diagnose(text);
      const unclosed = ofRule(diagnostics, 'span-unclosed');
      assert.equal(unclosed.length, 1, summarise(diagnostics, text));
      if (c.fixed === undefined) {
        assert.deepEqual(unclosed[0].fixes, []);
        return;
      }
      assert.equal(unclosed[0].fixes.length, 1);
      const fix = unclosed[0].fixes[0];
      assert.equal(fix.removesTextMarkup, true);
      assert.equal(applyFix(text, fix).slice(BODY_START), c.fixed);
      checkCleanText(text, fix, c.clean!);
      assert.deepEqual(diagnose(applyFix(text, fix)).diagnostics.filter((d) => d.rule.startsWith('span-')), []);
    });
  }

  it('closes only the first of several blocks left open on one line (a `}` for a later one would close the first)', () => {
    const text = buildReport('[a]{.weakness theme=health [b]{.strength theme=health\n');
    const [first, second] = ofRule(diagnose(text).diagnostics, 'span-unclosed');
    assert.equal(applyFix(text, first.fixes[0]).slice(BODY_START), '[a]{.weakness theme=health} [b]{.strength theme=health\n');
    assert.deepEqual(second.fixes, []);
  });

  it('gives a block with no `[` the `[` most likely meant too (a `}` alone would add to the article text)', () => {
    for (const [body, fixed, clean] of [
      ['Waits are long. Leaders said x]{.weakness theme=health more\n', 'Waits are long. [Leaders said x]{.weakness theme=health} more\n', 'Waits are long. Leaders said x more\n'],
      ['Leaders said (x]{.weakness theme=health, more\n', 'Leaders said [x]{.weakness theme=health}, more\n', 'Leaders said x, more\n'],
      ['Leaders said [x]]{.weakness theme=health more\n', 'Leaders said [x]{.weakness theme=health} more\n', 'Leaders said x more\n'],
    ]) {
      const text = buildReport(body);
      const fix = ofRule(diagnose(text).diagnostics, 'span-unclosed')[0].fixes[0];
      assert.equal(applyFix(text, fix).slice(BODY_START), fixed);
      checkCleanText(text, fix, clean);
    }
    const nothingBefore = buildReport(']{.weakness theme=health more\n');
    assert.deepEqual(ofRule(diagnose(nothingBefore).diagnostics, 'span-unclosed')[0].fixes, []);
  });
});

describe('core/validate keep_as_text', () => {
  const nearMiss = 'Leaders said [x] {.weakness theme=leadership} today.\n';
  const passage = '] {.weakness theme=leadership}';

  function keepFix(text: string): Fix {
    const diagnostic = ofRule(diagnose(text).diagnostics, 'markup-space-before-block')[0];
    return fixNamed(diagnostic, /Keep as article text/);
  }

  it('silences a near-miss whose passage it lists', () => {
    const text = buildReport(nearMiss, { extraYaml: `keep_as_text:\n  - "${passage}"` });
    assert.deepEqual(diagnose(text).diagnostics, []);
  });

  it('creates the list at the end of the front matter, with the file\'s line endings', () => {
    const text = buildReport(nearMiss, { eol: '\r\n' });
    const kept = applyFix(text, keepFix(text));
    assert.ok(kept.includes(`status: draft\r\nkeep_as_text:\r\n  - "${passage}"\r\n---\r\n`), JSON.stringify(kept));
    assert.deepEqual(diagnose(kept).diagnostics, []);
  });

  it('appends to a block list, keeping its indentation', () => {
    const text = buildReport(`${nearMiss}[a] {.weakness theme=health}\n`, { extraYaml: 'keep_as_text:\n    - "[a] {.weakness theme=health}"\n    - "] {.weakness theme=health}"' });
    const kept = applyFix(text, keepFix(text));
    assert.ok(kept.includes(`    - "] {.weakness theme=health}"\n    - "${passage}"\n`), kept);
    assert.deepEqual(diagnose(kept).diagnostics.map((d) => d.rule), ['keep-as-text-unused']);
  });

  it('appends to a flow list, and fills an empty one', () => {
    for (const [list, expected] of [['["x y"]', `["x y", "${passage}"]`], ['[]', `["${passage}"]`], ['[ "a" , ]', `[ "a" , "${passage}"]`]]) {
      const text = buildReport(nearMiss, { extraYaml: `keep_as_text: ${list}` });
      const kept = applyFix(text, keepFix(text));
      assert.ok(kept.includes(`keep_as_text: ${expected}\n`), kept);
      assert.ok(parseReport(kept).frontMatter!.fields.find((f) => f.key === 'keep_as_text')!.items!.some((item) => item.value === passage));
    }
  });

  it('fills a list left empty', () => {
    const text = buildReport(nearMiss, { extraYaml: 'keep_as_text:' });
    const kept = applyFix(text, keepFix(text));
    assert.ok(kept.includes(`keep_as_text:\n  - "${passage}"\n`), kept);
    assert.deepEqual(diagnose(kept).diagnostics, []);
  });

  it('quotes a passage with quotes, backslashes, a colon and a hash as YAML reads it back', () => {
    const body = 'He said [x] {.quote speaker="a \\"b\\": c #1 \\\\" role=parent} today.\n';
    const text = buildReport(body);
    const diagnostic = ofRule(diagnose(text).diagnostics, 'markup-space-before-block')[0];
    const kept = applyFix(text, fixNamed(diagnostic, /Keep as article text/));
    const field = parseReport(kept).frontMatter!.fields.find((f) => f.key === 'keep_as_text')!;
    assert.deepEqual(field.value, [rangeText(text, diagnostic.range)]);
    assert.deepEqual(diagnose(kept).diagnostics, []);
  });

  it('offers no keep fix when the front matter cannot be read', () => {
    const text = buildReport(nearMiss, { extraYaml: 'status: [draft' }).replace('status: draft\n', '');
    const diagnostic = ofRule(diagnose(text).diagnostics, 'markup-space-before-block')[0];
    assert.ok(diagnostic.fixes.every((fix) => !/Keep/.test(fix.title)));
  });

  it('reports a passage that keeps nothing as information, with a fix that removes it', () => {
    const text = buildReport('Plain text.\n', { extraYaml: 'keep_as_text:\n  - "gone"\n  - "[sic]"' });
    const unused = ofRule(diagnose(text).diagnostics, 'keep-as-text-unused');
    assert.deepEqual(unused.map((d) => [d.severity, rangeText(text, d.range)]), [['information', '"gone"'], ['information', '"[sic]"']]);
    const removed = applyFix(text, unused[0].fixes[0]);
    assert.ok(removed.includes('keep_as_text:\n  - "[sic]"\n---'), removed);
    const flow = buildReport('Plain text.\n', { extraYaml: 'keep_as_text: ["gone", "[sic]"]' });
    assert.ok(applyFix(flow, ofRule(diagnose(flow).diagnostics, 'keep-as-text-unused')[1].fixes[0]).includes('keep_as_text: ["gone"]'));
  });

  it('requires text items in a list', () => {
    const text = buildReport(nearMiss, { extraYaml: 'keep_as_text:\n  - 12\n  - {.strength theme=health}' });
    const invalid = ofRule(diagnose(text).diagnostics, 'keep-as-text-invalid');
    assert.deepEqual(invalid.map((d) => [d.severity, rangeText(text, d.range)]), [['error', '12'], ['error', '{.strength theme=health}']]);
    const quoted = applyFix(applyFix(text, invalid[1].fixes[0]), invalid[0].fixes[0]);
    assert.deepEqual(parseReport(quoted).frontMatter!.fields.find((f) => f.key === 'keep_as_text')!.value, ['12', '{.strength theme=health}']);
    const scalar = buildReport(nearMiss, { extraYaml: `keep_as_text: "${passage}"` });
    const notList = ofRule(diagnose(scalar).diagnostics, 'keep-as-text-invalid')[0];
    assert.equal(rangeText(scalar, notList.range), `"${passage}"`);
    assert.deepEqual(diagnose(applyFix(scalar, notList.fixes[0])).diagnostics, []);
  });
});

describe('core/validate near-miss scanning stays linear', function () {
  this.timeout(60_000);
  const MB = 1_000_000;
  const repeat = (unit: string) => unit.repeat(Math.ceil(MB / unit.length));
  const count = (unit: string) => Math.ceil(MB / unit.length);
  // Each would cost on the order of a million times its length if a stretch were read again per bracket;
  // the counts of markup diagnostics show each was read through.
  const HOSTILE: ReadonlyArray<[string, string, Record<string, number>]> = [
    ['`] {` with no block closed', repeat('] {.weakness '), {}],
    ['`](` with no `)`', repeat('[x](.weakness '), {}],
    ['opening braces with one `}` at the end', `${repeat('{')}.weakness}`, { 'markup-stray-block': 1 }],
    ['opening braces and words, one `}`', `${repeat('{ a ')}.weakness}`, {}],
    ['round brackets and braces', repeat('(a) {b} '), {}],
    ['a million blanks between `]` and `{`', `[x]${' '.repeat(MB)}{.weakness}`, { 'markup-space-before-block': 1 }],
    ['one `[`, then many `]`', `[${repeat('] ')}`, {}],
    ['nested brackets each closed by `] {…}`', `${'['.repeat(50_000)}x${'] {.weakness theme=health}'.repeat(50_000)}`, { 'markup-space-before-block': 50_000 }],
    ['open round brackets, then a slip', `${repeat('(')}x){.weakness theme=health}`, { 'markup-bracket-slip': 1 }],
    ['a bracket never closed, then many slips', `[${repeat('x}{.weakness theme=health} ')}`, { 'markup-bracket-slip': 1, 'markup-stray-block': count('x}{.weakness theme=health} ') - 1 }],
    ['stray blocks with no sentence end', repeat('word {.strength theme=health} '), { 'markup-stray-block': count('word {.strength theme=health} ') }],
    ['stray closes with no sentence end', repeat('word ]{.strength theme=health} '), { 'span-stray-close': count('word ]{.strength theme=health} ') }],
    ['typographic quotes never closed', `[x]{.quote ${repeat('k=“a ')}}`, { 'markup-typographic-quotes': count('k=“a ') }],
    ['unclosed blocks on one line', repeat('[a]{.weakness theme=health '), { 'span-unclosed': count('[a]{.weakness theme=health ') }],
    ['doubled openers', repeat('[[x]{.weakness theme=health} '), { 'markup-stray-bracket': count('[[x]{.weakness theme=health} ') }],
  ];
  for (const [name, body, expected] of HOSTILE) {
    it(`${name} (1 MB)`, () => {
      const counts: Record<string, number> = {};
      for (const { rule } of diagnose(buildReport(body)).diagnostics) if (rule.startsWith('markup-') || rule.startsWith('span-')) counts[rule] = (counts[rule] ?? 0) + 1;
      assert.deepEqual(counts, expected);
    });
  }
});
