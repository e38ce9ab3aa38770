// A report's clean text, as the server parsed it: the client shows it beside
// the report's source article ("Show the difference") without parsing.
import { RequestType } from 'vscode-languageserver-protocol';

export interface CleanTextParams {
  /** The report's URI. */
  readonly uri: string;
}
export interface CleanTextResult {
  /** The article text: the body with the span markup removed. */
  readonly text: string;
}
/** `findings/cleanText`: a report's clean text; null for a file that is not a report. */
export const CleanTextRequest = new RequestType<CleanTextParams, CleanTextResult | null, void>('findings/cleanText');
