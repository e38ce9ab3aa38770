import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { defaultCodebook } from '../../core/codebook/defaultCodebook';
import { parseReport } from '../../core/document/parseReport';
import { documentRecord } from '../../core/export/findingRecords';
import { foldingRegions } from '../../core/language/folding';
import { lineStartOf, nextLineBreak } from '../../core/text/lineBreaks';
import { LineIndex } from '../../core/text/lineIndex';
import { validateReport } from '../../core/validate/validateReport';
import { buildReport } from '../helpers/report';

/** Lines as LSP and VS Code count them: split at CR LF, LF or a lone CR. */
function lspLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

describe('core/text line index', () => {
  it('ends lines at LF, CR LF and a lone CR', () => {
    const text = 'a\nbb\r\nccc\rdddd';
    const lines = new LineIndex(text);
    assert.equal(lines.lineCount, 4);
    assert.deepEqual(lines.position(text.indexOf('dddd')), { line: 3, character: 0 });
    assert.deepEqual(lines.position(text.indexOf('ccc') + 3), { line: 2, character: 3 });
    assert.equal(lines.lineEnd(1), text.indexOf('\r\n'));
    assert.equal(lines.lineEnd(2), text.lastIndexOf('\r'));
    assert.equal(lines.offset({ line: 2, character: 99 }), text.lastIndexOf('\r'));
    assert.equal(lineStartOf(text, text.length), text.indexOf('dddd'));
    assert.equal(nextLineBreak(text, 0), 1);
    assert.equal(nextLineBreak(text, 6), text.lastIndexOf('\r'));
  });

  it('agrees with the LSP line model, and positions and offsets round-trip', () => {
    const pieces = fc.constantFrom('a', 'é', '😀', ' ', '\n', '\r', '\r\n', '[', ']');
    fc.assert(fc.property(fc.array(pieces, { maxLength: 60 }), (parts) => {
      const text = parts.join('');
      const lines = new LineIndex(text);
      const expected = lspLines(text);
      assert.equal(lines.lineCount, expected.length);
      let offset = 0;
      expected.forEach((line, number) => {
        assert.equal(lines.lineStart(number), offset);
        assert.equal(lines.lineEnd(number), offset + line.length);
        for (let character = 0; character <= line.length; character++) {
          assert.deepEqual(lines.position(offset + character), { line: number, character });
          assert.equal(lines.offset({ line: number, character }), offset + character);
        }
        offset += line.length + (text.startsWith('\r\n', offset + line.length) ? 2 : 1);
      });
    }), { numRuns: 300 });
  });

  it('puts diagnostics, fixes and exported lines after a lone CR on the lines the editor shows', () => {
    const text = buildReport('First line\rsecond [x]{.strenght theme=health} line\r\n[y]{.weakness #w theme=health}\r[z]{.weakness #w theme=health}\n');
    const document = parseReport(text);
    const diagnostics = validateReport(document, defaultCodebook());
    const lines = new LineIndex(text);
    const shown = lspLines(text);
    const unknown = diagnostics.find((d) => d.rule === 'code-unknown')!;
    const at = lines.position(unknown.range.start);
    assert.equal(shown[at.line].slice(at.character, at.character + 'strenght'.length), 'strenght');
    const fix = lines.range(unknown.fixes[0].edits[0].range);
    assert.equal(shown[fix.start.line].slice(fix.start.character, fix.end.character), 'strenght');
    const duplicate = diagnostics.find((d) => d.rule === 'id-duplicate')!;
    const earlier = shown.findIndex((line) => line.startsWith('[y]'));
    assert.match(duplicate.message, new RegExp(`line ${earlier + 1}\\.$`));
    const record = documentRecord('x', document, defaultCodebook());
    const z = record.findings.find((f) => f.exact === 'z')!;
    assert.equal(shown[z.source_start.line - 1].slice(z.source_start.column - 1, z.source_start.column), 'z');
  });

  it('finds paragraphs separated by blank lines that end in a lone CR', () => {
    const text = buildReport('[a]{.strength theme=health}\r[b]{.strength theme=health}\r\r[c]{.strength theme=health}\r[d]{.strength theme=health}\r');
    const spans = foldingRegions(parseReport(text)).filter((region) => region.kind === 'spans');
    // Two paragraphs with spans make one region, from the first line of one to the last of the other.
    assert.deepEqual(spans.map((region) => text.slice(region.range.start, region.range.end)), [
      '[a]{.strength theme=health}\r[b]{.strength theme=health}\r\r[c]{.strength theme=health}\r[d]{.strength theme=health}',
    ]);
  });
});
