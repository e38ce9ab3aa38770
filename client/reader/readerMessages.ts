// The messages between the coded reader's webview and the extension. The
// webview is untrusted: the host validates everything it receives from it
// (the validators below the types), and the webview validates what it gets.
// Types only above the validators: the webview bundle imports the types.
import type { ReaderResult } from '../../protocol/reader';

export interface ReaderFilters {
  /** Code names that stand out (none chosen: all do). */
  readonly codes: readonly string[];
  readonly themes: readonly string[];
}

/** What the webview keeps with `setState`, for a reload. */
export interface ReaderState {
  readonly uri: string;
  readonly filters: ReaderFilters;
  /** The clean-text offset at the top of the view. */
  readonly offset: number;
}

export type ToReader =
  | { readonly type: 'model'; readonly seq: number; readonly uri: string; readonly model: ReaderResult }
  | { readonly type: 'notice'; readonly seq: number; readonly text: string }
  /** The source editor scrolled: bring this clean offset to the top, without answering `scrolled`. */
  | { readonly type: 'reveal'; readonly offset: number }
  /** What became of the last `tag`. */
  | { readonly type: 'tagged'; readonly ok: boolean; readonly message: string | null }
  /** VS Code restored the panel: the filters and position to take up again. */
  | { readonly type: 'restore'; readonly filters: ReaderFilters; readonly offset: number }
  /** Test builds only: probes answered with `test:reply`. */
  | { readonly type: `test:${string}`; readonly id: number; readonly [key: string]: unknown };

export type FromReader =
  | { readonly type: 'ready' }
  | { readonly type: 'rendered'; readonly seq: number; readonly passages: number; readonly stripes: number }
  /** Reveal and select the passage in the source. */
  | { readonly type: 'open'; readonly passage: number }
  /** Tag the clean-text selection (UTF-16 units, half-open) with these codes (and themes). */
  | { readonly type: 'tag'; readonly start: number; readonly end: number; readonly codes: readonly string[]; readonly themes: readonly string[] }
  /** The clean offset now at the top of the view (throttled). */
  | { readonly type: 'scrolled'; readonly offset: number }
  | { readonly type: 'filters'; readonly codes: readonly string[]; readonly themes: readonly string[] }
  | { readonly type: 'saveHtml' }
  | { readonly type: 'addMemo'; readonly passage: number }
  /** Test builds only: the answer to a probe. */
  | { readonly type: 'test:reply'; readonly id: number; readonly facts: unknown };
