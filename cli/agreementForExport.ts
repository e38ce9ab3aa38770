// `findings export --with-agreement`: the agreement figures of every article
// that two annotators or more coded among the reports named, exactly those
// `findings agree` prints for them (all copies, whatever the copies policy
// keeps), to go with each row of the export.
import { exportAgreement, type ArticleAgreement, type Codebook } from '../core';
import { agreementOfFiles } from './agree/agreementOfFiles';
import type { ReportFile } from './files';

export async function agreementForExport(files: readonly ReportFile[], codebook: Codebook): Promise<Record<string, ArticleAgreement>> {
  // Unreadable files are the export's to report.
  const { result } = await agreementOfFiles(files, codebook, 'code', []);
  return exportAgreement(result.figures);
}
