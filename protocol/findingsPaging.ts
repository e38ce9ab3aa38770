// The findings list's orders and the bounds of a page of `findings/findingsPage`:
// plain constants (the order's type is the core's, imported as a type only),
// so that the summary webview's bundle (which validates its saved order and
// bounds its requests) may import them.
import type { FindingsSort } from '../core/summary/findingsSort';

export type { FindingsSort };
export const FINDINGS_SORTS: readonly FindingsSort[] = ['report', 'code', 'area'];

/** The most findings one page holds. */
export const MAX_PAGE_FINDINGS = 200;
/** A finding's text and memo are cut to this many UTF-16 units in a page (never inside a surrogate pair); `cut` says so. */
export const PAGE_TEXT_LIMIT = 600;
