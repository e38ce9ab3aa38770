// The reader models the server builds, each once per report content and
// codebook. A report's passages after an edit are built from those before it
// (core/reader/passagesAfterEdit.ts): the tints and the reader ask after
// every keystroke, and most passages did not change. Each model gets a
// revision; the last ones answered are kept, so that a client naming the
// one it holds is answered with what changed since (core/reader/readerDiff.ts).
import { randomBytes } from 'node:crypto';
import { readerModel, readerPassages, type Codebook, type IndexedReport, type LineIndex, type ReaderModel, type ReaderPassages } from '../../core';
import { readerPassagesAfterEdit, type PassagesBefore } from '../../core/reader/passagesAfterEdit';
import { readerDelta, type ReaderSnapshot } from '../../core/reader/readerDiff';
import type { ReaderDeltaResult, ReaderResult } from '../../protocol';
import type { ReportEntry } from '../workspaceTypes';

/** Models answered and kept for deltas (a reader asks from the last one it was sent; a few readers may be open). */
const KEPT_ANSWERS = 8;
/** Open reports whose last parse and passages are kept to build the next edit's from (a parse is large: few). */
const KEPT_REPORTS = 8;

/** What was built of a report's content with a codebook (kept as long as the index keeps the report). */
interface Built {
  readonly codebook: Codebook;
  readonly lines: LineIndex;
  readonly passages: ReaderPassages;
  answer?: { readonly revision: string; readonly snapshot: ReaderSnapshot };
}

/** An open report's last parse and passages. */
interface Latest extends PassagesBefore {
  readonly codebook: Codebook;
}

export class ReaderModels {
  private readonly built = new WeakMap<IndexedReport, Built>();
  /** By URI, the passages built last for an open report: the next edit's start from them. */
  private readonly latest = new Map<string, Latest>();
  /** By revision, the models answered last, the latest last. */
  private readonly answered = new Map<string, ReaderSnapshot>();
  /** Revisions are new to each server: a restarted one never takes an old revision for one of its own. */
  private readonly prefix = randomBytes(6).toString('hex');
  private count = 0;

  /** A report's passages (for the editor's tints). */
  passages(entry: ReportEntry): ReaderPassages {
    return this.build(entry).passages;
  }

  /** The whole model, with its revision. */
  model(entry: ReportEntry): ReaderResult {
    const { revision, snapshot } = this.answer(entry);
    return { ...snapshot.model, version: entry.version, revision };
  }

  /** The model, or what changed since the model of `since` when that one is still known. */
  update(entry: ReportEntry, since: string | undefined): ReaderResult | ReaderDeltaResult {
    const { revision, snapshot } = this.answer(entry);
    const before = since === undefined ? undefined : this.answered.get(since);
    if (since === undefined || !before) return { ...snapshot.model, version: entry.version, revision };
    return { ...readerDelta(since, before, snapshot), version: entry.version, revision };
  }

  private answer(entry: ReportEntry): NonNullable<Built['answer']> {
    const built = this.build(entry);
    if (!built.answer) {
      const name = entry.report.path.slice(entry.report.path.lastIndexOf('/') + 1);
      const document = entry.report.document;
      const model: ReaderModel = readerModel(name, document, built.codebook, built.lines, built.passages);
      built.answer = { revision: `${this.prefix}.${++this.count}`, snapshot: { model, text: document.text, lines: built.lines } };
    }
    keepLast(this.answered, built.answer.revision, built.answer.snapshot, KEPT_ANSWERS);
    return built.answer;
  }

  private build(entry: ReportEntry): Built {
    const codebook = entry.folder.codebook.codebook;
    const found = this.built.get(entry.report);
    if (found && found.codebook === codebook) return found;
    const document = entry.report.document;
    const lines = entry.lines;
    const before = this.latest.get(entry.uri);
    const passages = before && before.codebook === codebook
      ? readerPassagesAfterEdit(before, document, codebook, lines)
      : readerPassages(document, codebook, lines);
    const built: Built = { codebook, lines, passages };
    this.built.set(entry.report, built);
    // Only an open report is edited; a closed one's parse is left to the index to keep or let go.
    if (entry.version !== null) keepLast(this.latest, entry.uri, { codebook, document, lines, passages }, KEPT_REPORTS);
    else this.latest.delete(entry.uri);
    return built;
  }
}

/** Sets a key as the latest of a map that keeps at most `most` (the oldest go). */
function keepLast<K, V>(map: Map<K, V>, key: K, value: V, most: number): void {
  map.delete(key);
  map.set(key, value);
  for (const oldest of map.keys()) {
    if (map.size <= most) break;
    map.delete(oldest);
  }
}
