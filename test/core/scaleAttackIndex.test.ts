// The index letting parses go, attacked with texts that are hard to hold
// (byte order marks, every line ending, NUL, emoji, lone surrogates) and with
// the order in which an editor opens reports a corpus feature has just read:
// a parse made again equals the first, the text comes back unit for unit, and
// a report the index is told to keep holds its parse and its text whatever
// else is read after it.
import { strict as assert } from 'node:assert';
import { defaultCodebook, ReportIndex, type IndexedReport } from '../../core';
import { parseReport } from '../../core/document/parseReport';
import type { ReportDocument } from '../../core/document/types';
import { buildReport } from '../helpers/report';

const HEAD = buildReport('');

/** Texts that UTF-8, the parser or the line index might not give back as they were. */
const HOSTILE: Readonly<Record<string, string>> = {
  'a byte order mark': `\uFEFF${HEAD}A [b]{.weakness theme=health}\n`,
  'two byte order marks': `\uFEFF\uFEFF${HEAD}A [b]{.weakness theme=health}\n`,
  'a byte order mark alone': '\uFEFF',
  'a byte order mark inside a span': `${HEAD}x\uFEFFy [\uFEFF]{.weakness}\n`,
  'CRLF': `${HEAD}A [b\nc]{.weakness theme=health}\n`.replace(/\n/g, '\r\n'),
  'lone CRs': `${HEAD.replace(/\n/g, '\r')}a\rb [c]{.weakness}\r`,
  'NUL': `${HEAD}a\u0000b [c\u0000]{.weakness memo="\u0000"}\u0000`,
  'emoji and joiners': `${HEAD}😀 [😀👨‍👩‍👧]{.weakness theme=health memo="🙂"}`,
  'lone surrogates': `${HEAD}a\uD83D b [\uDE00]{.weakness memo="\uD800"}\uDBFF`,
  'a high surrogate last': `${HEAD}x\uD83D`,
  'replacement characters and noncharacters': `${HEAD}\uFFFD\uFFFF\uFFFE [\uFFFD]{.weakness}`,
  'NEL and the Unicode line separators': `${HEAD}\u0085\u2028\u2029 [x\u0085]{.weakness}`,
  'nothing': '',
  'no front matter': 'plain [x]{.weakness}',
};

/** A parse as plain data (the clean text's tables aside). */
function plain(document: ReportDocument): unknown {
  const { text, hasBom, frontMatter, bodyStart, spans, problems, cleanText } = document;
  return { text, hasBom, frontMatter, bodyStart, spans, problems, cleanText, mapped: [0, 1, 5, cleanText.length].map((offset) => document.cleanToSource(offset)) };
}

const filler = (i: number) => buildReport(`Filler ${i}: [waits]{.weakness theme=health}.\n`);

/** Reads the parses of `count` other reports, as a corpus-wide feature (agreement, symbols) does. */
function readOthers(index: ReportIndex, count: number): void {
  for (let i = 0; i < count; i++) {
    const path = `other/${i}.report.md`;
    (index.get(path) ?? index.update(path, filler(i))).document;
  }
}

describe('core/workspace ReportIndex under hostile texts and orders', () => {
  it('gives back every text unit for unit, and a parse made again equal to the first, once the parse was let go', () => {
    const index = new ReportIndex(defaultCodebook());
    const first = new Map<string, IndexedReport>();
    for (const [name, text] of Object.entries(HOSTILE)) first.set(name, index.update(name, text));
    readOthers(index, 200);
    for (const [name, text] of Object.entries(HOSTILE)) {
      const report = index.get(name)!;
      assert.equal(report, first.get(name), `${name}: the same indexed report`);
      assert.ok(report.text === text, `${name}: the text as given`);
      assert.deepEqual(plain(report.document), plain(parseReport(text)), `${name}: the parse`);
      // Unchanged text: the cached report, not a new analysis.
      assert.equal(index.update(name, `${text}`), report, `${name}: unchanged`);
    }
  });

  it('a new codebook analyses every report again from the text it was given', () => {
    const index = new ReportIndex(defaultCodebook());
    for (const [name, text] of Object.entries(HOSTILE)) index.update(name, text);
    readOthers(index, 100);
    index.setCodebook({ ...defaultCodebook() });
    for (const [name, text] of Object.entries(HOSTILE)) {
      assert.ok(index.get(name)!.text === text, name);
      assert.deepEqual(plain(index.get(name)!.document), plain(parseReport(text)), name);
    }
  });

  it('keeps the parse of a report opened just after a corpus feature parsed it, however many are read next', () => {
    const index = new ReportIndex(defaultCodebook());
    const text = buildReport('The [open one]{.strength theme=health}.\n');
    index.update('open.report.md', text);
    readOthers(index, 10);
    // A corpus feature parses it (it becomes one of the recently used), then the editor opens it with the same text.
    void index.get('open.report.md')!.document;
    index.keepParsed('open.report.md', true);
    const open = index.update('open.report.md', text);
    const document = open.document;
    readOthers(index, 200);
    assert.equal(index.get('open.report.md')!.document, document, 'the very same parse: an open report keeps it');
  });
});
