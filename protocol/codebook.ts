// The codebook in force, for pickers, the summary panel and the read-only
// view of the built-in codebook.
import { RequestType } from 'vscode-languageserver-protocol';

export interface CodebookParams {
  /** A file whose folder's codebook is meant; the first workspace folder's when missing. */
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
    readonly attributes: ReadonlyArray<{
      readonly name: string;
      readonly required: boolean;
      /** The allowed values; null for free text and for an attribute that holds themes (the codebook's `themes`). */
      readonly values: readonly string[] | null;
      /** The codebook says `values: themes`: the attribute holds the span's themes. */
      readonly holdsThemes: boolean;
      readonly multiple: boolean;
      readonly description: string | null;
    }>;
  }>;
  readonly themes: ReadonlyArray<{ readonly name: string; readonly label: string; readonly definition: string }>;
}
/** `findings/codebook`: the codebook in force for a file. */
export const CodebookRequest = new RequestType<CodebookParams, CodebookSummary, void>('findings/codebook');

export interface CodebookTextParams {
  /** `builtin:send.codebook.yaml`, a `findings-codebook:` URI, or a workspace codebook's path or URI. */
  readonly path: string;
}
export interface CodebookTextResult {
  readonly text: string;
}
/** `findings/codebookText`: the text of a codebook in use (never of any other file). */
export const CodebookTextRequest = new RequestType<CodebookTextParams, CodebookTextResult, void>('findings/codebookText');
