import type { CopyFacts } from '../agreement/countedCopies';

/** What telling copies apart reads of a report (selectCopies): its article's fingerprint, annotator and status. */
export type CopyKey = Pick<CopyFacts, 'fingerprint' | 'annotator' | 'status'>;

/**
 * How many reports of a scope share each article fingerprint: enough to tell
 * whether one report's new copy facts can change which copies a summary
 * counts. selectCopies chooses among reports of one fingerprint; a report
 * alone with its fingerprint (or without one) always counts, and whatever it
 * becomes while it stays alone leaves every choice as it was.
 */
export class ArticleCopies {
  private readonly sizes = new Map<string, number>();

  constructor(reports: Iterable<CopyKey>) {
    for (const report of reports) this.count(report.fingerprint, 1);
  }

  /**
   * Whether a report's facts changing from `before` to `after` leaves the
   * copies chosen as they were; when so, the counts follow the change.
   */
  replace(before: CopyKey, after: CopyKey): boolean {
    if (before.fingerprint === after.fingerprint) return this.alone(before.fingerprint) || (before.annotator === after.annotator && before.status === after.status);
    if (!this.alone(before.fingerprint) || (after.fingerprint !== undefined && this.sizes.has(after.fingerprint))) return false;
    this.count(before.fingerprint, -1);
    this.count(after.fingerprint, 1);
    return true;
  }

  private alone(fingerprint: string | undefined): boolean {
    return fingerprint === undefined || (this.sizes.get(fingerprint) ?? 0) <= 1;
  }

  private count(fingerprint: string | undefined, change: 1 | -1): void {
    if (fingerprint === undefined) return;
    const size = (this.sizes.get(fingerprint) ?? 0) + change;
    if (size > 0) this.sizes.set(fingerprint, size);
    else this.sizes.delete(fingerprint);
  }
}
