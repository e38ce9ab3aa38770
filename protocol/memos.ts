// Memos: a note on a passage (its `memo` attribute, which every code
// accepts) or on a report (the front-matter field `memo`). The server writes
// and lists them; the client only asks and applies the edit.
import { RequestType, type Position, type Range } from 'vscode-languageserver-protocol';
import type { FindingsScope } from './scope';

export interface MemoEditParams {
  /** The report, and the version the position is of (an edit since gives ContentModified). */
  readonly textDocument: { readonly uri: string; readonly version: number };
  /** A position in the passage (its text or its markup): the innermost passage there gets the memo. */
  readonly position?: Position;
  /** Or the passage by its index (document order of opening brackets). */
  readonly passage?: number;
  /** The memo's text; '' removes the memo. */
  readonly memo: string;
}

export interface MemoEditResult {
  /** Apply together, as one undo step; the article text is never changed. */
  readonly edits: ReadonlyArray<{ readonly range: Range; readonly newText: string }>;
  /** The passage given the memo. */
  readonly passage: number;
}
/** `findings/memoEdit`: the edit that sets, replaces or removes a passage's memo, quoted and escaped; null when no passage is there. */
export const MemoEditRequest = new RequestType<MemoEditParams, MemoEditResult | null, void>('findings/memoEdit');

export interface MemoAtParams {
  readonly uri: string;
  readonly position: Position;
}
export interface MemoAtResult {
  readonly passage: number;
  /** The passage's memo as it reads (quotes removed, escapes resolved); '' without one. */
  readonly memo: string;
  /** The passage's codes, for the prompt. */
  readonly codes: readonly string[];
  /** The tagged text (clean), shortened for a prompt. */
  readonly excerpt: string;
}
/** `findings/memoAt`: the innermost passage at a position and its memo; null when there is none. */
export const MemoAtRequest = new RequestType<MemoAtParams, MemoAtResult | null, void>('findings/memoAt');

export interface MemoEntry {
  readonly uri: string;
  /** Relative to the workspace folder, with `/`. */
  readonly path: string;
  readonly kind: 'passage' | 'report';
  /** The passage's index; null for a report's memo. */
  readonly passage: number | null;
  readonly codes: readonly string[];
  readonly themes: readonly string[];
  /** The passage's tagged text (clean, shortened); the report's area or file name for a report memo. */
  readonly excerpt: string;
  readonly memo: string;
  /** Where to go: the passage's tagged text, or the memo field's value. */
  readonly range: Range;
}
export interface MemosParams {
  /** Default: the whole workspace. */
  readonly scope?: FindingsScope;
}
export interface MemosResult {
  /** In path order, then document order. */
  readonly memos: readonly MemoEntry[];
}
/** `findings/memos`: every memo of a scope (passages and reports), from the server's index. */
export const MemosRequest = new RequestType<MemosParams, MemosResult, void>('findings/memos');
