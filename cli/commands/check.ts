import { hasErrors, type Codebook } from '../../core';
import { formatGithub } from '../formatters/github';
import { formatJson } from '../formatters/json';
import { formatSarif } from '../formatters/sarif';
import { formatText } from '../formatters/text';
import { checkedFile, type CheckFormat, type CheckedFile } from '../formatters/types';
import { analyzeFiles } from '../loadReports';
import type { ReportFile } from '../files';
import { ExitCode, type Output } from '../output';

export interface CheckOptions {
  readonly format: CheckFormat;
  readonly quiet: boolean;
  readonly version: string;
}

/** Exit 0 without errors (warnings allowed), 1 with errors; files that could not be read are returned for the caller to report. */
export async function runCheck(files: readonly ReportFile[], codebook: Codebook, options: CheckOptions, output: Output): Promise<{ code: ExitCode; unreadable: readonly string[] }> {
  let errors = false;
  const { results, unreadable } = await analyzeFiles(files, codebook, (path, text, report) => {
    errors ||= hasErrors(report.diagnostics);
    const shown = options.quiet ? report.diagnostics.filter((d) => d.severity === 'error') : report.diagnostics;
    return checkedFile(path, text, shown);
  });
  output.out(render(results, options));
  return { code: errors ? ExitCode.Errors : ExitCode.Ok, unreadable };
}

function render(files: readonly CheckedFile[], options: CheckOptions): string {
  switch (options.format) {
    case 'json': return formatJson(files);
    case 'sarif': return formatSarif(files, options.version);
    case 'github': return formatGithub(files);
    case 'text': return formatText(files);
  }
}
