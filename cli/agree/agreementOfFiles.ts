// The agreement of the reports named on the command line, as `findings
// agree` prints it and `findings export --with-agreement` attaches it: every
// report read and parsed, so that copies are found by their actual clean
// text, never by a recorded fingerprint.
import type { Codebook } from '../../core';
import { agreementOfReports, annotationOf, type AgreementResult, type Annotation, type LabelKind } from '../../core/agreement';
import type { ReportFile } from '../files';
import { readReports } from '../loadReports';

export async function agreementOfFiles(files: readonly ReportFile[], codebook: Codebook, by: LabelKind, unreadable: string[]): Promise<{ result: AgreementResult; reports: number }> {
  const annotations: Annotation[] = [];
  for await (const read of readReports(files, codebook, unreadable)) annotations.push(annotationOf(read.path, read.report.document, codebook));
  return { result: agreementOfReports(annotations, { by, codeOrder: [...codebook.codes.keys()], themeOrder: [...codebook.themes.keys()] }), reports: annotations.length };
}
