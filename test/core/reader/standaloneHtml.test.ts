import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultCodebook, LineIndex } from '../../../core';
import { parseReport } from '../../../core/document/parseReport';
import { readerModel } from '../../../core/reader/readerModel';
import { STANDALONE_DATA_ID, standaloneHtml, type StandaloneData } from '../../../core/reader/standaloneHtml';

const codebook = defaultCodebook();
const ASSETS = { script: 'document.documentElement.dataset.laidOut = "</script>";', style: '.x { color: red; } /* </style> */' };

function modelOf(text: string) {
  return readerModel('x.report.md', parseReport(text), codebook, new LineIndex(text));
}

const HOSTILE = [
  '---',
  'area: Darlington',
  'framework: "2016"',
  'inspection_type: full',
  'outcome: wsoa_required',
  'annotator: "a <b>bold</b> & \\"quoted\\" one"',
  'status: draft',
  'memo: |',
  '  The report memo: <script>alert(1)</script> & more.',
  '---',
  'Leaders said <script>alert("x")</script> & [it "works" & <b>well</b>]{.strength theme=leadership memo="</script><img src=x onerror=alert(1)> \\"q\\" & \'s\'"}.',
  '',
  '[A quote with \'single\' quotes]{.quote speaker="<img src=x onerror=alert(2)>" role=parent} and [nested [inner]{.weakness theme=outcomes} outer]{.response speaker="x & y" stance=accepts}.',
  '',
].join('\n');

/** The article's text as a reader sees it: the tags dropped, the entities read. */
function articleText(html: string): string {
  const article = html.slice(html.indexOf('<article'), html.indexOf('</article>'));
  return article.replace(/<[^>]*>/g, '').replace(/&(lt|gt|quot|#39|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[name] as string);
}

describe('core/reader "Save as HTML"', () => {
  it('escapes the report\'s text, attribute values, header fields and memos: no markup of the report survives', () => {
    const model = modelOf(HOSTILE);
    const html = standaloneHtml(model, ASSETS);
    // Only the data element and the layout script are scripts; no image or handler comes from the report.
    assert.equal(html.match(/<script/gi)?.length, 2);
    assert.equal(html.match(/<\/script>/gi)?.length, 2);
    assert.ok(!/<img/i.test(html) && !/<b>/i.test(html), 'an element of the report became markup');
    assert.ok(!/\son\w+=/i.test(html.replace(/onerror=alert/g, '')), 'an event handler attribute');
    // A quote in an attribute value is escaped, so it cannot end the attribute.
    for (const [, value] of html.matchAll(/ (?:title|data-label|style)="([^"]*)"/g)) assert.ok(!value.includes('<') && !value.includes('>'));
    assert.ok(html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;') || html.includes('&lt;script&gt;alert("x")&lt;/script&gt;'));
    assert.ok(html.includes('a &lt;b&gt;bold&lt;/b&gt; &amp; "quoted" one'));
    assert.ok(html.includes('The report memo: &lt;script&gt;alert(1)&lt;/script&gt; &amp; more.'));
    assert.ok(html.includes('&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; "q" &amp; \'s\''), 'the memo, in the notes');
    // The inlined assets cannot close their elements early.
    assert.ok(html.includes('"<\\/script>"') && html.includes('/* <\\/style> */'));
    // The article reads exactly as the clean text.
    assert.equal(articleText(html), model.cleanText);
  });

  it('draws one highlight per passage, the legend of the codes used, a label after each passage and the memos as notes', () => {
    const model = modelOf(HOSTILE);
    const html = standaloneHtml(model, ASSETS);
    model.passages.forEach((_, i) => assert.equal(html.split(`data-p="${i}"`).length - 1, 1, `passage ${i}`));
    assert.equal(html.match(/<span class="hl[ "]/g)?.length, model.passages.length);
    assert.equal(html.match(/class="tag-label"/g)?.length, model.passages.length);
    const legend = html.slice(html.indexOf('<section class="legend"'), html.indexOf('</section>', html.indexOf('<section class="legend"')));
    for (const code of model.codes.filter((c) => c.passages > 0)) assert.ok(legend.includes(`${code.label} <span class="count">${code.passages}</span>`), code.name);
    assert.equal(legend.match(/<li>/g)?.length, model.codes.filter((c) => c.passages > 0).length);
    assert.equal(html.match(/<li id="memo-/g)?.length, 1);
    assert.ok(html.includes(`Article fingerprint (SHA-256 of the clean text): <code>${model.fingerprint}</code>`));
    // The stripes' data: per passage, one label and colour per code.
    const json = html.slice(html.indexOf(`id="${STANDALONE_DATA_ID}">`) + STANDALONE_DATA_ID.length + 6, html.indexOf('</script>', html.indexOf(STANDALONE_DATA_ID)));
    const data = JSON.parse(json) as StandaloneData;
    assert.deepEqual(data.passages.map((codes) => codes.length), model.passages.map((p) => p.codes.length));
    const leadership = model.themes.find((theme) => theme.name === 'leadership')?.label;
    assert.deepEqual(data.passages[0][0], ['Strength', `Strength · ${leadership}`, '#2e7d32']);
  });

  it('gives a passage across paragraphs a highlight in each, labelled once, and keeps nesting', () => {
    const text = `${HOSTILE.slice(0, HOSTILE.indexOf('---\n', 4) + 4)}[First paragraph.\n\nSecond [inner]{.quote speaker=x} paragraph.]{.weakness theme=outcomes}\n`;
    const model = modelOf(text);
    const html = standaloneHtml(model, ASSETS);
    assert.equal(html.split('data-p="0"').length - 1, 2);
    assert.equal(html.match(/<span class="hl continued" data-p="0"/g)?.length, 1);
    assert.equal(html.match(/class="tag-label"/g)?.length, 2);
    assert.equal(html.match(/<div class="block">/g)?.length, 2);
    assert.equal(articleText(html), model.cleanText);
  });

  it('is the same for the same model, and without the script still reads', () => {
    const model = modelOf(HOSTILE);
    assert.equal(standaloneHtml(model, ASSETS), standaloneHtml(modelOf(HOSTILE), ASSETS));
    const bare = standaloneHtml(model, { script: '', style: '' });
    assert.equal(bare.match(/<script/gi)?.length, 1);
    const dated = standaloneHtml(model, { ...ASSETS, generatedBy: 'Inspection Findings 9.9', generatedOn: '2026-01-02' });
    assert.ok(dated.includes('Generated by Inspection Findings 9.9 on 2026-01-02 from <code>x.report.md</code>'));
  });

  it('saves every sample with its text intact', () => {
    const samples = path.join(__dirname, '..', '..', '..', '..', 'samples');
    for (const name of fs.readdirSync(samples).filter((file) => file.endsWith('.report.md'))) {
      const model = modelOf(fs.readFileSync(path.join(samples, name), 'utf8'));
      const html = standaloneHtml(model, ASSETS);
      assert.equal(articleText(html), model.cleanText, name);
      assert.equal(html.match(/<span class="hl"/g)?.length ?? 0, model.passages.length, name);
      assert.equal(html.match(/<span class="hl continued"/g)?.length ?? 0, countContinuations(model), name);
    }
  });
});

/** Extra highlight pieces of passages that cross a blank line (one per further paragraph). */
function countContinuations(model: ReturnType<typeof modelOf>): number {
  let extra = 0;
  for (const passage of model.passages) {
    const inside = model.cleanText.slice(passage.start, passage.end);
    extra += (inside.match(/\n[ \t]*\n(?=[\s\S]*\S)/g) ?? []).length;
  }
  return extra;
}
