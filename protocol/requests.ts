// Custom requests between the VS Code client and the language server.
// Plain data only: both sides import this file, neither side's libraries.

/** The codebook in force, for quick picks and the summary panel. */
export const CodebookRequest = 'findings/codebook';
export interface CodebookParams {
  readonly uri?: string;
}
export interface CodebookSummary {
  readonly name: string;
  readonly version: string;
  readonly codes: ReadonlyArray<{
    readonly name: string;
    readonly label: string;
    readonly description: string;
    readonly color: string;
    readonly attributes: ReadonlyArray<{ readonly name: string; readonly required: boolean; readonly values: readonly string[] | null; readonly multiple: boolean; readonly description: string | null }>;
  }>;
  readonly themes: ReadonlyArray<{ readonly name: string; readonly label: string; readonly definition: string }>;
}

/** The text of a codebook source, so the client can show the built-in one read-only. */
export const CodebookTextRequest = 'findings/codebookText';
export interface CodebookTextParams {
  /** `builtin:send.codebook.yaml` or a workspace codebook path. */
  readonly path: string;
}
export interface CodebookTextResult {
  readonly text: string;
}

/** Span counts of one report, for the status bar. */
export const DocumentCountsRequest = 'findings/documentCounts';
export interface DocumentCountsParams {
  readonly uri: string;
}
export interface DocumentCountsResult {
  readonly spans: number;
  readonly byCode: Readonly<Record<string, number>>;
  readonly errors: number;
  readonly warnings: number;
}

/** The URI scheme under which the client shows the built-in codebook, read-only. */
export const BUILTIN_CODEBOOK_SCHEME = 'findings-codebook';
