import { strict as assert } from 'node:assert';
import { defaultCodebook } from '../../../core';
import { parseReport } from '../../../core/document/parseReport';
import { passageAt, passageMemo } from '../../../core/memos/passageMemo';
import { memosOfReport } from '../../../core/memos/reportMemos';
import { buildReport, rangeText } from '../../helpers/report';

const LONG = 'word '.repeat(40).trim();
const TEXT = buildReport(`Leaders [said [things]{.quote speaker=x role=parent memo="inner note"} well]{.strength theme=leadership}. [${LONG}]{.weakness theme="health outcomes" memo='long one'} [x]{.wsoa memo=""}.\n`, {
  extraYaml: 'memo: |\n  Ask about the dates.',
});

describe('core/memos passages and lists', () => {
  const document = parseReport(TEXT);

  it('finds the innermost passage at an offset, its markup included, or just after its `}`', () => {
    const at = (needle: string, delta = 0) => passageAt(document, TEXT.indexOf(needle) + delta)?.index;
    assert.equal(at('things'), 1);
    assert.equal(at('well'), 0);
    assert.equal(at('[said'), 0);
    assert.equal(at('role=parent'), 1, 'in its attribute block');
    assert.equal(at('. [word', 0), 0, 'right after the `}`');
    assert.equal(at('Leaders'), undefined);
    assert.equal(passageAt(document, TEXT.indexOf('area:')), undefined, 'the front matter holds no passage');
  });

  it('describes a passage for the prompt: its memo, codes and a short excerpt', () => {
    assert.deepEqual(passageMemo(document, document.spans[1]), { passage: 1, memo: 'inner note', codes: ['quote'], excerpt: 'things' });
    assert.deepEqual(passageMemo(document, document.spans[0]), { passage: 0, memo: '', codes: ['strength'], excerpt: 'said things well' });
    const long = passageMemo(document, document.spans[2]).excerpt;
    assert.ok(long.length <= 80 && long.endsWith('…'), long);
  });

  it('lists the report memo first, then each passage memo that is not blank, in document order', () => {
    const memos = memosOfReport('a.report.md', document, defaultCodebook());
    assert.deepEqual(memos.map((memo) => [memo.kind, memo.passage, memo.memo]), [['report', null, 'Ask about the dates.\n'], ['passage', 1, 'inner note'], ['passage', 2, 'long one']]);
    assert.equal(memos[0].excerpt, 'Darlington', 'the area names the report');
    assert.equal(rangeText(TEXT, memos[0].range), '|\n  Ask about the dates.', 'the value, block indicator and all');
    assert.equal(rangeText(TEXT, memos[1].range), 'things');
    assert.deepEqual([memos[2].codes, memos[2].themes], [['weakness'], ['health', 'outcomes']]);
  });
});
