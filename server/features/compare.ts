// `findings/compare`: the copies of a report's article (the reports of its
// workspace folder with the same clean text, as `findings/articleCopies`
// finds them) compared by the core: each passage as the coded reader draws
// it, with its status, and the article's figures.
import { readerPassages, type ReaderCode, type ReaderTheme } from '../../core';
import { annotationOf, compareArticle, groupByArticle, type Annotation } from '../../core/agreement';
import { CompareRequest, type CompareCopy, type CompareParams, type CompareResult } from '../../protocol';
import type { ServerContext } from '../context';
import { guard } from '../guard';
import { string } from '../paramShapes';
import type { ReportEntry } from '../workspaceTypes';

export function registerCompare(context: ServerContext): void {
  const { connection, workspace } = context;
  connection.onRequest(CompareRequest, guard(connection, CompareRequest.method, { uri: string }, async (params: CompareParams): Promise<CompareResult | null> => {
    // The folder's reports are all indexed once the workspace is ready: before, copies would be missing.
    await workspace.ready;
    const entry = workspace.report(params.uri);
    if (!entry) return null;
    const fingerprint = entry.report.facts.fingerprint;
    const entries = new Map<string, ReportEntry>();
    const annotations: Annotation[] = [];
    for (const other of workspace.reports(entry.folder)) {
      if (other.report.facts.fingerprint !== fingerprint) continue;
      const path = workspace.relativeToFolder(entry.folder, other.uri) ?? other.uri;
      entries.set(path, other);
      annotations.push(annotationOf(path, other.report.document, other.folder.codebook.codebook));
    }
    const codebook = entry.folder.codebook.codebook;
    const [group] = groupByArticle(annotations);
    const comparison = group ? compareArticle(group, [...codebook.codes.keys()]) : null;
    if (!group || !comparison) return null;
    const legend = new Legend();
    const copies = comparison.copies.map((compared): CompareCopy => {
      const copy = entries.get(compared.path)!;
      // Each copy's passages as its own codebook reads them; one per span, in the same order as the comparison's.
      const drawn = readerPassages(copy.report.document, copy.folder.codebook.codebook, copy.lines);
      legend.add(drawn.codes, drawn.themes);
      return {
        annotator: compared.annotator,
        path: compared.path,
        uri: copy.uri,
        passages: drawn.passages.map((passage, i) => ({ ...passage, status: compared.passages[i].status, versus: compared.passages[i].versus })),
        counts: compared.counts,
      };
    });
    const asked = readerPassages(entry.report.document, codebook, entry.lines);
    const current = copies.findIndex((copy) => copy.uri === entry.uri);
    return {
      fingerprint,
      current: current < 0 ? null : current,
      cleanText: group.text,
      length: group.length,
      copies,
      figures: comparison.figures,
      // The codebook in force for the report asked about sets the order and colours; what the other copies add comes after.
      codes: legend.codes(asked.codes),
      themes: legend.themes(asked.themes),
    };
  }));
}

/** The codes and themes of every copy, counted together. */
class Legend {
  private readonly codeCounts = new Map<string, ReaderCode>();
  private readonly themeCounts = new Map<string, ReaderTheme>();

  add(codes: readonly ReaderCode[], themes: readonly ReaderTheme[]): void {
    for (const code of codes) this.codeCounts.set(code.name, { ...code, passages: (this.codeCounts.get(code.name)?.passages ?? 0) + code.passages });
    for (const theme of themes) this.themeCounts.set(theme.name, { ...theme, passages: (this.themeCounts.get(theme.name)?.passages ?? 0) + theme.passages });
  }

  codes(first: readonly ReaderCode[]): ReaderCode[] {
    return merged(first, this.codeCounts);
  }

  themes(first: readonly ReaderTheme[]): ReaderTheme[] {
    return merged(first, this.themeCounts);
  }
}

function merged<T extends { readonly name: string; readonly passages: number }>(first: readonly T[], counted: ReadonlyMap<string, T>): T[] {
  const names = new Set(first.map((item) => item.name));
  return [
    ...first.map((item) => ({ ...item, passages: counted.get(item.name)?.passages ?? 0 })),
    ...[...counted.values()].filter((item) => !names.has(item.name) && item.passages > 0),
  ];
}
