import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultCodebook, LineIndex, planTagging } from '../../../core';
import { parseReport } from '../../../core/document/parseReport';
import { applyInsertions } from '../../../core/language/tagEdit';
import { sourceRangeOfCleanSelection } from '../../../core/reader/cleanSelection';
import { cleanOffsetOfLine, lineOfCleanOffset } from '../../../core/reader/lineMap';
import { readerModel } from '../../../core/reader/readerModel';

const codebook = defaultCodebook();
const FRONT = '---\narea: Darlington\nframework: "2016"\noutcome: wsoa_required\npublished: 2017-05-04\nannotator: ana\nmemo: |\n  Check the second paragraph.\ntext_sha256: "00"\n---\n';

function model(text: string) {
  const document = parseReport(text);
  return { document, model: readerModel('x.report.md', document, codebook, new LineIndex(text)) };
}

describe('core/reader the reader model', () => {
  it('gives the clean text, the header (area as title, labels of enum values, the report memo) and each passage', () => {
    const text = `${FRONT}Leaders [said [things]{.quote speaker=x memo="why \\"this\\""} well]{.strength .wsoa theme="leadership outcomes" #s1}.\n`;
    const { document, model: m } = model(text);
    assert.equal(m.cleanText, document.cleanText);
    assert.equal(m.header.title, 'Darlington');
    assert.equal(m.header.memo, 'Check the second paragraph.\n');
    const fields = Object.fromEntries(m.header.fields.map((field) => [field.key, field.value]));
    assert.match(fields.framework, /2016/);
    assert.ok(!('text_sha256' in fields) && !('memo' in fields) && !('area' in fields));
    assert.equal(fields.annotator, 'ana');
    assert.match(fields.outcome, /Written Statement of Action/i);
    assert.equal(m.passages.length, 2);
    const [outer, inner] = m.passages;
    assert.deepEqual(outer.codes, ['strength', 'wsoa']);
    assert.deepEqual(outer.themes, ['leadership', 'outcomes']);
    assert.equal(outer.id, 's1');
    assert.equal(m.cleanText.slice(outer.start, outer.end), 'said things well');
    assert.equal(m.cleanText.slice(inner.start, inner.end), 'things');
    assert.equal(inner.memo, 'why "this"');
    assert.deepEqual(inner.attributes, [{ key: 'speaker', value: 'x' }]);
    assert.equal(inner.parent, 0);
    assert.equal(inner.depth, 1);
    const lines = new LineIndex(text);
    assert.equal(text.slice(lines.offset(outer.source.text.start), lines.offset(outer.source.text.end)), 'said [things]{.quote speaker=x memo="why \\"this\\""} well');
    assert.ok(text.slice(lines.offset(outer.source.close.start), lines.offset(outer.source.close.end)).startsWith(']{.strength'));
    const strength = m.codes.find((code) => code.name === 'strength');
    assert.equal(strength?.passages, 1);
    assert.equal(strength?.color, '#2e7d32');
  });

  it('lists a code the codebook lacks last, in grey, and maps lines to clean offsets both ways', () => {
    const text = `${FRONT}One [two]{.mystery}\nthree\n\nfour\n`;
    const { model: m } = model(text);
    const mystery = m.codes[m.codes.length - 1];
    assert.equal(mystery.name, 'mystery');
    assert.equal(mystery.passages, 1);
    const first = m.lines.firstLine;
    assert.equal(first, 10);
    assert.equal(cleanOffsetOfLine(m.lines, first), 0);
    assert.equal(m.cleanText.slice(cleanOffsetOfLine(m.lines, first + 1)), 'three\n\nfour\n');
    assert.equal(lineOfCleanOffset(m.lines, m.cleanText.indexOf('four')), first + 3);
    assert.equal(lineOfCleanOffset(m.lines, 0), first);
    assert.equal(cleanOffsetOfLine(m.lines, 0), 0);
  });

  it('builds the model of every sample with one passage per span', () => {
    const samples = path.join(__dirname, '..', '..', '..', '..', 'samples');
    for (const name of fs.readdirSync(samples).filter((file) => file.endsWith('.report.md'))) {
      const text = fs.readFileSync(path.join(samples, name), 'utf8');
      const { document, model: m } = model(text);
      assert.equal(m.passages.length, document.spans.length, name);
      for (const passage of m.passages) assert.ok(passage.start <= passage.end && passage.end <= m.cleanText.length, name);
    }
  });
});

describe('core/reader a clean-text selection as a source range', () => {
  const tag = (text: string, needle: string, occurrence = 0) => {
    const document = parseReport(text);
    let start = -1;
    for (let i = 0; i <= occurrence; i++) start = document.cleanText.indexOf(needle, start + 1);
    const range = sourceRangeOfCleanSelection(document, { start, end: start + needle.length });
    const plan = planTagging(document, codebook, [range], ['recommendation']);
    assert.ok(plan);
    assert.deepEqual(plan.refused, [], JSON.stringify(plan.refused));
    const after = applyInsertions(text, plan.insertions);
    assert.equal(parseReport(after).cleanText, document.cleanText);
    return after.slice(document.bodyStart);
  };

  it('takes in a span the selection covers exactly, and more than one at the same ends', () => {
    assert.equal(tag(`${FRONT}a [b]{.quote speaker=x} c\n`, 'b'), 'a [[b]{.quote speaker=x}]{.recommendation} c\n');
    assert.equal(tag(`${FRONT}a [[b]{.quote speaker=x} c]{.strength theme=leadership} d\n`, 'b c'), 'a [[[b]{.quote speaker=x} c]{.strength theme=leadership}]{.recommendation} d\n');
  });

  it('stays inside a span that covers the selection and starts or ends with it', () => {
    assert.equal(tag(`${FRONT}a [b c]{.strength theme=leadership} d\n`, 'b'), 'a [[b]{.recommendation} c]{.strength theme=leadership} d\n');
    assert.equal(tag(`${FRONT}a [b c]{.strength theme=leadership} d\n`, 'c'), 'a [b [c]{.recommendation}]{.strength theme=leadership} d\n');
  });

  it('leaves out a span that ends where the selection starts and one that starts where it ends', () => {
    assert.equal(tag(`${FRONT}[a]{.quote speaker=x}b[c]{.quote speaker=y}\n`, 'b'), '[a]{.quote speaker=x}[b]{.recommendation}[c]{.quote speaker=y}\n');
  });

  it('maps text with astral characters and CRLF line ends', () => {
    const text = `${FRONT.replace(/\n/g, '\r\n')}😀 [x]{.quote speaker=x}\r\nyé 😀\r\n`;
    assert.equal(tag(text, 'yé 😀'), '😀 [x]{.quote speaker=x}\r\n[yé 😀]{.recommendation}\r\n');
  });
});
