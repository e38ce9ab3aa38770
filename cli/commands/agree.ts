import path from 'node:path';
import { isOneOfTheInputs, NotRegularFileError, writeAtomically, type Codebook } from '../../core';
import {
  agreementDocument,
  disagreementCsv,
  disagreementFormatOf,
  disagreementJsonl,
  type AgreementResult,
  type LabelKind,
} from '../../core/agreement';
import { renderAgreementCsv } from '../agree/renderCsv';
import { renderAgreementText } from '../agree/renderText';
import { isSystemError, UsageError, type ReportFile } from '../files';
import { plural } from '../formatters/types';
import { agreementOfFiles } from '../agree/agreementOfFiles';
import { ExitCode, type Output } from '../output';

export type AgreeFormat = 'text' | 'json' | 'csv';
export const AGREE_FORMATS: readonly AgreeFormat[] = ['text', 'json', 'csv'];
export const AGREE_BY: readonly LabelKind[] = ['code', 'theme'];

export interface AgreeOptions {
  readonly format: AgreeFormat;
  readonly by: LabelKind;
  /** Where to write the disagreement list (`.jsonl` or `.csv`), if anywhere. */
  readonly disagreements: string | undefined;
  readonly cwd: string;
}

/**
 * Groups the reports into articles by fingerprint and prints the agreement
 * figures; writes the disagreement list when asked. Exit 1 when reports
 * that name one source have different texts, 2 when no figure could be
 * computed (no article has two annotators' copies) or the run failed.
 */
export async function runAgree(files: readonly ReportFile[], codebook: Codebook, options: AgreeOptions, output: Output): Promise<{ code: ExitCode; unreadable: readonly string[] }> {
  const listFormat = options.disagreements === undefined ? undefined : disagreementFormatOf(options.disagreements);
  if (options.disagreements !== undefined) {
    if (listFormat === undefined) throw new UsageError(`${options.disagreements}: --disagreements writes .jsonl or .csv files`);
    if (isOneOfTheInputs(path.resolve(options.cwd, options.disagreements), files.map((file) => file.file))) throw new UsageError(`${options.disagreements}: is one of the reports; --disagreements names the file to write the list to`);
  }
  const unreadable: string[] = [];
  const { result, reports } = await agreementOfFiles(files, codebook, options.by, unreadable);

  for (const mismatch of result.mismatches) output.err(`findings: ${mismatch.path}: ${mismatch.message}\n`);
  const computed = result.figures.corpus !== null;
  if (computed) await output.out(render(result, options.format));
  else output.err(`findings: no article has two annotators' copies: reports are copies of one article when their clean texts have the same SHA-256 (${plural(result.groups.length, 'article')} in ${plural(reports, 'report')})\n`);

  if (options.disagreements !== undefined && listFormat !== undefined && computed) {
    const rows = result.disagreements;
    const content = listFormat === 'csv' ? disagreementCsv(rows, result.figures.annotators) : disagreementJsonl(rows);
    try {
      await writeAtomically(path.resolve(options.cwd, options.disagreements), async (file) => {
        file.write(content);
        return true;
      });
    } catch (error) {
      if (error instanceof NotRegularFileError) throw new UsageError(`${options.disagreements}: ${error.message}; --disagreements writes only regular files`);
      if (isSystemError(error)) throw new UsageError(`${options.disagreements}: cannot write the disagreement list (${error.code})`);
      throw error;
    }
    output.err(`Wrote ${plural(rows.length, 'disagreement')} as ${listFormat.toUpperCase()} to ${options.disagreements}\n`);
  }
  const code = result.mismatches.length > 0 ? ExitCode.Errors : computed ? ExitCode.Ok : ExitCode.Failure;
  return { code, unreadable };
}

function render(result: AgreementResult, format: AgreeFormat): string {
  switch (format) {
    case 'text':
      return renderAgreementText(result.figures, result.mismatches);
    case 'csv':
      return renderAgreementCsv(result.figures);
    case 'json':
      return JSON.stringify(agreementDocument(result), null, 2) + '\n';
  }
}
