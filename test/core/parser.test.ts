import { strict as assert } from 'node:assert';
import { type OffsetRange, type ReportDocument, type Span } from '../../core';
import { parseReport } from '../../core/document/parseReport';
import { rangeOf, rangeText } from '../helpers/report';

/** The span whose tagged text (as written in the source) is exactly `text`. */
function spanWithText(document: ReportDocument, text: string): Span {
  const found = document.spans.filter((span) => rangeText(document.text, span.textRange) === text);
  assert.equal(found.length, 1, `expected one span tagging ${JSON.stringify(text)}`);
  return found[0];
}

function assertWithin(range: OffsetRange, outer: OffsetRange, what: string): void {
  assert.ok(range.start >= outer.start && range.end <= outer.end && range.start <= range.end, `${what} ${JSON.stringify(range)} is not within ${JSON.stringify(outer)}`);
}

describe('core/document parser', () => {
  describe('front matter', () => {
    const text = [
      '---',
      'area: Darlington',
      'framework: "2016"',
      'inspectorates: [Ofsted, CQC]',
      'partners:',
      '  - Darlington Borough Council',
      '  - Tees Valley CCG',
      'source:',
      '  publisher: The Northern Echo',
      '  url: https://example.org/a?b=c',
      'empty:',
      "quoted: 'it''s' # a comment",
      '---',
      'Body text.',
      '',
    ].join('\n');
    const document = parseReport(text);
    const frontMatter = document.frontMatter!;

    it('finds the block, its content and the body start', () => {
      assert.ok(frontMatter, 'front matter found');
      assert.equal(frontMatter.closed, true);
      assert.equal(frontMatter.isMapping, true);
      const closing = text.indexOf('\n---\n') + 1;
      assert.deepEqual(frontMatter.range, { start: 0, end: closing + 4 });
      assert.deepEqual(frontMatter.contentRange, { start: 4, end: closing });
      assert.equal(document.bodyStart, closing + 4);
      assert.equal(document.cleanText, 'Body text.\n');
      assert.deepEqual(document.problems, []);
      assert.equal(document.hasBom, false);
    });

    it('gives every top-level key its exact range, in source order', () => {
      assert.deepEqual(frontMatter.fields.map((field) => field.key), ['area', 'framework', 'inspectorates', 'partners', 'source', 'empty', 'quoted']);
      for (const field of frontMatter.fields) {
        assert.equal(rangeText(text, field.keyRange), field.key);
        const at = text.indexOf(`\n${field.key}:`) + 1;
        assert.deepEqual(field.keyRange, { start: at, end: at + field.key.length });
      }
      // One range checked with literal numbers: `area` is right after `---\n`.
      assert.deepEqual(frontMatter.fields[0].keyRange, { start: 4, end: 8 });
      assert.deepEqual(frontMatter.fields[0].valueRange, { start: 10, end: 20 });
    });

    it('gives scalar values their exact ranges, quotes included, and their plain values', () => {
      const byKey = new Map(frontMatter.fields.map((field) => [field.key, field]));
      assert.equal(rangeText(text, byKey.get('area')!.valueRange), 'Darlington');
      assert.equal(byKey.get('area')!.value, 'Darlington');
      assert.equal(rangeText(text, byKey.get('framework')!.valueRange), '"2016"');
      assert.equal(byKey.get('framework')!.value, '2016');
      assert.equal(rangeText(text, byKey.get('quoted')!.valueRange), "'it''s'");
      assert.equal(byKey.get('quoted')!.value, "it's");
    });

    it('gives a missing value an empty range just after the colon, and the value null', () => {
      const empty = frontMatter.fields.find((field) => field.key === 'empty')!;
      const colon = text.indexOf('empty:') + 'empty'.length;
      assert.deepEqual(empty.valueRange, { start: colon + 1, end: colon + 1 });
      assert.equal(empty.value, null);
    });

    it('gives flow and block list items their exact ranges', () => {
      const inspectorates = frontMatter.fields.find((field) => field.key === 'inspectorates')!;
      assert.equal(rangeText(text, inspectorates.valueRange), '[Ofsted, CQC]');
      assert.deepEqual(inspectorates.value, ['Ofsted', 'CQC']);
      assert.deepEqual(inspectorates.items!.map((item) => [item.value, item.range]), [
        ['Ofsted', rangeOf(text, 'Ofsted')],
        ['CQC', rangeOf(text, 'CQC')],
      ]);
      const partners = frontMatter.fields.find((field) => field.key === 'partners')!;
      assert.deepEqual(partners.value, ['Darlington Borough Council', 'Tees Valley CCG']);
      assert.deepEqual(partners.items!.map((item) => rangeText(text, item.range)), ['Darlington Borough Council', 'Tees Valley CCG']);
      assert.deepEqual(partners.items![1].range, rangeOf(text, 'Tees Valley CCG'));
      assert.equal(partners.children, undefined);
    });

    it('ends a block list or mapping value at its last character, not at the next line', () => {
      const partners = frontMatter.fields.find((field) => field.key === 'partners')!;
      assert.equal(rangeText(text, partners.valueRange), '- Darlington Borough Council\n  - Tees Valley CCG');
      const source = frontMatter.fields.find((field) => field.key === 'source')!;
      assert.equal(rangeText(text, source.valueRange), 'publisher: The Northern Echo\n  url: https://example.org/a?b=c');
    });

    it('gives nested mapping keys and values their exact ranges', () => {
      const source = frontMatter.fields.find((field) => field.key === 'source')!;
      assert.deepEqual(source.value, { publisher: 'The Northern Echo', url: 'https://example.org/a?b=c' });
      assert.equal(source.items, undefined);
      assert.deepEqual(source.children!.map((child) => child.key), ['publisher', 'url']);
      assert.deepEqual(source.children![0].keyRange, rangeOf(text, 'publisher'));
      assert.deepEqual(source.children![0].valueRange, rangeOf(text, 'The Northern Echo'));
      assert.deepEqual(source.children![1].keyRange, rangeOf(text, 'url'));
      assert.deepEqual(source.children![1].valueRange, rangeOf(text, 'https://example.org/a?b=c'));
    });

    it('accepts `...` as the closing delimiter and trailing blanks after the delimiters', () => {
      const doc = parseReport('--- \t\narea: X\n... \nBody');
      assert.equal(doc.frontMatter!.closed, true);
      assert.equal(rangeText(doc.text, doc.frontMatter!.contentRange), 'area: X\n');
      assert.equal(doc.cleanText, 'Body');
      assert.deepEqual(doc.problems, []);
    });

    it('reads a closing delimiter on the last line without a line break, leaving an empty body', () => {
      const doc = parseReport('---\narea: X\n---');
      assert.equal(doc.frontMatter!.closed, true);
      assert.equal(doc.bodyStart, doc.text.length);
      assert.equal(doc.cleanText, '');
      assert.deepEqual(doc.spans, []);
      assert.deepEqual(doc.problems, []);
    });

    it('resolves YAML aliases to the anchored value', () => {
      const doc = parseReport('---\npartners: &p [A, B]\nother: *p\nname: &n X\nsame: *n\n---\n');
      assert.deepEqual(doc.frontMatter!.fields.map((f) => [f.key, f.value]), [['partners', ['A', 'B']], ['other', ['A', 'B']], ['name', 'X'], ['same', 'X']]);
      assert.deepEqual(doc.problems, []);
    });

    it('treats an empty front matter as an empty mapping', () => {
      const doc = parseReport('---\n---\nText');
      assert.equal(doc.frontMatter!.isMapping, true);
      assert.deepEqual(doc.frontMatter!.fields, []);
      assert.deepEqual(doc.frontMatter!.contentRange, { start: 4, end: 4 });
      assert.equal(doc.cleanText, 'Text');
    });
  });

  describe('spans', () => {
    const text = '---\na: b\n---\nThe [area [has]{.strength #s1} weak]{.weakness #w1 severity=significant theme="health education" note=\'a \\\'b\\\' c\' q="x \\"y\\" \\\\ z"} [sic] ends.\n';
    const document = parseReport(text);

    it('finds both spans, ordered by their opening bracket', () => {
      assert.equal(document.spans.length, 2);
      assert.deepEqual(document.spans.map((span) => span.index), [0, 1]);
      assert.equal(rangeText(text, document.spans[0].textRange), 'area [has]{.strength #s1} weak');
      assert.equal(rangeText(text, document.spans[1].textRange), 'has');
      assert.deepEqual(document.problems, []);
    });

    it('gives the outer span exact range, text range and attribute range', () => {
      const outer = document.spans[0];
      const open = text.indexOf('[area');
      const close = text.indexOf(']{.weakness');
      const end = text.indexOf('} [sic]') + 1;
      assert.deepEqual(outer.range, { start: open, end });
      assert.deepEqual(outer.textRange, { start: open + 1, end: close });
      assert.deepEqual(outer.attributeRange, { start: close + 1, end });
      assert.equal(text[outer.range.start], '[');
      assert.equal(text[outer.range.end - 1], '}');
      assert.equal(text[outer.attributeRange.start], '{');
    });

    it('gives codes and ids their name ranges and token ranges', () => {
      const outer = document.spans[0];
      assert.deepEqual(outer.codes.map((code) => code.name), ['weakness']);
      assert.deepEqual(outer.codes[0].range, rangeOf(text, 'weakness'));
      assert.deepEqual(outer.codes[0].tokenRange, rangeOf(text, '.weakness'));
      assert.deepEqual(outer.ids.map((id) => id.value), ['w1']);
      assert.deepEqual(outer.ids[0].range, rangeOf(text, 'w1'));
      assert.deepEqual(outer.ids[0].tokenRange, rangeOf(text, '#w1'));
      const inner = document.spans[1];
      assert.deepEqual(inner.codes[0].range, rangeOf(text, 'strength'));
      assert.deepEqual(inner.ids[0].tokenRange, rangeOf(text, '#s1'));
    });

    it('gives unquoted attributes their key, value and token ranges', () => {
      const severity = document.spans[0].attributes[0];
      assert.equal(severity.key, 'severity');
      assert.equal(severity.value, 'significant');
      assert.equal(severity.quoted, false);
      assert.deepEqual(severity.keyRange, rangeOf(text, 'severity'));
      assert.deepEqual(severity.valueRange, rangeOf(text, 'significant'));
      assert.deepEqual(severity.tokenRange, rangeOf(text, 'severity=significant'));
    });

    it('gives quoted attributes the range inside the quotes, and resolves escapes in the value', () => {
      const [, theme, note, q] = document.spans[0].attributes;
      assert.equal(theme.key, 'theme');
      assert.equal(theme.value, 'health education');
      assert.equal(theme.quoted, true);
      assert.deepEqual(theme.valueRange, rangeOf(text, 'health education'));
      assert.deepEqual(theme.tokenRange, rangeOf(text, 'theme="health education"'));

      assert.equal(note.key, 'note');
      assert.equal(note.value, "a 'b' c");
      assert.equal(rangeText(text, note.valueRange), "a \\'b\\' c");
      assert.equal(rangeText(text, note.tokenRange), "note='a \\'b\\' c'");

      assert.equal(q.key, 'q');
      assert.equal(q.value, 'x "y" \\ z');
      assert.equal(rangeText(text, q.valueRange), 'x \\"y\\" \\\\ z');
      assert.deepEqual(q.keyRange, { start: q.tokenRange.start, end: q.tokenRange.start + 1 });
      assert.equal(text[q.tokenRange.end - 1], '"');
    });

    it('links a nested span to its parent, with depth', () => {
      const [outer, inner] = document.spans;
      assert.equal(outer.parent, undefined);
      assert.equal(outer.depth, 0);
      assert.equal(inner.parent, 0);
      assert.equal(inner.depth, 1);
      assertWithin(inner.range, outer.textRange, 'inner span');
    });

    it('keeps `[sic]` (a bracket without `{`) as plain text', () => {
      assert.equal(document.cleanText, 'The area has weak [sic] ends.\n');
    });

    it('maps each span to its tagged text in the clean text', () => {
      const [outer, inner] = document.spans;
      assert.equal(document.cleanText.slice(outer.clean.start, outer.clean.end), 'area has weak');
      assert.equal(document.cleanText.slice(inner.clean.start, inner.clean.end), 'has');
      assert.deepEqual(outer.clean, { start: 4, end: 17 });
      assert.deepEqual(inner.clean, { start: 9, end: 12 });
    });

    it('reads several codes on one span, and several ids', () => {
      const doc = parseReport('---\n---\n[x]{.weakness .quote #a #b speaker=inspectors}');
      const span = doc.spans[0];
      assert.deepEqual(span.codes.map((code) => code.name), ['weakness', 'quote']);
      assert.deepEqual(span.codes.map((code) => rangeText(doc.text, code.tokenRange)), ['.weakness', '.quote']);
      assert.deepEqual(span.ids.map((id) => id.value), ['a', 'b']);
      assert.deepEqual(span.attributes.map((a) => [a.key, a.value]), [['speaker', 'inspectors']]);
    });

    it('tolerates extra blanks and tabs inside the attribute block', () => {
      const doc = parseReport('---\n---\n[x]{ \t.a   k=v\t}');
      const span = doc.spans[0];
      assert.deepEqual(span.codes.map((code) => code.name), ['a']);
      assert.deepEqual(span.attributes.map((a) => [a.key, a.value]), [['k', 'v']]);
      assert.equal(rangeText(doc.text, span.attributeRange), '{ \t.a   k=v\t}');
      assert.deepEqual(doc.problems, []);
    });

    it('reads a key with an empty value', () => {
      const doc = parseReport('---\n---\n[x]{.a k=}');
      const attribute = doc.spans[0].attributes[0];
      assert.equal(attribute.key, 'k');
      assert.equal(attribute.value, '');
      assert.deepEqual(attribute.valueRange, { start: doc.text.indexOf('k=') + 2, end: doc.text.indexOf('k=') + 2 });
    });

    it('nests three deep and keeps siblings apart', () => {
      const doc = parseReport('---\n---\n[a [b [c]{.z} d]{.y} e]{.x} [f]{.w} [g [h]{.v}]{.u}');
      assert.deepEqual(doc.spans.map((span) => rangeText(doc.text, span.codes[0].range)), ['x', 'y', 'z', 'w', 'u', 'v']);
      assert.deepEqual(doc.spans.map((span) => span.parent), [undefined, 0, 1, undefined, undefined, 4]);
      assert.deepEqual(doc.spans.map((span) => span.depth), [0, 1, 2, 0, 0, 1]);
      assert.equal(doc.cleanText, 'a b c d e f g h');
      assert.deepEqual(doc.spans.map((span) => doc.cleanText.slice(span.clean.start, span.clean.end)), ['a b c d e', 'b c d', 'c', 'f', 'g h', 'h']);
    });

    it('reads spans whose text crosses lines (the attribute block is on the closing line)', () => {
      const text2 = '---\n---\nOne [two\nthree\n\nfour]{.weakness theme=health} five';
      const doc = parseReport(text2);
      assert.equal(doc.spans.length, 1);
      assert.equal(rangeText(text2, doc.spans[0].textRange), 'two\nthree\n\nfour');
      assert.equal(doc.cleanText, 'One two\nthree\n\nfour five');
      assert.equal(doc.cleanText.slice(doc.spans[0].clean.start, doc.spans[0].clean.end), 'two\nthree\n\nfour');
    });

    it('reads a span with an empty text and spans that touch', () => {
      const doc = parseReport('---\n---\n[]{.a}[b]{.b}[c]{.c}');
      assert.equal(doc.cleanText, 'bc');
      assert.deepEqual(doc.spans.map((span) => span.clean), [{ start: 0, end: 0 }, { start: 0, end: 1 }, { start: 1, end: 2 }]);
      assert.deepEqual(doc.spans.map((span) => span.parent), [undefined, undefined, undefined]);
    });

    it('leaves brackets inside a span that are not markup as text', () => {
      const doc = parseReport('---\n---\n[the [sic] word]{.quote speaker=x} and [a] b');
      assert.equal(doc.spans.length, 1);
      assert.equal(doc.cleanText, 'the [sic] word and [a] b');
      assert.equal(doc.cleanText.slice(doc.spans[0].clean.start, doc.spans[0].clean.end), 'the [sic] word');
    });

    it('does not read markup in the front matter', () => {
      const doc = parseReport('---\ntitle: "[x]{.weakness}"\n---\nBody');
      assert.deepEqual(doc.spans, []);
      assert.equal(doc.frontMatter!.fields[0].value, '[x]{.weakness}');
    });
  });

  describe('byte order mark, line endings, empty and missing parts', () => {
    it('keeps a BOM out of the front matter range start and out of the clean text', () => {
      const text = '\uFEFF---\narea: X\n---\n[a]{.b} c';
      const doc = parseReport(text);
      assert.equal(doc.hasBom, true);
      assert.deepEqual(doc.frontMatter!.range, { start: 1, end: 17 });
      assert.deepEqual(doc.frontMatter!.fields[0].keyRange, { start: 5, end: 9 });
      assert.equal(doc.cleanText, 'a c');
      assert.ok(!doc.cleanText.includes('\uFEFF'));
      assert.deepEqual(doc.spans[0].range, rangeOf(text, '[a]{.b}'));
      assert.deepEqual(doc.problems, []);
    });

    it('keeps a BOM out of the clean text when there is no front matter', () => {
      const doc = parseReport('\uFEFFPlain [a]{.b}');
      assert.equal(doc.hasBom, true);
      assert.equal(doc.frontMatter, undefined);
      assert.equal(doc.bodyStart, 1);
      assert.equal(doc.cleanText, 'Plain a');
      assert.deepEqual(doc.problems.map((p) => [p.code, rangeText(doc.text, p.range)]), [['frontmatter-missing', 'Plain [a]{.b}']]);
    });

    it('reads CRLF front matter and keeps CRLF in the clean text', () => {
      const text = '---\r\narea: Darlington\r\nlist:\r\n  - one\r\n---\r\nLine [one]{.x}\r\nLine two\r\n';
      const doc = parseReport(text);
      assert.equal(doc.frontMatter!.closed, true);
      assert.deepEqual(doc.problems, []);
      assert.equal(rangeText(text, doc.frontMatter!.fields[0].valueRange), 'Darlington');
      assert.equal(rangeText(text, doc.frontMatter!.fields[1].items![0].range), 'one');
      assert.equal(doc.bodyStart, text.indexOf('Line'));
      assert.equal(doc.cleanText, 'Line one\r\nLine two\r\n');
      assert.equal(doc.frontMatter!.fields[0].value, 'Darlington');
    });

    it('reads a span crossing a CRLF line break', () => {
      const text = '---\r\n---\r\n[a\r\nb]{.x}\r\n';
      const doc = parseReport(text);
      assert.equal(doc.cleanText, 'a\r\nb\r\n');
      assert.equal(doc.cleanText.slice(doc.spans[0].clean.start, doc.spans[0].clean.end), 'a\r\nb');
    });

    it('parses an empty document', () => {
      const doc = parseReport('');
      assert.equal(doc.cleanText, '');
      assert.equal(doc.frontMatter, undefined);
      assert.deepEqual(doc.spans, []);
      assert.deepEqual(doc.problems.map((p) => [p.code, p.range]), [['frontmatter-missing', { start: 0, end: 0 }]]);
    });

    it('parses a document without front matter as all body, reporting the first line', () => {
      const text = 'First line [x]{.y}\r\nsecond';
      const doc = parseReport(text);
      assert.equal(doc.frontMatter, undefined);
      assert.equal(doc.bodyStart, 0);
      assert.equal(doc.cleanText, 'First line x\r\nsecond');
      assert.equal(doc.spans.length, 1);
      assert.deepEqual(doc.problems.map((p) => [p.code, rangeText(text, p.range)]), [['frontmatter-missing', 'First line [x]{.y}']]);
    });

    it('does not take `---` later in the text, or without a line break, as front matter', () => {
      assert.equal(parseReport('\n---\na: b\n---\n').frontMatter, undefined);
      assert.equal(parseReport('---').frontMatter, undefined);
      assert.equal(parseReport('----\na: b\n---\n').frontMatter, undefined);
    });
  });

  describe('clean text offset maps', () => {
    const text = '---\nk: v\n---\nab [cd [ef]{.x} gh]{.y #i} ij';
    const doc = parseReport(text);

    it('maps every clean offset to the source character it came from', () => {
      assert.equal(doc.cleanText, 'ab cd ef gh ij');
      for (let offset = 0; offset < doc.cleanText.length; offset++) {
        const source = doc.cleanToSource(offset);
        assert.equal(text[source], doc.cleanText[offset], `clean ${offset} -> source ${source}`);
        assert.equal(doc.sourceToClean(source), offset, `round trip of ${offset}`);
      }
      assert.equal(doc.cleanToSource(doc.cleanText.length), text.length);
    });

    it('maps a span start into the span (after the `[`), and clamps out-of-range offsets', () => {
      const inner = doc.spans[1];
      assert.equal(doc.cleanToSource(inner.clean.start), inner.textRange.start);
      assert.equal(doc.cleanToSource(-5), doc.bodyStart);
      assert.equal(doc.cleanToSource(1000), text.length);
    });

    it('maps front-matter offsets to 0 and markup offsets to the nearest text position', () => {
      assert.equal(doc.sourceToClean(0), 0);
      assert.equal(doc.sourceToClean(5), 0);
      assert.equal(doc.sourceToClean(doc.bodyStart), 0);
      const outer = doc.spans[0];
      // Every offset inside `]{.y #i}` maps to the end of `gh`.
      for (let offset = outer.textRange.end; offset < outer.range.end; offset++) assert.equal(doc.sourceToClean(offset), outer.clean.end, `offset ${offset}`);
      // The `[` maps to where the tagged text starts.
      assert.equal(doc.sourceToClean(outer.range.start), outer.clean.start);
      assert.equal(doc.sourceToClean(text.length), doc.cleanText.length);
    });

    it('maps across a BOM and CRLF without drift', () => {
      const crlf = '\uFEFF---\r\na: b\r\n---\r\nx\r\n[y]{.z}\r\nw';
      const d = parseReport(crlf);
      assert.equal(d.cleanText, 'x\r\ny\r\nw');
      for (let offset = 0; offset < d.cleanText.length; offset++) assert.equal(crlf[d.cleanToSource(offset)], d.cleanText[offset]);
    });
  });
});
