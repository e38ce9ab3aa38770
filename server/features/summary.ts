// What the summary panel and the status bar show, computed from the
// server's index (each report's digest, made once per version): the client
// never parses a report, and no reply grows with the corpus.
import type { CancellationToken } from 'vscode-languageserver/node';
import { ArticleCopies, codebookSummary, documentSummary, ScopeSummary, summaryReportData, type Codebook, type CopiesPolicy, type IndexedReport, type ReportSummaryPart } from '../../core';
import {
  DocumentCountsRequest,
  FINDINGS_SORTS,
  FindingsPageRequest,
  MAX_PAGE_FINDINGS,
  PAGE_TEXT_LIMIT,
  SummaryRequest,
  type CodebookSummary,
  type DocumentCountsParams,
  type DocumentCountsResult,
  type FindingsPageParams,
  type FindingsPageResult,
  type FindingsScope,
  type SummaryParams,
  type SummaryResult,
} from '../../protocol';
import type { ServerContext } from '../context';
import { guard, throwIfCancelled } from '../guard';
import type { IndexChanges } from '../indexChanges';
import { object, oneOf, optional, string, uinteger, type Shape } from '../paramShapes';
import type { ReportWorkspace } from '../reportWorkspace';
import { countedReports, resolveScope, scopeShape, type ScopedReport } from '../scope';
import type { WorkspaceChange } from '../workspaceTypes';

/** How many scopes keep their summary between requests (the workspace, a folder, the reports last asked about). */
const KEPT_SCOPES = 8;

const filtersShape = object({ code: string, theme: string, area: string, text: string });
const limitShape: Shape = (value) => uinteger(value) ?? ((value as number) > MAX_PAGE_FINDINGS ? { at: '', problem: `must be at most ${MAX_PAGE_FINDINGS}` } : undefined);
const pageShape = { scope: scopeShape, filters: filtersShape, sort: optional(oneOf(...FINDINGS_SORTS)), offset: uinteger, limit: limitShape };

export function registerSummary(context: ServerContext, changes: IndexChanges): void {
  const { connection, workspace } = context;
  const scopes = new KeptScopes(KEPT_SCOPES);
  const codebooks = new WeakMap<Codebook, CodebookSummary>();
  workspace.onDidChange((change) => {
    for (const scope of scopes.all()) scope.changed(change);
  });

  /** The scope's summary brought up to date with the index. */
  async function summaryOf(scope: FindingsScope, token: CancellationToken): Promise<KeptScope> {
    const key = scope.kind === 'workspace' ? 'workspace' : `${scope.kind} ${scope.uri}`;
    const policy = context.settings().datasetCopies;
    throwIfCancelled(token);
    const kept = scopes.get(key);
    if (kept?.catchUp(workspace, policy)) return scopes.set(key, kept);
    const resolved = await resolveScope(workspace, scope, token);
    const fresh = kept ?? new KeptScope();
    fresh.reset(workspace, resolved.reports, countedReports(resolved, policy), resolved.codebook, policy);
    return scopes.set(key, fresh);
  }

  /** `findings/summary`: counts and tallies of a scope. */
  connection.onRequest(SummaryRequest, guard(connection, SummaryRequest.method, { scope: scopeShape }, async (params: SummaryParams, token: CancellationToken): Promise<SummaryResult> => {
    const { summary, codebook } = await summaryOf(params.scope, token);
    // Read once the summary is up to date: the index may have changed while it waited (for a scan).
    const generation = changes.generation;
    let labels = codebooks.get(codebook);
    if (!labels) codebooks.set(codebook, (labels = codebookSummary(codebook)));
    const only = params.scope.kind === 'document' ? summary.reports() : [];
    return { scope: params.scope, generation, ...summary.aggregates(), report: only.length === 1 ? summaryReportData(only[0]) : null, codebook: labels };
  }));

  /** `findings/findingsPage`: a page of a scope's findings, filtered, searched and sorted, with each filter's counts. */
  connection.onRequest(FindingsPageRequest, guard(connection, FindingsPageRequest.method, pageShape, async (params: FindingsPageParams, token: CancellationToken): Promise<FindingsPageResult> => {
    const { summary } = await summaryOf(params.scope, token);
    const generation = changes.generation;
    const { filters: { code, theme, area, text }, offset, limit } = params;
    const page = summary.page({ filters: { code, theme, area, text }, sort: params.sort ?? 'report', offset, limit }, PAGE_TEXT_LIMIT);
    return { scope: params.scope, generation, ...page };
  }));

  /** `findings/documentCounts`: one report's spans and problems, for the status bar. */
  connection.onRequest(DocumentCountsRequest, guard(connection, DocumentCountsRequest.method, { uri: string }, (params: DocumentCountsParams): DocumentCountsResult | null => {
    const entry = workspace.report(params.uri);
    return entry ? documentSummary(entry.report.document, entry.report.diagnostics, entry.folder.codebook.codebook) : null;
  }));
}

/** A report of a scope as last seen, and whether its scope counts it (copies of one article may not all count). */
interface SeenReport {
  readonly report: IndexedReport;
  readonly path: string;
  readonly counted: boolean;
}

/**
 * A scope's summary and what it was made from. While only reports already in
 * the scope are edited, it catches up with just those (the edits change no
 * report's place in the scope, and the copies counted stay as they were when
 * no report joins or leaves another's article); any other change of the
 * index, of the copies setting or of the workspace's layout has the scope
 * resolved again.
 */
class KeptScope {
  readonly summary = new ScopeSummary();
  codebook!: Codebook;
  private policy: CopiesPolicy | undefined;
  private reports = new Map<string, SeenReport>();
  private copies: ArticleCopies | undefined;
  /** The reports edited since the summary was brought up to date; undefined after any other change. */
  private edited: Set<string> | undefined;
  private layout = '';

  changed(change: WorkspaceChange): void {
    if (change.kind === 'edited') for (const uri of change.uris) this.edited?.add(uri);
    else this.edited = undefined;
  }

  /** The whole scope as resolved: the summary takes away and adds again the reports that changed. */
  reset(workspace: ReportWorkspace, all: readonly ScopedReport[], counted: readonly ScopedReport[], codebook: Codebook, policy: CopiesPolicy): void {
    this.layout = layoutOf(workspace);
    const isCounted = new Set(counted);
    this.reports = new Map(all.map((scoped) => [scoped.entry.uri, { report: scoped.entry.report, path: scoped.path, counted: isCounted.has(scoped) }]));
    this.copies = policy === 'all' ? undefined : new ArticleCopies(all.map((scoped) => scoped.entry.report.facts.copy));
    this.summary.update(counted.map(({ entry, path }): ReportSummaryPart => ({ path, uri: entry.uri, digest: entry.report.facts.digest })));
    this.codebook = codebook;
    this.policy = policy;
    this.edited = new Set();
  }

  /** Brings the summary up to date with the edits alone; false when the scope must be resolved again. */
  catchUp(workspace: ReportWorkspace, policy: CopiesPolicy): boolean {
    if (this.edited === undefined || policy !== this.policy || layoutOf(workspace) !== this.layout) return this.forget();
    const patched: ReportSummaryPart[] = [];
    for (const uri of this.edited) {
      const seen = this.reports.get(uri);
      const entry = seen && workspace.report(uri);
      // A report the scope did not hold may have joined it (opened before its file was seen).
      if (!seen || !entry) return this.forget();
      if (entry.report === seen.report) continue;
      if (this.copies && !this.copies.replace(seen.report.facts.copy, entry.report.facts.copy)) return this.forget();
      this.reports.set(uri, { ...seen, report: entry.report });
      if (seen.counted) patched.push({ path: seen.path, uri, digest: entry.report.facts.digest });
    }
    if (!this.summary.patch(patched)) return this.forget();
    this.edited.clear();
    return true;
  }

  private forget(): false {
    this.edited = undefined;
    return false;
  }
}

/**
 * What places reports in scopes beside the index's changes, which the index
 * does not tell: the workspace folders (a second folder puts its name before
 * every path), and which open reports have a file on disk (a file deleted or
 * restored under an open report changes no report, but takes it out of the
 * dataset or puts it back). A few open reports: cheap to ask each time.
 */
function layoutOf(workspace: ReportWorkspace): string {
  const folders = workspace.workspaceFolders().map((folder) => `${folder.uri} ${folder.name}`);
  const open = workspace.openUris().map((uri) => {
    const entry = workspace.report(uri);
    return entry ? `${uri} ${workspace.isOnDisk(entry)}` : '';
  });
  return JSON.stringify([folders, open]);
}

/** The scopes asked about last, the least recently asked let go beyond `size`. */
class KeptScopes {
  private readonly scopes = new Map<string, KeptScope>();

  constructor(private readonly size: number) {}

  get(key: string): KeptScope | undefined {
    return this.scopes.get(key);
  }

  /** Keeps a scope as the one asked about last. */
  set(key: string, scope: KeptScope): KeptScope {
    this.scopes.delete(key);
    this.scopes.set(key, scope);
    for (const oldest of this.scopes.keys()) {
      if (this.scopes.size <= this.size) break;
      this.scopes.delete(oldest);
    }
    return scope;
  }

  all(): Iterable<KeptScope> {
    return this.scopes.values();
  }
}
