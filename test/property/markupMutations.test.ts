import { strict as assert } from 'node:assert';
import { defaultCodebook, type Codebook, type ReportDocument, type Span } from '../../core';
import { parseReport } from '../../core/document/parseReport';
import { uniqueValues } from '../../core/spans/attributeValueParts';
import { validateReport } from '../../core/validate/validateReport';
import { buildReport } from '../helpers/report';
import { reportFilesIn } from '../helpers/repo';

// A tired hand slips on one character of a span's markup. Every such slip
// must either leave the span as it was, or be diagnosed near it: markup
// that silently becomes article text (or silently means something else)
// makes a researcher believe a passage is coded when the dataset says it
// is not. Valid spans from the samples and written here are mutated one
// character at a time (deleted, doubled, or replaced by a likely slip;
// those written here, and one generated for each code of the codebook),
// and each result is classified. What is neither the same span nor
// diagnosed must be one of the kinds listed in INTENDED, each justified.

const SLIPS = [' ', '(', ')', '{', '}', '[', ']', '.', ',', ';', '“', '”', "'", '"', '=', 'x'];

const WRITTEN_SPANS: readonly string[] = [
  '[leaders are ambitious]{.strength theme=leadership}',
  '[waits are long]{.weakness theme="health education" severity=moderate}',
  '[plans are late]{.weakness theme=ehc-plans,health}',
  '[a statement of action is required]{.wsoa #hartlepool-wsoa}',
  '[“We have to fight”]{.quote speaker="one parent" role=parent}',
  "[it is welcome]{.response speaker='the council' organisation=Council stance=welcomes}",
  '[plans are late]{.weakness .quote theme=ehc-plans speaker=inspectors role=inspector}',
  '[x]{.improvement theme=outcomes}',
  '[leaders must act]{#p1 .priority-action theme="leadership co-production"}',
];

/**
 * A span for each code of the codebook, with every attribute it takes,
 * values written each way the format allows (bare, double- and
 * single-quoted, several themes with a blank or a comma), some with an id.
 */
function generatedSpans(codebook: Codebook): string[] {
  const themes = [...codebook.themes.keys()];
  const spans: string[] = [];
  let k = 0;
  for (const code of codebook.codes.values()) {
    const tokens = [`.${code.name}`];
    if (k % 2 === 0) tokens.push(`#g-${k}`);
    for (const attribute of code.attributes.values()) {
      const n = k++;
      if (attribute.values === 'themes') tokens.push([`${attribute.name}=${themes[n % themes.length]}`, `${attribute.name}="${themes[n % themes.length]} ${themes[(n + 1) % themes.length]}"`, `${attribute.name}=${themes[n % themes.length]},${themes[(n + 2) % themes.length]}`][n % 3]);
      else if (attribute.values) tokens.push(`${attribute.name}=${attribute.values[n % attribute.values.length]}`);
      else tokens.push([`${attribute.name}="the ${code.name} text"`, `${attribute.name}='a person'`, `${attribute.name}=someone`][n % 3]);
    }
    spans.push(`[a passage about ${code.label.toLowerCase()}]{${tokens.join(' ')}}`);
  }
  return spans;
}

const BEFORE = 'Inspectors said that ';
const AFTER = ' in the area.\n';

/** Leaf spans of the samples (no span inside), on one line, each distinct attribute block once. */
function sampleSpans(): string[] {
  const seen = new Set<string>();
  const spans: string[] = [];
  for (const file of reportFilesIn('samples')) {
    const document = parseReport(file.text);
    for (const span of document.spans) {
      const source = file.text.slice(span.range.start, span.range.end);
      const block = file.text.slice(span.attributeRange.start, span.attributeRange.end);
      const leaf = !document.spans.some((other) => other.parent === span.index);
      if (!leaf || /[\r\n]/.test(source) || seen.has(block)) continue;
      seen.add(block);
      spans.push(source);
    }
  }
  return spans;
}

type Outcome = 'same span' | 'diagnosed' | 'neither';

interface Base {
  readonly report: string;
  readonly bodyStart: number;
  readonly span: Span;
  readonly clean: string;
  /** The span's codes, ids, attributes and text, to compare a mutated span with. */
  readonly tuple: string;
}

/** The intended "neither" kinds: a mutation that leaves text a reader could mean. */
const INTENDED = {
  'free text changed': 'a free-text attribute value (speaker, organisation) or an id changed: any text is allowed there, so no rule can tell',
  'same values, other separators': 'a multi-valued attribute written with a comma for a space or the reverse: the same values (docs/format.md, Spans)',
} as const;

type Intended = keyof typeof INTENDED;

function spanTuple(document: ReportDocument, span: Span): string {
  return JSON.stringify([span.codes.map((c) => c.name), span.ids.map((i) => i.value), span.attributes.map((a) => [a.key, a.value]), document.cleanText.slice(span.clean.start, span.clean.end)]);
}

function classify(base: Base, mutated: string, codebook: Codebook): { outcome: Outcome; intended?: Intended } {
  const document = parseReport(mutated);
  if (document.cleanText === base.clean && document.spans.length === 1 && spanTuple(document, document.spans[0]) === base.tuple) return { outcome: 'same span' };
  const diagnostics = validateReport(document, codebook).filter((d) => d.range.end >= base.bodyStart);
  if (diagnostics.length > 0) return { outcome: 'diagnosed' };
  return { outcome: 'neither', intended: intendedKind(base, document, codebook) };
}

/** Which intended kind a silent mutation is, if any. */
function intendedKind(base: Base, document: ReportDocument, codebook: Codebook): Intended | undefined {
  if (document.spans.length !== 1 || document.cleanText !== base.clean) return undefined;
  const was = base.span;
  const now = document.spans[0];
  if (JSON.stringify(now.codes.map((c) => c.name)) !== JSON.stringify(was.codes.map((c) => c.name))) return undefined;
  if (JSON.stringify(now.attributes.map((a) => a.key)) !== JSON.stringify(was.attributes.map((a) => a.key))) return undefined;
  if (now.ids.length !== was.ids.length) return undefined;
  let kind: Intended | undefined;
  for (let k = 0; k < now.attributes.length; k++) {
    const a = was.attributes[k];
    const b = now.attributes[k];
    if (a.value === b.value) continue;
    const definition = now.codes.map((c) => codebook.codes.get(c.name)?.attributes.get(a.key)).find((d) => d !== undefined);
    if (definition?.multiple && JSON.stringify(uniqueValues(a.value)) === JSON.stringify(uniqueValues(b.value))) kind ??= 'same values, other separators';
    else if (definition && definition.values === undefined) kind = 'free text changed';
    else return undefined;
  }
  for (let k = 0; k < now.ids.length; k++) if (now.ids[k].value !== was.ids[k].value) kind = 'free text changed';
  return kind;
}

interface Totals {
  tried: number;
  'same span': number;
  diagnosed: number;
  neither: number;
  intended: Record<string, number>;
  /** Some of each intended kind, to show with FINDINGS_SHOW_MUTATIONS. */
  examples: Record<string, string[]>;
  unexpected: string[];
}

function mutateAll(spanSource: string, codebook: Codebook, totals: Totals): void {
  const body = `${BEFORE}${spanSource}${AFTER}`;
  const report = buildReport(body);
  const bodyStart = report.length - body.length;
  const document = parseReport(report);
  assert.equal(document.spans.length, 1, spanSource);
  assert.deepEqual(validateReport(document, codebook), [], `${spanSource} is a valid span`);
  const span = document.spans[0];
  const base: Base = { report, bodyStart, span, clean: document.cleanText, tuple: spanTuple(document, span) };
  const markup = [span.range.start, ...Array.from({ length: span.range.end - span.textRange.end }, (_, k) => span.textRange.end + k)];
  for (const at of markup) {
    const edits: string[] = [report.slice(0, at) + report.slice(at + 1), report.slice(0, at) + report[at] + report.slice(at)];
    for (const slip of SLIPS) if (slip !== report[at]) edits.push(report.slice(0, at) + slip + report.slice(at + 1));
    for (const mutated of edits) {
      totals.tried++;
      const { outcome, intended } = classify(base, mutated, codebook);
      totals[outcome]++;
      if (outcome !== 'neither') continue;
      const written = mutated.slice(bodyStart, -AFTER.length).slice(BEFORE.length);
      if (intended) {
        totals.intended[intended] = (totals.intended[intended] ?? 0) + 1;
        if ((totals.examples[intended] ??= []).length < 200) totals.examples[intended].push(written);
      } else totals.unexpected.push(written);
    }
  }
}

describe('span markup mutated one character at a time', function () {
  this.timeout(300_000);

  it('is the same span, or diagnosed, or text a reader could mean (listed and justified)', () => {
    const codebook = defaultCodebook();
    const spans = [...sampleSpans(), ...WRITTEN_SPANS, ...generatedSpans(codebook)];
    assert.ok(spans.length >= 30, `${spans.length} spans`);
    const totals: Totals = { tried: 0, 'same span': 0, diagnosed: 0, neither: 0, intended: {}, examples: {}, unexpected: [] };
    for (const span of spans) mutateAll(span, codebook, totals);
    console.log(`      ${spans.length} spans: tried ${totals.tried}, same span ${totals['same span']}, diagnosed ${totals.diagnosed}, neither ${totals.neither}`);
    for (const [kind, count] of Object.entries(totals.intended)) console.log(`        neither, ${kind} (${INTENDED[kind as Intended]}): ${count}`);
    const show = Number(process.env.FINDINGS_SHOW_MUTATIONS) || 0;
    for (const [kind, texts] of Object.entries(totals.examples)) for (const text of texts.slice(0, show)) console.log(`        ${kind}: ${text}`);
    for (const text of totals.unexpected.slice(0, show)) console.log(`        unexpected: ${text}`);
    assert.equal(totals.tried, totals['same span'] + totals.diagnosed + totals.neither);
    assert.deepEqual(totals.unexpected.slice(0, 20), [], `${totals.unexpected.length} mutations pass silently as something else`);
  });
});
