import { RequestType } from 'vscode-languageserver-protocol';

export interface DocumentCountsParams {
  readonly uri: string;
}
export interface DocumentCountsResult {
  readonly spans: number;
  readonly byCode: Readonly<Record<string, number>>;
  readonly errors: number;
  readonly warnings: number;
}
/** `findings/documentCounts`: span and problem counts of one report, for the status bar; null for a file that is not a report. */
export const DocumentCountsRequest = new RequestType<DocumentCountsParams, DocumentCountsResult | null, void>('findings/documentCounts');
