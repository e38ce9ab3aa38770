import type { Codebook } from '../codebook/types';
import { parseReport } from '../document/parseReport';
import type { ReportDocument } from '../document/types';
import { lineBreakLength, nextLineBreak } from '../text/lineBreaks';
import { lineEndingOf } from '../text/lineEnding';
import type { CompletionOptions, CompletionProposal } from './completionProposal';
import { newFrontMatterFields } from './newFrontMatter';

/**
 * On the first line of a report without fields (empty, or one to three dashes
 * being typed), the whole front matter with the codebook's required fields
 * and the fingerprint of the article below. The first line is the one the
 * front matter replaces: its line break becomes the closing `---`'s, so the
 * article below (pasted before) stays the clean text, byte for byte.
 */
export function newFrontMatterCompletion(document: ReportDocument, codebook: Codebook, offset: number, options: CompletionOptions): CompletionProposal | undefined {
  const text = document.text;
  const start = document.hasBom ? 1 : 0;
  const firstLineEnd = nextLineBreak(text, start);
  // A lone CR ends the line in the editor but not for the front matter's reader (lines end at LF):
  // a closing `---` ended by it closes the front matter only at the end of the text.
  const loneCr = lineBreakLength(text, firstLineEnd) === 1 && text[firstLineEnd] === '\r';
  if (loneCr && firstLineEnd + 1 < text.length) return undefined;
  if (offset > firstLineEnd || !/^-{0,3}[ \t]*$/.test(text.slice(start, firstLineEnd)) || (document.frontMatter?.fields.length ?? 0) > 0) return undefined;
  const eol = lineEndingOf(text);
  const snippets = options.snippets ?? true;
  const frontMatter = document.frontMatter;
  let lines: string[];
  if (frontMatter?.closed && frontMatter.isMapping) {
    // `---` lines around nothing (or comments): the fields go in after the first, the closing line and the body stay.
    lines = ['---', ...newFrontMatterFields(codebook, { article: document.cleanText, snippets, today: options.today })];
  } else {
    const restStart = firstLineEnd + lineBreakLength(text, firstLineEnd);
    const last = restStart === firstLineEnd;
    const fields = newFrontMatterFields(codebook, { article: last ? '' : cleanTextBelow(text.slice(restStart)), snippets, today: options.today });
    // On the last line, the closing `---` needs a line break of its own, and the cursor goes to the empty body.
    lines = ['---', ...fields, '---', ...(last ? [snippets ? '$0' : ''] : [])];
  }
  const required = [...codebook.fields.values()].filter((f) => f.required).map((f) => f.name);
  return {
    label: '---',
    kind: 'snippet',
    detail: 'New front matter',
    documentation: `Fills in the front matter with the codebook's required fields: ${required.map((f) => `\`${f}\``).join(', ')}; below an article, also its fingerprint (\`text_sha256\`).`,
    insertText: lines.join(eol),
    snippet: snippets,
    range: { start, end: firstLineEnd },
    filterText: '---',
    preselect: true,
  };
}

/**
 * The clean text a body will have below a front matter, from the parser
 * itself (one definition of the clean text): the body as it stands may have
 * been read as part of an unclosed front matter.
 */
function cleanTextBelow(body: string): string {
  return parseReport(`---\n---\n${body}`).cleanText;
}
