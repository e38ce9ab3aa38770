// `findings export --with-agreement`: the agreement figures of every article
// that two annotators or more coded among the reports named, computed as
// `findings agree` computes them (all copies, whatever the copies policy
// keeps), to go with each row of the export. Only the copies of such
// articles (found from their front matter) are read in full here.
import { copyFactsOfHead, decodeUtf8, exportAgreement, readRegularFileSync, type ArticleAgreement, type Codebook } from '../core';
import { agreementOfReports, annotationOf, type Annotation } from '../core/agreement';
import { isReferenceAnnotator } from '../core/agreement/adjudication/referenceReports';
import type { ReportFile } from './files';
import { readReports } from './loadReports';

export async function agreementForExport(files: readonly ReportFile[], codebook: Codebook): Promise<Record<string, ArticleAgreement>> {
  const copies = new Map<string, ReportFile[]>();
  for (const file of files) {
    if (file.special !== undefined) continue;
    let fingerprint: string | undefined;
    let annotator: string | undefined;
    try {
      ({ fingerprint, annotator } = copyFactsOfHead(file.path, decodeUtf8(readRegularFileSync(file.file))));
    } catch {
      continue; // the export reports the file
    }
    if (fingerprint === undefined || isReferenceAnnotator(annotator)) continue;
    const group = copies.get(fingerprint);
    if (group) group.push(file);
    else copies.set(fingerprint, [file]);
  }
  const compared = [...copies.values()].filter((group) => group.length > 1).flat();
  if (compared.length === 0) return {};
  const annotations: Annotation[] = [];
  for await (const read of readReports(compared, codebook, [])) annotations.push(annotationOf(read.path, read.report.document, codebook));
  const result = agreementOfReports(annotations, { by: 'code', codeOrder: [...codebook.codes.keys()], themeOrder: [...codebook.themes.keys()] });
  return exportAgreement(result.figures);
}
