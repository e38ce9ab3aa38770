import { countCorpus, countDocument, type Codebook, type CorpusCounts } from '../../core';
import { analyzeFiles } from '../loadReports';
import type { ReportFile } from '../files';
import { ExitCode, type Output } from '../output';
import { renderTable } from '../table';

export interface StatsOptions {
  readonly format: 'text' | 'json';
}

export async function runStats(files: readonly ReportFile[], codebook: Codebook, options: StatsOptions, output: Output): Promise<{ code: ExitCode; unreadable: readonly string[] }> {
  const { results, unreadable } = await analyzeFiles(files, codebook, (path, _text, report) => countDocument(path, report.document, codebook));
  const corpus = countCorpus(results);
  output.out(options.format === 'json' ? JSON.stringify(corpus, null, 2) + '\n' : renderStats(corpus, codebook));
  return { code: ExitCode.Ok, unreadable };
}

/** Codes by theme for the corpus, then codes by report. */
function renderStats(corpus: CorpusCounts, codebook: Codebook): string {
  const codes = orderedKeys(codebook.codes.keys(), Object.keys(corpus.byCode));
  const themes = orderedKeys(codebook.themes.keys(), Object.keys(corpus.byTheme));
  const byTheme = renderTable(
    ['theme', ...codes, 'total'],
    [
      ...themes.map((theme) => [theme, ...codes.map((code) => corpus.byCodeAndTheme[code]?.[theme] ?? 0), corpus.byTheme[theme] ?? 0]),
      ['all spans', ...codes.map((code) => corpus.byCode[code] ?? 0), corpus.spans],
    ],
  );
  const byReport = renderTable(
    ['report', ...codes, 'spans'],
    corpus.perDocument.map((document) => [document.path, ...codes.map((code) => document.byCode[code] ?? 0), document.spans]),
  );
  return `Spans by theme and code (${corpus.documents} reports, ${corpus.spans} spans)\n\n${byTheme}\nSpans by report and code\n\n${byReport}`;
}

/** The codebook's order first, then anything else found in the reports. */
function orderedKeys(defined: Iterable<string>, found: string[]): string[] {
  const keys = [...defined];
  for (const key of found.sort()) if (!keys.includes(key)) keys.push(key);
  return keys.filter((key) => found.includes(key));
}
