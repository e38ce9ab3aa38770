// `findings/agreement` (the figures of a scope, the same document `findings
// agree --format json` prints) and `findings/articleCopies` (the other
// annotators' copies of a report's article, for the status bar and the
// comparison), from the server's index with the core's functions.
import type { CancellationToken } from 'vscode-languageserver/node';
import { comparePaths, type Codebook, type IndexedReport } from '../../core';
import { isReferenceAnnotator } from '../../core/agreement/adjudication/referenceReports';
import { agreementDocument, agreementOfReports, annotationOf, articlesOfCopies, uncomparedCopy, type Annotation } from '../../core/agreement';
import { AgreementRequest, ArticleCopiesRequest, type AgreementParams, type AgreementResult, type ArticleCopiesParams, type ArticleCopiesResult, type ArticleCopy } from '../../protocol';
import type { ServerContext } from '../context';
import { cooperative, guard } from '../guard';
import { oneOf, optional, string } from '../paramShapes';
import { resolveScope, scopeShape } from '../scope';

/** Each report's annotation, kept while the index keeps the report (and its path and codebook stay). */
const annotations = new WeakMap<IndexedReport, { readonly path: string; readonly codebook: Codebook; readonly annotation: Annotation }>();

export function registerAgreement(context: ServerContext): void {
  const { connection, workspace } = context;

  connection.onRequest(AgreementRequest, guard(connection, AgreementRequest.method, { scope: optional(scopeShape), by: optional(oneOf('code', 'theme')) }, async (params: AgreementParams, token: CancellationToken): Promise<AgreementResult> => {
    const scope = await resolveScope(workspace, params?.scope ?? { kind: 'workspace' }, token);
    // Only the copies of articles coded twice or more are compared span by span: the others are read from the index's facts, unparsed.
    const { articles, codedTwice } = articlesOfCopies(scope.reports.map(({ entry }) => ({ fingerprint: entry.report.facts.fingerprint, annotator: entry.report.facts.copy.annotator })));
    // No article coded twice: no figures (what the panel asks after every edit of a corpus coded once costs a walk over facts).
    if (codedTwice.size === 0) return { figures: null, articles, reports: scope.reports.length };
    const collected: Annotation[] = [];
    for await (const { entry, path } of cooperative(scope.reports, token, 100)) {
      const facts = entry.report.facts;
      if (!codedTwice.has(facts.fingerprint)) {
        collected.push(uncomparedCopy(path, facts.sourced, facts.copy.annotator));
        continue;
      }
      const codebook = entry.folder.codebook.codebook;
      let cached = annotations.get(entry.report);
      if (!cached || cached.path !== path || cached.codebook !== codebook) {
        cached = { path, codebook, annotation: annotationOf(path, entry.report.document, codebook) };
        annotations.set(entry.report, cached);
      }
      collected.push(cached.annotation);
    }
    const by = params?.by ?? 'code';
    const result = agreementOfReports(collected, { by, codeOrder: [...scope.codebook.codes.keys()], themeOrder: [...scope.codebook.themes.keys()] });
    return { figures: result.figures.corpus === null ? null : agreementDocument(result), articles: result.groups.length, reports: collected.length };
  }));

  connection.onRequest(ArticleCopiesRequest, guard(connection, ArticleCopiesRequest.method, { uri: string }, async (params: ArticleCopiesParams): Promise<ArticleCopiesResult | null> => {
    // The copies are found among every report of the folder: once it is scanned.
    await workspace.ready;
    const entry = workspace.report(params.uri);
    if (!entry) return null;
    const fingerprint = entry.report.facts.fingerprint;
    const others: ArticleCopy[] = [];
    for (const other of workspace.reports(entry.folder)) {
      if (other.uri === entry.uri || other.report.facts.fingerprint !== fingerprint) continue;
      const annotator = other.report.facts.copy.annotator ?? null;
      others.push({ uri: other.uri, path: workspace.relativeToFolder(entry.folder, other.uri) ?? other.uri, annotator, reference: isReferenceAnnotator(annotator ?? undefined) });
    }
    others.sort((a, b) => comparePaths(a.path, b.path));
    return { fingerprint, others };
  }));
}
