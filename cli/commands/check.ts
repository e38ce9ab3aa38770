import { hasErrors } from '../../core';
import { formatGithub } from '../formatters/github';
import { formatJson } from '../formatters/json';
import { formatSarif } from '../formatters/sarif';
import { formatText } from '../formatters/text';
import type { CheckFormat, CheckedFile } from '../formatters/types';
import { withLines, type LoadedReports } from '../loadReports';
import { ExitCode, type Output } from '../output';

export interface CheckOptions {
  readonly format: CheckFormat;
  readonly quiet: boolean;
  readonly version: string;
}

/** Exit 0 without errors (warnings allowed), 1 with errors. */
export function runCheck(loaded: LoadedReports, options: CheckOptions, output: Output): ExitCode {
  const files: CheckedFile[] = loaded.reports.map((report) => {
    const file = withLines(report);
    return options.quiet ? { ...file, diagnostics: file.diagnostics.filter((d) => d.severity === 'error') } : file;
  });
  output.out(render(files, options));
  return loaded.reports.some((report) => hasErrors(report.diagnostics)) ? ExitCode.Errors : ExitCode.Ok;
}

function render(files: readonly CheckedFile[], options: CheckOptions): string {
  switch (options.format) {
    case 'json': return formatJson(files);
    case 'sarif': return formatSarif(files, options.version);
    case 'github': return formatGithub(files);
    case 'text': return formatText(files);
  }
}
