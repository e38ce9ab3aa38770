// Copies of one article by several annotators are one article in a dataset
// (core/agreement/countedCopies.ts): before an export or the statistics,
// a first pass over the reports' front matter (the recorded fingerprint,
// `annotator`, `status`) says which copies count, and a note on standard
// error says what was left out.
import { copyFactsOfHead, decodeUtf8, readRegularFileSync, selectCopies, type CopiesPolicy, type CopyFacts } from '../core';
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
      facts.push(copyFactsOfHead(file.path, decodeUtf8(readRegularFileSync(file.file))));
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
