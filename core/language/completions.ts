import type { Codebook } from '../codebook/types';
import type { ReportDocument } from '../document/types';
import { attributeCompletions } from './attributeCompletions';
import type { CompletionOptions, CompletionProposal } from './completionProposal';
import { frontMatterCompletions } from './frontMatterCompletions';
import { newFrontMatterCompletion } from './newFrontMatterCompletion';

export type { CompletionKind, CompletionOptions, CompletionProposal } from './completionProposal';

/**
 * Completions at an offset: a new front matter, front-matter keys and values,
 * codes, attributes, values and ids in attribute blocks. Never words of the
 * article: a free-text field is completed from the other reports, an
 * attribute block with the codebook's names and the span's own values.
 */
export function completionsAt(document: ReportDocument, codebook: Codebook, offset: number, options: CompletionOptions): CompletionProposal[] {
  const snippet = newFrontMatterCompletion(document, codebook, offset, options);
  if (snippet) return [snippet];
  if (inFrontMatterFields(document, offset)) return frontMatterCompletions(document, codebook, offset, options);
  if (offset < document.bodyStart) return [];
  return attributeCompletions(document, codebook, offset, options.snippets ?? true);
}

/**
 * Whether a field can be written at the offset. Not at the start of the
 * closing `---` or `...` line (a field there would unclose the front matter),
 * nor on the blank line that ends an unclosed one, where the article starts
 * (a field there would join the article to the front matter); an unclosed
 * front matter running to the end of the text takes fields on its last line.
 */
function inFrontMatterFields(document: ReportDocument, offset: number): boolean {
  const frontMatter = document.frontMatter;
  if (!frontMatter || offset < frontMatter.contentRange.start) return false;
  const end = frontMatter.contentRange.end;
  return offset < end || (offset === end && !frontMatter.closed && end === document.text.length);
}
