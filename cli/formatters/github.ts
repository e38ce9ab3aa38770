import type { CheckedFile } from './types';

const COMMAND = { error: 'error', warning: 'warning', information: 'notice' } as const;

/** GitHub Actions workflow commands, which annotate the lines of a pull request. */
export function formatGithub(files: readonly CheckedFile[]): string {
  const lines: string[] = [];
  for (const file of files) {
    for (const diagnostic of file.diagnostics) {
      const start = file.lines.position(diagnostic.range.start);
      const end = file.lines.position(diagnostic.range.end);
      const properties = [
        `file=${escapeProperty(file.path)}`,
        `line=${start.line + 1}`,
        `col=${start.character + 1}`,
        `endLine=${end.line + 1}`,
        `endColumn=${end.character + 1}`,
        `title=${escapeProperty(`findings ${diagnostic.rule}`)}`,
      ].join(',');
      lines.push(`::${COMMAND[diagnostic.severity]} ${properties}::${escapeData(diagnostic.message)}`);
    }
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
