// The pages of findings the webview holds for its list: asked of the
// extension a page at a time, kept for one query (scope, filters, order) and
// one index generation. A newer generation keeps the old pages as stand-ins
// (drawn, not clickable) until their fresh copies arrive; a new query starts
// empty. Answers to requests not made for the current query, or computed
// before the generation held, are dropped. No DOM.
import type { FindingsPageResult, SummaryFinding } from '../../protocol';

export interface PageCounts {
  readonly total: number;
  readonly matching: number;
  readonly facets: FindingsPageResult['facets'];
}

/** What a row shows: the finding (fresh, or a stand-in from an older generation), an error, or nothing yet. */
export type RowContent =
  | { readonly kind: 'finding'; readonly finding: SummaryFinding }
  | { readonly kind: 'stale'; readonly finding: SummaryFinding }
  | { readonly kind: 'failed'; readonly error: string }
  | { readonly kind: 'loading' };

export type Accepted = 'stored' | 'newer generation' | 'dropped';

export class FindingsPages {
  private query = '';
  private generationHeld = -1;
  private readonly pages = new Map<number, readonly SummaryFinding[]>();
  private stale = new Map<number, readonly SummaryFinding[]>();
  private readonly failed = new Map<number, string>();
  /** requestId -> page number, for the current query and generation. */
  private readonly pending = new Map<number, number>();
  private countsHeld: PageCounts | null = null;

  constructor(readonly pageSize: number, private readonly maxPages: number) {}

  get generation(): number {
    return this.generationHeld;
  }

  /** The counts of the last answer for the query; null until one came. */
  get counts(): PageCounts | null {
    return this.countsHeld;
  }

  /** Starts over for another query (scope, filters or order): every page and count is another's. */
  setQuery(query: string, generation: number): boolean {
    if (query === this.query) {
      this.setGeneration(generation);
      return false;
    }
    this.query = query;
    this.generationHeld = generation;
    this.pages.clear();
    this.stale.clear();
    this.failed.clear();
    this.pending.clear();
    this.countsHeld = null;
    return true;
  }

  /** A newer index generation: the pages become stand-ins and are asked for again. */
  setGeneration(generation: number): boolean {
    if (generation <= this.generationHeld) return false;
    this.generationHeld = generation;
    // Stand-ins of the newest pages first; older stand-ins only where no newer page covers.
    for (const [page, findings] of this.pages) this.stale.set(page, findings);
    this.pages.clear();
    this.failed.clear();
    this.pending.clear();
    return true;
  }

  /** Forgets the failures (a refresh retries them). */
  retry(): void {
    this.failed.clear();
  }

  /** The pages rows `first` to `end` need that are neither held, nor asked for, nor failed. */
  missing(first: number, end: number): number[] {
    const asked = new Set(this.pending.values());
    const wanted: number[] = [];
    const last = end > first ? Math.floor((end - 1) / this.pageSize) : Math.floor(first / this.pageSize);
    for (let page = Math.floor(first / this.pageSize); page <= last; page++) {
      if (!this.pages.has(page) && !asked.has(page) && !this.failed.has(page)) wanted.push(page);
    }
    return wanted;
  }

  requested(requestId: number, page: number): void {
    this.pending.set(requestId, page);
  }

  /** How many answers are awaited. */
  get pendingCount(): number {
    return this.pending.size;
  }

  /** Whether the answer `requestId` is still awaited. */
  isPending(requestId: number): boolean {
    return this.pending.has(requestId);
  }

  /**
   * Takes an answer: stored when it is one awaited for the query; when it
   * was computed at a newer generation, the other pages become stand-ins
   * (the caller asks again for what is in view). `keep` says which pages
   * are in view, which are never evicted.
   */
  accept(requestId: number, query: string, answer: FindingsPageResult, keep: (page: number) => boolean): Accepted {
    const page = this.pending.get(requestId);
    if (page === undefined || query !== this.query) return 'dropped';
    this.pending.delete(requestId);
    // Computed before the generation held (or by a server since restarted): the next drawing asks again.
    if (answer.generation < this.generationHeld) return 'dropped';
    const newer = this.setGeneration(answer.generation);
    this.pages.set(page, answer.findings);
    this.stale.delete(page);
    this.countsHeld = { total: answer.total, matching: answer.matching, facets: answer.facets };
    this.evict(keep);
    return newer ? 'newer generation' : 'stored';
  }

  /** A request that gets no page: superseded (asked again when still needed) or failed (shown in its rows). */
  dropped(requestId: number, error: string | null): boolean {
    const page = this.pending.get(requestId);
    if (page === undefined) return false;
    this.pending.delete(requestId);
    if (error !== null) this.failed.set(page, error);
    return true;
  }

  content(index: number): RowContent {
    const page = Math.floor(index / this.pageSize);
    const at = index - page * this.pageSize;
    const fresh = this.pages.get(page);
    if (fresh) return at < fresh.length ? { kind: 'finding', finding: fresh[at] } : { kind: 'loading' };
    const error = this.failed.get(page);
    if (error !== undefined) return { kind: 'failed', error };
    const old = this.stale.get(page)?.[at];
    return old ? { kind: 'stale', finding: old } : { kind: 'loading' };
  }

  /** Whether rows `first` to `end` are all answered (a page or a failure) and the counts are known. */
  settled(first: number, end: number): boolean {
    if (this.countsHeld === null) return this.failed.size > 0 && this.pending.size === 0;
    for (let page = Math.floor(first / this.pageSize); page * this.pageSize < end; page++) {
      if (!this.pages.has(page) && !this.failed.has(page)) return false;
    }
    return true;
  }

  /** The fresh findings held, with their positions: where a focused finding may have moved to. */
  *held(): Iterable<[number, SummaryFinding]> {
    for (const [page, findings] of this.pages) {
      for (let i = 0; i < findings.length; i++) yield [page * this.pageSize + i, findings[i]];
    }
  }

  /** Keeps at most maxPages, dropping the first taken that are not in view. */
  private evict(keep: (page: number) => boolean): void {
    for (const page of this.pages.keys()) {
      if (this.pages.size <= this.maxPages) break;
      if (!keep(page)) this.pages.delete(page);
    }
    for (const page of this.stale.keys()) {
      if (this.stale.size <= this.maxPages) break;
      if (!keep(page)) this.stale.delete(page);
    }
  }
}
