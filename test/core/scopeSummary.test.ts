/**
 * A scope's summary kept from answer to answer: updated by difference it
 * equals a summary made anew, and its findings pages cover what the findings
 * list filters (one predicate, the export's too), in each order, once each.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { analyzeReport, defaultCodebook } from '../../core';
import { selectCopies, type CopyFacts } from '../../core/agreement/countedCopies';
import { ArticleCopies } from '../../core/summary/articleCopies';
import { cutText } from '../../core/summary/cutText';
import { facetValues, matchFindings, pageOf, type FindingsSort } from '../../core/summary/findingsPage';
import { NO_AREA, queryFindings, type FindingFilters } from '../../core/summary/findingsQuery';
import { ScopeSummary, type FindingsPage } from '../../core/summary/scopeSummary';
import { combineReportSummaries, summarizeReport, summaryFinding, type ReportSummaryPart } from '../../core/summary/summarizeReports';
import type { ReportsAggregates, SummaryFindingData } from '../../core/summary/types';
import { reportFilesIn } from '../helpers/repo';
import { buildReport } from '../helpers/report';

const codebook = defaultCodebook();
const ANY: FindingFilters = { code: '', theme: '', area: '', text: '' };
const LIMIT = 600;
const SORTS: readonly FindingsSort[] = ['report', 'code', 'area'];

function part(path: string, text: string): ReportSummaryPart {
  return summarizeReport({ path, uri: `file:///corpus/${path}`, codebook, ...analyzeReport(text, codebook) });
}

/** 599 letters, then an emoji over the cut at 600: the cut falls before it. */
const LONG = `${'a'.repeat(LIMIT - 1)}😀 and more`;
const extras = [
  part('notes/memos.report.md', buildReport(`A [first passage]{.weakness theme=health memo="Ask the SENCO"} and [${LONG}]{.strength memo="${'m'.repeat(LIMIT + 5)}"} [untagged]{#only-id}.\n`, { fields: { area: undefined } })),
  part('notes/empty.report.md', buildReport('Nothing tagged here.\n', { fields: { area: 'Nowhere' } })),
];
const corpus = [
  ...reportFilesIn('samples').map((file) => part(file.name, file.text)),
  ...reportFilesIn('samples', 'broken').map((file) => part(`broken/${file.name}`, file.text)),
  ...extras,
];

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const key = (finding: { path: string; index: number }) => `${finding.path}#${finding.index}`;

function aggregatesOf(summary: ReportsAggregates): string {
  const { totals, byCode, byTheme, byCodeAndTheme, byArea, byFramework, byOutcome, byStatus, byAnnotator } = summary;
  return JSON.stringify({ totals, byCode, byTheme, byCodeAndTheme, byArea, byFramework, byOutcome, byStatus, byAnnotator });
}

/** Every page of a query, `size` findings at a time. */
function allPages(summary: ScopeSummary, filters: FindingFilters, sort: FindingsSort, size: number): { pages: FindingsPage[]; findings: SummaryFindingData[] } {
  const pages: FindingsPage[] = [];
  for (let offset = 0; ; offset += size) {
    const page = summary.page({ filters, sort, offset, limit: size }, LIMIT);
    pages.push(page);
    if (page.findings.length < size) break;
  }
  return { pages, findings: pages.flatMap((page) => page.findings) };
}

/** The findings list's order: a stable sort by a key, findings without one and "(none)" last. */
function stableSorted(findings: readonly SummaryFindingData[], sort: FindingsSort): SummaryFindingData[] {
  if (sort === 'report') return [...findings];
  const keyOf = (finding: SummaryFindingData) => (sort === 'code' ? finding.codes[0] : (finding.area ?? NO_AREA));
  const rank = (value: string | undefined) => (value === undefined || (sort === 'area' && value === NO_AREA) ? 1 : 0);
  return findings
    .map((finding, position) => ({ finding, position, value: keyOf(finding) }))
    .sort((a, b) => rank(a.value) - rank(b.value) || compare(a.value ?? '', b.value ?? '') || a.position - b.position)
    .map(({ finding }) => finding);
}

/** A finding as a page shows it: whole, or cut with `cut: true`. */
function asPaged(finding: SummaryFindingData): SummaryFindingData {
  const text = cutText(finding.text, LIMIT);
  const memo = finding.memo === null ? null : cutText(finding.memo, LIMIT);
  return text === finding.text && memo === finding.memo ? finding : { ...finding, text, memo, cut: true };
}

const FILTERS: ReadonlyArray<Partial<FindingFilters>> = [
  {},
  { code: 'weakness' },
  { theme: 'leadership' },
  { area: 'Hartlepool' },
  { area: NO_AREA },
  { text: 'Significant' },
  { text: 'hartlepool-' },
  { text: 'senco' },
  { text: '  ' },
  { code: 'strength', theme: 'health', text: 'the' },
  { code: 'no-such-code' },
];

describe('core/summary ScopeSummary', () => {
  it('updated by difference equals the summary of the reports present made anew', () => {
    const summary = new ScopeSummary();
    const edited = part('darlington.report.md', buildReport('Only [one]{.strength theme=health}.\n', { fields: { area: 'Elsewhere' } }));
    const steps: ReportSummaryPart[][] = [
      corpus,
      corpus,
      corpus.map((p) => (p.path === 'darlington.report.md' ? edited : p)),
      corpus.slice(3),
      [...corpus.slice(5), ...corpus.slice(0, 2)],
      // Another path for the same URI: the report moved within the scope.
      corpus.map((p, i) => (i === 0 ? { ...p, path: `moved/${p.path}` } : p)),
      [],
      corpus,
    ];
    const changes = steps.map((parts) => {
      const changed = summary.update(parts);
      assert.equal(aggregatesOf(summary.aggregates()), aggregatesOf(combineReportSummaries(parts)));
      return changed;
    });
    assert.deepEqual(changes, [true, false, true, true, true, true, true, true]);
  });

  it('an unchanged scope gives the same aggregates object (nothing is summed again)', () => {
    const summary = new ScopeSummary();
    summary.update(corpus);
    const first = summary.aggregates();
    assert.equal(summary.update(corpus.map((p) => ({ ...p }))), false);
    assert.equal(summary.aggregates(), first);
  });

  for (const sort of SORTS) {
    it(`pages through every finding the filters match exactly once, sorted by ${sort}, as the findings list filters them`, () => {
      const summary = new ScopeSummary();
      summary.update([...corpus].reverse());
      const whole = combineReportSummaries(corpus);
      for (const partial of FILTERS) {
        const filters = { ...ANY, ...partial };
        const expected = queryFindings(whole.findings, filters);
        for (const size of [1, 7, 200]) {
          const { pages, findings } = allPages(summary, filters, sort, size);
          const label = `${JSON.stringify(partial)} by ${size}`;
          assert.deepEqual(findings, stableSorted(expected.matching, sort).map(asPaged), label);
          assert.equal(new Set(findings.map(key)).size, findings.length, `${label}: each once`);
          for (const page of pages) {
            assert.equal(page.total, whole.findings.length);
            assert.equal(page.matching, expected.matching.length, label);
          }
        }
      }
    });
  }

  it('lists each filter\'s values among the scope\'s findings, sorted with "(none)" last, counted as the findings list counts them', () => {
    const summary = new ScopeSummary();
    summary.update(corpus);
    const whole = combineReportSummaries(corpus);
    const values = (of: (finding: SummaryFindingData) => readonly string[]) => [...new Set(whole.findings.flatMap(of))].sort();
    const codes = values((finding) => finding.codes);
    const themes = values((finding) => finding.themes);
    const areas = [...values((finding) => (finding.area === null ? [] : [finding.area])), NO_AREA];
    assert.ok(!areas.includes('Nowhere'), 'a report without findings offers its area nothing');
    for (const partial of FILTERS) {
      const filters = { ...ANY, ...partial };
      const { counts, matching } = queryFindings(whole.findings, filters);
      const page = summary.page({ filters, sort: 'report', offset: 0, limit: 0 }, LIMIT);
      assert.deepEqual(page.findings, [], 'limit 0: the counts alone');
      assert.deepEqual(page.facets.code, codes.map((value) => ({ value, count: counts.code.get(value) ?? 0 })));
      assert.deepEqual(page.facets.theme, themes.map((value) => ({ value, count: counts.theme.get(value) ?? 0 })));
      assert.deepEqual(page.facets.area, areas.map((value) => ({ value, count: counts.area.get(value) ?? 0 })));
      // The counts add up with what matches: a value chosen counts what the list shows; the areas split it.
      if (filters.code !== '' && codes.includes(filters.code)) assert.equal(page.facets.code.find((facet) => facet.value === filters.code)!.count, matching.length);
      const byArea = page.facets.area.reduce((sum, facet) => sum + facet.count, 0);
      if (filters.area === '') assert.equal(byArea, matching.length, 'every finding has one area');
      else assert.equal(page.facets.area.find((facet) => facet.value === filters.area)?.count ?? 0, matching.length);
    }
  });

  it('cuts a long text or memo to the limit, never inside a surrogate pair, and says so', () => {
    const summary = new ScopeSummary();
    summary.update(extras);
    const page = summary.page({ filters: ANY, sort: 'report', offset: 0, limit: 10 }, LIMIT);
    const long = page.findings.find((finding) => finding.text.startsWith('aaa'))!;
    assert.equal(long.text, 'a'.repeat(LIMIT - 1));
    assert.equal(long.memo, 'm'.repeat(LIMIT));
    assert.equal(long.cut, true);
    const short = page.findings.find((finding) => finding.text === 'first passage')!;
    assert.deepEqual(short, summaryFinding(extras[0], extras[0].digest.findings[0]));
    assert.equal('cut' in short, false);
    assert.equal(cutText('ab😀', 3), 'ab');
    assert.equal(cutText('ab😀', 4), 'ab😀');
    assert.equal(cutText('abc', 0), '');
  });

  it('answers offsets past the end with no findings, and a page after an update with the new findings', () => {
    const summary = new ScopeSummary();
    summary.update(corpus);
    const total = summary.aggregates().totals.findings;
    const past = summary.page({ filters: ANY, sort: 'code', offset: total + 5, limit: 10 }, LIMIT);
    assert.deepEqual([past.findings, past.offset, past.matching], [[], total + 5, total]);
    const before = summary.page({ filters: { ...ANY, text: 'freshly added' }, sort: 'report', offset: 0, limit: 10 }, LIMIT);
    assert.equal(before.matching, 0);
    const added = part('zz.report.md', buildReport('[Freshly added]{.weakness theme=health}\n'));
    summary.update([...corpus, added]);
    const after = summary.page({ filters: { ...ANY, text: 'freshly added' }, sort: 'report', offset: 0, limit: 10 }, LIMIT);
    assert.deepEqual(after.findings.map(key), ['zz.report.md#0']);
    assert.equal(after.total, total + 1);
  });

  it('patched with new digests for some of its reports, answers pages and aggregates as a summary made anew, the kept query followed', () => {
    const base = corpus.slice(0, 9);
    const step = fc.record({
      patches: fc.array(fc.record({ at: fc.nat(base.length - 1), from: fc.nat(corpus.length - 1) }), { maxLength: 3 }),
      filters: fc.constantFrom(...FILTERS),
      sort: fc.constantFrom(...SORTS),
      offset: fc.nat(40),
      size: fc.integer({ min: 0, max: 12 }),
    });
    fc.assert(fc.property(fc.array(step, { minLength: 1, maxLength: 8 }), (steps) => {
      const summary = new ScopeSummary();
      summary.update(base);
      let current = [...base];
      for (const { patches, filters, sort, offset, size } of steps) {
        // Another report's digest at this report's URI and path: its findings, fields and counts change at once.
        const parts = patches.map(({ at, from }) => ({ ...current[at], digest: corpus[from].digest }));
        assert.equal(summary.patch(parts), true);
        for (const part of parts) current = current.map((p) => (p.uri === part.uri ? part : p));
        const fresh = new ScopeSummary();
        fresh.update(current);
        const query = { filters: { ...ANY, ...filters }, sort, offset, limit: size };
        assert.deepEqual(summary.page(query, LIMIT), fresh.page(query, LIMIT));
        assert.equal(aggregatesOf(summary.aggregates()), aggregatesOf(fresh.aggregates()));
      }
    }), { numRuns: 150 });
  });

  it('refuses a patch for a report it does not hold, or at another path, changing nothing', () => {
    const summary = new ScopeSummary();
    summary.update(corpus.slice(0, 3));
    const before = aggregatesOf(summary.aggregates());
    assert.equal(summary.patch([{ ...corpus[0], digest: corpus[4].digest }, corpus[3]]), false);
    assert.equal(summary.patch([{ ...corpus[1], path: 'elsewhere.report.md', digest: corpus[4].digest }]), false);
    assert.equal(aggregatesOf(summary.aggregates()), before);
    assert.equal(summary.patch([]), true);
  });

  it('pages generated scopes as a filter of the whole list would, whatever the order of updates', () => {
    const pool = corpus.slice(0, 8);
    fc.assert(fc.property(fc.array(fc.subarray(pool), { minLength: 1, maxLength: 4 }), fc.constantFrom(...FILTERS), fc.constantFrom(...SORTS), fc.integer({ min: 1, max: 9 }), (scopes, partial, sort, size) => {
      const summary = new ScopeSummary();
      for (const parts of scopes) summary.update(parts);
      const last = scopes[scopes.length - 1];
      const filters = { ...ANY, ...partial };
      const expected = stableSorted(queryFindings(combineReportSummaries(last).findings, filters).matching, sort).map(asPaged);
      assert.deepEqual(allPages(summary, filters, sort, size).findings, expected);
    }), { numRuns: 60 });
  });
});

describe('core/summary ArticleCopies (when an edit leaves the copies counted as they were)', () => {
  it('says so only when choosing the copies again would choose the same', () => {
    const facts = fc.record({
      fingerprint: fc.constantFrom('f1', 'f2', 'f3', undefined),
      annotator: fc.constantFrom('jd', 'mk', 'adjudicated', undefined),
      status: fc.constantFrom('draft', 'reviewed', undefined),
    });
    let kept = 0;
    const named = (list: ReadonlyArray<typeof facts extends fc.Arbitrary<infer T> ? T : never>): CopyFacts[] => list.map((report, i) => ({ ...report, path: `r${i}.report.md` }));
    const leftOut = (list: Parameters<typeof named>[0]) => [...selectCopies(named(list), 'one').leftOut.keys()].sort();
    fc.assert(fc.property(fc.array(facts, { minLength: 1, maxLength: 6 }), fc.array(fc.record({ which: fc.nat(5), after: facts }), { maxLength: 6 }), (first, changes) => {
      let reports = first;
      let copies = new ArticleCopies(reports);
      for (const { which, after } of changes) {
        const at = which % reports.length;
        const changed = reports.map((report, i) => (i === at ? after : report));
        if (copies.replace(reports[at], after)) {
          kept++;
          assert.deepEqual(leftOut(changed), leftOut(reports));
        } else {
          // As the server does: the scope is resolved again.
          copies = new ArticleCopies(changed);
        }
        reports = changed;
      }
    }), { numRuns: 500 });
    assert.ok(kept > 100, `${kept} changes kept the choice`);
  });
});

describe('core/summary ScopeSummary: the unfiltered list in report order', () => {
  it('gives, from the aggregates, the very pages and counts the query gives', () => {
    fc.assert(fc.property(fc.subarray(corpus, { minLength: 0 }), fc.nat(260), fc.integer({ min: 0, max: 200 }), (parts, offset, limit) => {
      const summary = new ScopeSummary();
      summary.update(parts);
      const fast = summary.page({ filters: ANY, sort: 'report', offset, limit }, LIMIT);
      const ordered = summary.reports();
      const matched = matchFindings(ordered, ANY, 'report');
      const aggregates = summary.aggregates();
      assert.equal(fast.total, aggregates.totals.findings);
      assert.equal(fast.matching, matched.length);
      assert.deepEqual(fast.findings, pageOf(ordered, matched, offset, limit, LIMIT));
      assert.deepEqual(fast.facets.code, facetValues(Object.keys(aggregates.byCode).sort(compare), matched.counts.code));
      assert.deepEqual(fast.facets.theme, facetValues(Object.keys(aggregates.byTheme).sort(compare), matched.counts.theme));
      assert.deepEqual(fast.facets.area.map((facet) => [facet.value, facet.count]), [...matched.counts.area.entries()].sort((a, b) => (a[0] === NO_AREA ? 1 : b[0] === NO_AREA ? -1 : compare(a[0], b[0]))));
    }), { numRuns: 150 });
  });
});
