import { strict as assert } from 'node:assert';
import { completionsAt, defaultCodebook, type CompletionProposal } from '../../../core';
import { parseReport } from '../../../core/document/parseReport';
import { attributeBlockContext } from '../../../core/language/attributeBlockContext';
import { nextLineBreak } from '../../../core/text/lineBreaks';
import { expandSnippet } from '../../helpers/cleanTextEdits';

// Completions at the edges of the front matter and in attribute blocks the
// completion and the parser read differently: none may change the article.

const TODAY = '2024-05-06';

function proposalsAt(text: string, offset: number, snippets = true): CompletionProposal[] {
  return completionsAt(parseReport(text), defaultCodebook(), offset, { today: TODAY, snippets });
}

function applied(text: string, proposal: CompletionProposal): string {
  const newText = proposal.snippet ? expandSnippet(proposal.insertText) : proposal.insertText;
  return text.slice(0, proposal.range.start) + newText + text.slice(proposal.range.end);
}

/**
 * At every offset of the body: each proposal contains the cursor and, once
 * applied, leaves the clean text as it was; in a block still being typed
 * (text until it is closed) the clean text before its `]` and after its line.
 */
function assertBodyCompletionsKeepArticle(text: string): number {
  const before = parseReport(text);
  let checked = 0;
  for (let offset = before.bodyStart; offset <= text.length; offset++) {
    if (text[offset - 1] === '\r' && text[offset] === '\n') continue;
    for (const proposal of proposalsAt(text, offset)) {
      checked++;
      const what = `${JSON.stringify(proposal.label)} at ${offset}`;
      assert.ok(proposal.range.start <= offset && offset <= proposal.range.end, `${what}: the range holds the cursor`);
      const after = parseReport(applied(text, proposal)).cleanText;
      const block = attributeBlockContext(text, offset, before.bodyStart)!;
      if (before.spans.some((span) => span.attributeRange.start === block.open)) {
        assert.equal(after, before.cleanText, what);
      } else {
        const kept = before.cleanText.slice(0, before.sourceToClean(block.close));
        const keptAfter = before.cleanText.slice(before.sourceToClean(nextLineBreak(text, block.open)));
        assert.ok(after.startsWith(kept) && after.endsWith(keptAfter) && after.length >= kept.length + keptAfter.length, `${what}: ${JSON.stringify(after)}`);
      }
    }
  }
  return checked;
}

describe('core/language completions keep the article', () => {
  describe('front matter', () => {
    it('offers nothing at the start of the closing `---` or `...` line', () => {
      assert.deepEqual(proposalsAt('---\n---\nInspectors found ', 4), []);
      assert.deepEqual(proposalsAt('---\narea: Darlington\n...\n[a]{.weakness}', 21), []);
      // The line above it still takes a field.
      assert.ok(proposalsAt('---\narea: Darlington\n\n---\n', 21).some((p) => p.label === 'status'));
    });

    it('offers nothing on the blank line that ends an unclosed front matter, but on its last line at the end of the text', () => {
      const unclosed = '---\r\narea: Darlington\r\nstatus: draft\r\n\r\n';
      assert.deepEqual(proposalsAt(unclosed, unclosed.length - 2), []);
      assert.ok(proposalsAt('---\narea: Darlington\n', 21).some((p) => p.label === 'status'));
    });

    it('offers nothing on a YAML line a lone CR splits in two editor lines', () => {
      assert.deepEqual(proposalsAt('\uFEFF---\nstatus: draft\r---\n', 12), []);
      assert.ok(proposalsAt('\uFEFF---\nstatus: draft\n---\n', 12).some((p) => p.label === 'reviewed'));
    });

    it('writes a new front matter after a first line of dashes ended by a lone CR, the CR ending the closing line', () => {
      for (const text of ['---\r', '\r']) {
        const [proposal] = proposalsAt(text, text.length - 1);
        assert.equal(proposal.label, '---');
        const after = parseReport(applied(text, proposal));
        assert.equal(after.frontMatter?.closed, true, JSON.stringify(text));
        assert.equal(after.cleanText, '');
      }
      // With text after the CR, a closing line ended by it would not close: nothing is offered.
      assert.deepEqual(proposalsAt('---\rArticle', 3), []);
    });
  });

  describe('attribute blocks', () => {
    it('contains the cursor between `=` and a quote', () => {
      const text = '---\r---\r[]{.weakness severity="very bad"';
      for (const proposal of proposalsAt(text, 31)) assert.ok(proposal.range.start <= 31 && 31 <= proposal.range.end, proposal.label);
      assertBodyCompletionsKeepArticle(text);
    });

    it('puts a blank after a name written against other characters', () => {
      const text = '\uFEFF---\n---\n[x]{.weakness theme="health}"}';
      const proposals = proposalsAt(text, 23, false);
      const severity = proposals.find((p) => p.label === 'severity')!;
      assert.equal(severity.insertText, 'severity= ');
      assert.equal(proposalsAt(text, 23).find((p) => p.label === 'severity')!.insertText, 'severity=$0 ');
      assert.ok(proposalsAt('\uFEFF---\r---\r[]{[=\']{.weakness}', 12).every((p) => p.insertText.endsWith(' ')));
      assertBodyCompletionsKeepArticle(text);
      assertBodyCompletionsKeepArticle('---\r\n---\r\n[[bad]{.quote =x word "}]{.weakness');
    });

    it('writes only the name over the key of a pair', () => {
      const text = '---\n---\n[x]{.weakness sev=high}';
      const proposals = proposalsAt(text, 23);
      assert.equal(proposals.find((p) => p.label === 'severity')!.insertText, 'severity');
      assert.ok(proposals.every((p) => p.kind === 'attribute'));
    });

    it('never replaces brackets of a block being typed, nor the markup of a later closed block', () => {
      const brackets = '---\n---\n[[[Inspectors found ]{.weakness]{.weakness]{.weakness[[[\r\n]{.weakness]{.weaknessInspectors found ]{.weakness[Inspectors found ]{.weakness}';
      const quoted = '---\n---\n[[[Inspectors found ]{.weakness]{.weakness theme="open]{.weakness }';
      const keyless = '---\n---\n[[]{="]{.weakness[[dup]{.quote speaker=a speaker=b}]{.weakness theme="open]{.weakness';
      for (const text of [brackets, quoted]) assert.ok(assertBodyCompletionsKeepArticle(text) > 0, JSON.stringify(text));
      assertBodyCompletionsKeepArticle(keyless);
      const later = parseReport(quoted).spans.at(-1)!;
      assert.ok(proposalsAt(quoted, 75).every((p) => p.range.end <= later.attributeRange.start));
    });

    it('suggests an id from a half-typed code without its brackets', () => {
      const text = '\uFEFF---\narea: Darlington\n---\n[]{#Inspectors found ...[\n\n]{.weakness}]{.weakness}';
      assert.ok(proposalsAt(text, 30).every((p) => !/[[\]]/.test(p.insertText)));
      assert.ok(proposalsAt('---\narea: Darlington\n---\n[x]{.weakness #}', 40).some((p) => p.label === 'darlington-weakness-1'));
    });

    it('still offers codes, names and values in well-formed blocks', () => {
      const text = '---\n---\n[x]{.weakness theme=health} and [y]{.quote speaker=a}\n';
      assert.ok(assertBodyCompletionsKeepArticle(text) > 50);
      assert.ok(proposalsAt(text, 13).some((p) => p.label === 'strength'));
      assert.ok(proposalsAt(text, 28).some((p) => p.label === 'education'));
    });
  });
});
