import { plural, tally, type CheckedFile } from './types';

/** `path:line:column: severity rule: message`, one-based, then a summary line. */
export function formatText(files: readonly CheckedFile[]): string {
  const lines = diagnosticLines(files);
  const { errors, warnings, information, filesWithProblems } = tally(files);
  const parts = [plural(errors, 'error'), plural(warnings, 'warning')];
  if (information > 0) parts.push(`${information} information`);
  // "0 errors, 0 warnings in 0 of 5 reports" reads oddly: say the clean case plainly.
  if (filesWithProblems === 0) lines.push(`${plural(files.length, 'report')} checked: ${parts.join(', ')}.`);
  else lines.push(`${parts.join(', ')} in ${filesWithProblems} of ${plural(files.length, 'report')} checked.`);
  return lines.join('\n') + '\n';
}

/** One `path:line:column: severity rule: message` line per diagnostic, without a summary. */
export function diagnosticLines(files: readonly CheckedFile[]): string[] {
  const lines: string[] = [];
  for (const file of files) {
    for (const diagnostic of file.diagnostics) {
      const at = file.lines.position(diagnostic.range.start);
      lines.push(`${file.path}:${at.line + 1}:${at.character + 1}: ${diagnostic.severity} ${diagnostic.rule}: ${diagnostic.message}`);
    }
  }
  return lines;
}
