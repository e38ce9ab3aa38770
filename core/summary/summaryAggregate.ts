import { CountsSum } from '../stats/counts';
import type { DigestFields, ReportDigest } from './reportDigest';
import { NO_VALUE, type ReportsAggregates, type SummaryTally } from './types';

/** The front-matter fields a summary tallies reports by, and the key of each tally. */
const TALLIED = [
  ['area', 'byArea'],
  ['framework', 'byFramework'],
  ['outcome', 'byOutcome'],
  ['status', 'byStatus'],
  ['annotator', 'byAnnotator'],
] as const satisfies ReadonlyArray<readonly [keyof DigestFields, keyof ReportsAggregates]>;

type TallyKey = (typeof TALLIED)[number][1];

interface TallyRow {
  reports: number;
  findings: number;
}

/**
 * The counts and tallies of a set of reports, kept up to date report by
 * report: adding or removing one report's digest costs that report's keys,
 * and the aggregates always equal those of the reports present, summed anew.
 */
export class SummaryAggregate {
  private readonly counts = new CountsSum();
  private readonly tallies = new Map<TallyKey, Map<string, TallyRow>>(TALLIED.map(([, key]) => [key, new Map()]));
  private reports = 0;
  private errors = 0;
  private warnings = 0;
  private reportsWithErrors = 0;
  private made: ReportsAggregates | undefined;

  add(digest: ReportDigest): void {
    this.apply(digest, 1);
  }

  /** Takes away a digest added before. */
  remove(digest: ReportDigest): void {
    this.apply(digest, -1);
  }

  /** The aggregates, every key sorted and reports without a field last; made again only after a change. */
  aggregates(): ReportsAggregates {
    return (this.made ??= this.make());
  }

  private apply(digest: ReportDigest, sign: 1 | -1): void {
    this.made = undefined;
    if (sign === 1) this.counts.add(digest.counts);
    else this.counts.remove(digest.counts);
    this.reports += sign;
    this.errors += sign * digest.errors;
    this.warnings += sign * digest.warnings;
    if (digest.errors > 0) this.reportsWithErrors += sign;
    for (const [field, key] of TALLIED) {
      const tally = this.tallies.get(key)!;
      const value = digest.fields[field] ?? NO_VALUE;
      let row = tally.get(value);
      if (!row) tally.set(value, (row = { reports: 0, findings: 0 }));
      row.reports += sign;
      row.findings += sign * digest.counts.spans;
      if (row.reports === 0) tally.delete(value);
    }
  }

  private make(): ReportsAggregates {
    const { spans, byCode, byTheme, byCodeAndTheme } = this.counts.counts();
    const tally = (key: TallyKey) => sortedTally(this.tallies.get(key)!);
    return {
      totals: { reports: this.reports, findings: spans, errors: this.errors, warnings: this.warnings, reportsWithErrors: this.reportsWithErrors },
      byCode,
      byTheme,
      byCodeAndTheme,
      byArea: tally('byArea'),
      byFramework: tally('byFramework'),
      byOutcome: tally('byOutcome'),
      byStatus: tally('byStatus'),
      byAnnotator: tally('byAnnotator'),
    };
  }
}

/** Keys sorted, with reports lacking the field last; rows copied, so that later changes leave an answer given alone. */
function sortedTally(tally: ReadonlyMap<string, TallyRow>): Record<string, SummaryTally> {
  const keys = [...tally.keys()].sort((a, b) => (a === NO_VALUE ? 1 : b === NO_VALUE ? -1 : a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(keys.map((key) => {
    const { reports, findings } = tally.get(key)!;
    return [key, { reports, findings }];
  }));
}
