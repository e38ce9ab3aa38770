// Copies of one article by several annotators are one article in a dataset
// (core/agreement/countedCopies.ts): before an export or the statistics,
// a first pass over the reports' front matter (the recorded fingerprint,
// `annotator`, `status`; the article read whole only where no fingerprint is
// recorded) says which copies count, and a note on standard error says what
// was left out.
import { copyFactsOf, copyFactsOfHead, decodeUtf8, readRegularFileSync, selectCopies, type CopiesPolicy, type CopyFacts } from '../core';
import { parseReport } from '../core/document/parseReport';
import type { ReportFile } from './files';
import { plural } from './formatters/types';
import type { Output } from './output';

/** The files that count under the policy (unreadable ones stay: the command reports them). */
export function countedFiles(files: readonly ReportFile[], policy: CopiesPolicy, output: Output): readonly ReportFile[] {
  if (policy === 'all') return files;
  const facts: CopyFacts[] = [];
  for (const file of files) {
    if (file.special !== undefined) continue;
    try {
      const text = decodeUtf8(readRegularFileSync(file.file));
      const head = copyFactsOfHead(file.path, text);
      // Without a recorded fingerprint, the article is read whole: copies are the same clean text, as in the editor.
      facts.push(head.fingerprint !== undefined ? head : copyFactsOf(file.path, parseReport(text)));
    } catch {
      // Unreadable or not UTF-8: the command itself says so.
    }
  }
  const selection = selectCopies(facts, policy);
  if (selection.articlesWithCopies === 0) return files;
  const waiting = selection.articlesWithCopies - selection.articlesCounted;
  output.err(`findings: ${plural(selection.articlesWithCopies, 'article')} coded by several annotators count once each: `
    + `${selection.leftOut.size} ${selection.leftOut.size === 1 ? 'copy' : 'copies'} left out`
    + `${waiting > 0 ? ` (${plural(waiting, 'article')} with no reviewed or adjudicated copy yet, left out whole)` : ''}; --copies all counts every copy\n`);
  return files.filter((file) => !selection.leftOut.has(file.path));
}
