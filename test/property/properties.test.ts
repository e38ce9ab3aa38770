import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { defaultCodebook, type FieldNode, type OffsetRange, type ReportDocument } from '../../core';
import { parseReport } from '../../core/document/parseReport';
import { documentRecord } from '../../core/export/findingRecords';
import { validateReport } from '../../core/validate/validateReport';
import { applyFix } from '../helpers/report';

// FINDINGS_FC_RUNS raises the number of runs for a longer local search.
const RUNS = Number(process.env.FINDINGS_FC_RUNS) || 400;

/** Strings of any UTF-16 code units, lone surrogates included. */
const codeUnitString = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)), maxLength: 80 });

/** Strings built mostly from the characters that make markup and front matter. */
const markupString = fc.string({
  unit: fc.constantFrom('[', ']', '{', '}', '.', '#', '=', '"', "'", '\\', ' ', '\t', '\n', '\r', '-', ':', 'a', 'b', 'x', '\u{1F600}', '\uFEFF'),
  maxLength: 120,
});

/** Whole chunks of plausible report syntax, glued together at random. */
const chunkString = fc.array(fc.constantFrom(
  '---\n', '---\r\n', '...\n', '\n', '\r\n', 'area: Darlington\n', 'framework: "2016"\n', 'status: [a, b\n', 'source:\n  publisher: x\n', '  - item\n',
  '[', ']', ']{', '{.weakness', ' theme=health', ' theme="health education', '"', '}', '#id', ' .quote', ' speaker=\'a b\'', ' =x', ' k=',
  '[sic]', 'plain text ', '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}', 'e\u0301', '日本', '\uFEFF', '\\', '\t',
), { maxLength: 40 }).map((chunks) => chunks.join(''));

const anyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  codeUnitString,
  markupString,
  chunkString,
  chunkString.map((s) => `---\n${s}`),
);

function inBounds(range: OffsetRange, length: number, what: string): void {
  assert.ok(Number.isInteger(range.start) && Number.isInteger(range.end), `${what}: integer offsets ${JSON.stringify(range)}`);
  assert.ok(range.start >= 0 && range.start <= range.end && range.end <= length, `${what}: ${JSON.stringify(range)} not ordered within 0..${length}`);
}

function within(inner: OffsetRange, outer: OffsetRange, what: string): void {
  assert.ok(inner.start >= outer.start && inner.end <= outer.end, `${what}: ${JSON.stringify(inner)} not within ${JSON.stringify(outer)}`);
}

function checkFields(fields: readonly FieldNode[], length: number, content: OffsetRange): void {
  for (const field of fields) {
    inBounds(field.keyRange, length, `key ${field.key}`);
    inBounds(field.valueRange, length, `value of ${field.key}`);
    within(field.keyRange, content, `key ${field.key}`);
    for (const item of field.items ?? []) inBounds(item.range, length, `item of ${field.key}`);
    checkFields(field.children ?? [], length, content);
  }
}

/** Every range the parser gives is ordered and inside the text, and the structure is consistent. */
function checkDocument(document: ReportDocument): void {
  const { text } = document;
  const length = text.length;
  assert.ok(document.bodyStart >= 0 && document.bodyStart <= length);
  assert.equal(document.hasBom, text.charCodeAt(0) === 0xfeff);
  for (const problem of document.problems) inBounds(problem.range, length, `problem ${problem.code}`);
  const starts = document.problems.map((p) => p.range.start);
  assert.deepEqual(starts, [...starts].sort((a, b) => a - b), 'problems sorted');
  if (document.frontMatter) {
    const fm = document.frontMatter;
    inBounds(fm.range, length, 'front matter');
    inBounds(fm.contentRange, length, 'front matter content');
    within(fm.contentRange, fm.range, 'content');
    assert.equal(fm.range.end, document.bodyStart);
    checkFields(fm.fields, length, fm.contentRange);
  }
  assert.ok(document.cleanText.length <= length - document.bodyStart);
  document.spans.forEach((span, index) => {
    assert.equal(span.index, index);
    inBounds(span.range, length, 'span');
    assert.ok(span.range.start >= document.bodyStart, 'span in the body');
    assert.equal(text[span.range.start], '[');
    assert.equal(span.textRange.start, span.range.start + 1);
    assert.ok(span.textRange.start <= span.textRange.end);
    assert.equal(text.slice(span.textRange.end, span.textRange.end + 2), ']{');
    assert.equal(span.attributeRange.start, span.textRange.end + 1);
    assert.equal(span.attributeRange.end, span.range.end);
    assert.equal(text[span.range.end - 1], '}');
    for (const code of span.codes) {
      within(code.range, span.attributeRange, 'code');
      within(code.range, code.tokenRange, 'code name');
      assert.equal(text.slice(code.range.start, code.range.end), code.name);
    }
    for (const id of span.ids) {
      within(id.tokenRange, span.attributeRange, 'id');
      assert.equal(text.slice(id.range.start, id.range.end), id.value);
    }
    for (const attribute of span.attributes) {
      within(attribute.tokenRange, span.attributeRange, 'attribute');
      within(attribute.keyRange, attribute.tokenRange, 'attribute key');
      within(attribute.valueRange, attribute.tokenRange, 'attribute value');
      assert.equal(text.slice(attribute.keyRange.start, attribute.keyRange.end), attribute.key);
      if (!attribute.quoted) assert.equal(text.slice(attribute.valueRange.start, attribute.valueRange.end), attribute.value);
    }
    inBounds(span.clean, document.cleanText.length, 'clean range');
    if (index > 0) assert.ok(span.range.start > document.spans[index - 1].range.start, 'ordered by opening bracket');
    if (span.parent === undefined) {
      assert.equal(span.depth, 0);
    } else {
      const parent = document.spans[span.parent];
      assert.ok(span.parent < index);
      within(span.range, parent.textRange, 'nested span');
      within(span.clean, parent.clean, 'nested clean range');
      assert.equal(span.depth, parent.depth + 1);
    }
  });
  for (let offset = 0; offset <= document.cleanText.length; offset++) {
    const source = document.cleanToSource(offset);
    assert.ok(source >= document.bodyStart && source <= length, `cleanToSource(${offset}) = ${source}`);
    assert.equal(document.sourceToClean(source), offset, `round trip of clean offset ${offset}`);
    if (offset < document.cleanText.length) assert.equal(text[source], document.cleanText[offset]);
  }
}

describe('properties (fast-check)', function () {
  this.timeout(120_000);

  it('parses any string without throwing, with every range ordered and in bounds', () => {
    fc.assert(fc.property(anyString, (text) => {
      checkDocument(parseReport(text));
    }), { numRuns: RUNS });
  });

  it('validates any string without throwing, with diagnostics and fixes in bounds', () => {
    const codebook = defaultCodebook();
    fc.assert(fc.property(anyString, (text) => {
      const document = parseReport(text);
      const diagnostics = validateReport(document, codebook);
      for (const diagnostic of diagnostics) {
        inBounds(diagnostic.range, text.length, diagnostic.rule);
        for (const fix of diagnostic.fixes) {
          for (const edit of fix.edits) inBounds(edit.range, text.length, `fix ${fix.title}`);
          checkDocument(parseReport(applyFix(text, fix)));
        }
      }
      const record = documentRecord('x', document, defaultCodebook());
      assert.equal(record.findings.length, document.spans.length);
    }), { numRuns: RUNS });
  });

  describe('stripping markup inserted into plain text', () => {
    /** Plain text without `[` and `]` (so without `]{`), as code points; `{`, `}`, CRLF and emoji are fair game. */
    const plainPoints = fc.array(fc.oneof(
      fc.constantFrom('a', 'b', ' ', '\n', '\r\n', '\r', '{', '}', '.', '#', '=', '"', '\\', '\t', 'e\u0301', '\u00E9', '日', '\u{1F600}', '\u{1F1EC}\u{1F1E7}', '---\n'),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }).filter((c) => c !== '[' && c !== ']'),
    ), { maxLength: 60 });
    /** At each boundary: how many spans close, then how many open. */
    const boundaryOps = fc.array(fc.tuple(fc.nat(2), fc.nat(2)), { maxLength: 61 });

    interface Expected {
      readonly id: string;
      readonly start: number;
      readonly end: number;
      readonly parent: string | undefined;
    }

    function annotate(pieces: readonly string[], ops: ReadonlyArray<readonly [number, number]>, withAttributes: boolean): { source: string; expected: Expected[] } {
      let source = '';
      const stack: Array<{ id: string; start: number }> = [];
      const expected: Expected[] = [];
      let next = 0;
      const close = (at: number) => {
        const open = stack.pop()!;
        expected.push({ id: open.id, start: open.start, end: at, parent: stack[stack.length - 1]?.id });
        const extra = withAttributes ? ` k="v ${open.id} \\"q\\""` : '';
        source += `]{.c${open.id} #${open.id}${extra}}`;
      };
      for (let p = 0; p <= pieces.length; p++) {
        const [closes, opens] = ops[p] ?? [0, 0];
        for (let k = 0; k < closes && stack.length > 0; k++) close(p);
        for (let k = 0; k < opens; k++) {
          stack.push({ id: `s${next++}`, start: p });
          source += '[';
        }
        if (p < pieces.length) source += pieces[p];
      }
      while (stack.length > 0) close(pieces.length);
      return { source, expected };
    }

    it('gives back the text exactly, and each span\'s offsets slice it to the tagged text', () => {
      fc.assert(fc.property(plainPoints, boundaryOps, fc.boolean(), fc.boolean(), (pieces, ops, withAttributes, bom) => {
        const plain = pieces.join('');
        const { source, expected } = annotate(pieces, ops, withAttributes);
        const text = `${bom ? '\uFEFF' : ''}---\n---\n${source}`;
        const document = parseReport(text);
        assert.deepEqual(document.problems, []);
        assert.equal(document.cleanText, plain);
        assert.equal(document.spans.length, expected.length);
        const record = documentRecord('x', document, defaultCodebook());
        const cleanPoints = Array.from(plain);
        const pieceStarts = [0];
        for (const piece of pieces) pieceStarts.push(pieceStarts[pieceStarts.length - 1] + piece.length);
        for (const finding of record.findings) {
          const want = expected.find((e) => e.id === finding.id)!;
          assert.ok(want, `span ${finding.id} expected`);
          const tagged = pieces.slice(want.start, want.end).join('');
          assert.equal(finding.exact, tagged);
          assert.equal(plain.slice(finding.start_utf16, finding.end_utf16), tagged);
          assert.equal(finding.start_utf16, pieceStarts[want.start]);
          assert.equal(finding.end_utf16, pieceStarts[want.end]);
          assert.equal(cleanPoints.slice(finding.start, finding.end).join(''), tagged);
          assert.deepEqual(finding.codes, [`c${want.id}`]);
          if (withAttributes) assert.equal(finding.attributes.k, `v ${want.id} "q"`);
          const parent = finding.parent === null ? undefined : document.spans[finding.parent].ids[0].value;
          assert.equal(parent, want.parent);
        }
      }), { numRuns: RUNS });
    });

    it('keeps `[sic]`-style brackets as text when spans do not split them', () => {
      const tokens = fc.array(fc.constantFrom('word ', '[sic] ', '[a] ', '[] ', '{x} ', '\n', '\u{1F600}'), { maxLength: 30 });
      fc.assert(fc.property(tokens, boundaryOps, (pieces, ops) => {
        const { source, expected } = annotate(pieces, ops, false);
        const document = parseReport(`---\n---\n${source}`);
        assert.equal(document.cleanText, pieces.join(''));
        assert.equal(document.spans.length, expected.length);
        for (const span of document.spans) {
          const want = expected.find((e) => e.id === span.ids[0].value)!;
          assert.equal(document.cleanText.slice(span.clean.start, span.clean.end), pieces.slice(want.start, want.end).join(''));
        }
      }), { numRuns: RUNS });
    });
  });

  it('is stable: parsing a clean text without `]{` again finds no spans and the same text', () => {
    fc.assert(fc.property(anyString, (text) => {
      const clean = parseReport(text).cleanText;
      fc.pre(!clean.includes(']{'));
      const again = parseReport(`---\n---\n${clean}`);
      assert.deepEqual(again.spans, []);
      assert.equal(again.cleanText, clean);
      assert.deepEqual(again.problems, []);
    }), { numRuns: RUNS });
  });
});
