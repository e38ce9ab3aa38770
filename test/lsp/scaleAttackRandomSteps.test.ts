// A random walk through what a researcher's workspace goes through: reports
// opened, edited (incrementally and whole), saved, closed, written, deleted,
// renamed and created on disk, the `.findingsignore` and the codebook
// rewritten, the copies policy switched, a nested folder added to the
// workspace and taken away again. After every step the summary panel's
// answers (the aggregates and the findings read page by page, filtered and
// sorted, of the workspace and of its subfolder) must come to equal
// `findings stats` and `findings export` of what the editor shows (the files
// on disk, open reports with their edits), run at the root of each workspace
// folder. Seeds are fixed: a failure replays.
import type { FindingRow } from '../../core/export/exportRows';
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FindingsPageRequest, MAX_PAGE_FINDINGS, SummaryRequest, type FindingFilters, type FindingsSort, type SummaryResult } from '../../protocol';
import { runCli } from '../helpers/cli';
import { buildReport } from '../helpers/report';
import { TempDir } from '../helpers/tempDir';
import { concernCodebook } from './concernCodebook';
import { listFindings, NO_FILTERS } from './findingsPages';
import { LspClient, uriOf } from './lspClient';
import { LspText } from './lspTextModel';
import { SeededRandom } from './seededRandom';

const CREATED = 1;
const CHANGED = 2;
const DELETED = 3;

/** Sentences of four articles; a report's article is one of them (copies share it), tagged at random. */
const ARTICLES: readonly (readonly string[])[] = [
  ['Parents said they had to fight for assessments.', 'Leaders in Darlington promised change.', 'Waiting times grew — again.'],
  ['Straße and İstanbul are not areas.', 'The ΣΊΣΥΦΟΣ plan (regex) a.b*c failed.', 'Families 😀 welcomed the SENCO.'],
  ['Transport to school was unreliable.', 'Health visitors were stretched [sic].', 'The Kelvin K sign and ﬁle ligature stay text.'],
  ['Co-production improved in places.', 'Outcomes for young adults were poor.', 'Inspectors met 40 families.'],
];
const CODES = ['weakness', 'strength', 'recommendation', 'concern'];
const THEMES = ['health', 'leadership', 'identification', 'outcomes', 'transport'];
const AREAS: readonly (string | undefined)[] = ['Darlington', 'Hartlepool', 'Stoke-on-Trent', undefined, 'North Somerset'];
const ANNOTATORS = ['jd', 'mk', 'adjudicated'];
const STATUSES = ['draft', 'reviewed'];
const TEXT_QUERIES = ['parents', 'PLAN', 'a.b*c', '(regex)', '😀', 'straße', 'STRASSE', 'ı', 'k', 'notes', 'memo', '.report', ' ', '[sic]'];
const CODEBOOKS: readonly string[] = [
  concernCodebook(),
  // `topic` holds themes too for a concern: its spans' themes change without a character of them changing.
  concernCodebook().replace('      theme: { values: themes, multiple: true }', '      theme: { values: themes, multiple: true }\n      topic: { values: themes, multiple: true }'),
];

interface OpenReport {
  text: string;
  version: number;
}

/** A span around a sentence, with a code, themes and sometimes a memo or a second code. */
function tagged(sentence: string, random: SeededRandom): string {
  const code = random.pick(CODES);
  const second = random.chance(0.2) ? ` .${random.pick(CODES)}` : '';
  const themes = random.chance(0.8) ? ` theme=${random.pick(THEMES)}` : '';
  const topic = random.chance(0.3) ? ` topic=${random.pick(THEMES)}` : '';
  const memo = random.chance(0.25) ? ` memo="notes ${random.int(9)}"` : '';
  return `[${sentence}]{.${code}${second}${themes}${topic}${memo}}`;
}

/** One annotator's copy of an article: some sentences tagged, one sometimes nested in another. */
function annotatedBody(article: readonly string[], random: SeededRandom, eol: string): string {
  return article.map((sentence) => {
    if (!random.chance(0.6)) return sentence;
    if (random.chance(0.2)) {
      const words = sentence.split(' ');
      const cut = 1 + random.int(Math.max(1, words.length - 1));
      return tagged(`${words.slice(0, cut).join(' ')} ${tagged(words.slice(cut).join(' '), random)}`, random);
    }
    return tagged(sentence, random);
  }).join(eol) + eol;
}

function randomReport(random: SeededRandom, article = random.int(ARTICLES.length)): string {
  const eol = random.chance(0.2) ? '\r\n' : '\n';
  const area = random.pick(AREAS);
  return buildReport(annotatedBody(ARTICLES[article], random, eol), {
    fields: { area: area === undefined ? undefined : `"${area}"`, annotator: random.pick(ANNOTATORS), status: random.pick(STATUSES) },
    eol: eol === '\r\n' ? '\r\n' : '\n',
    bom: random.chance(0.1),
  });
}

/** An export row as compared: path, span index, text, codes, themes, area. */
type Row = [string, number, string, readonly string[], readonly string[], string | null, string | null];
type ExportRow = FindingRow;
interface Stats {
  documents: number;
  spans: number;
  byCode: Record<string, number>;
  byTheme: Record<string, number>;
  byCodeAndTheme: Record<string, Record<string, number>>;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The rows a filter keeps, as the findings list says it filters (a case-insensitive literal text in the passage, memo or path). */
function filtered(rows: readonly ExportRow[], filters: FindingFilters): ExportRow[] {
  const text = filters.text.trim();
  const pattern = text === '' ? null : new RegExp(text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&'), 'i');
  return rows.filter((row) => (!filters.code || row.codes.includes(filters.code))
    && (!filters.theme || row.themes.includes(filters.theme))
    && (!filters.area || areaOf(row) === filters.area)
    && (!pattern || pattern.test(row.exact) || pattern.test(row.path) || (row.memo !== null && pattern.test(row.memo))));
}

const areaOf = (row: ExportRow) => (typeof row.fields.area === 'string' && row.fields.area.trim() !== '' ? row.fields.area : '(none)');

function sorted(rows: readonly ExportRow[], sort: FindingsSort): ExportRow[] {
  if (sort === 'report') return [...rows];
  const keyOf = (row: ExportRow) => (sort === 'code' ? row.codes[0] : areaOf(row));
  const rank = (value: string | undefined) => (value === undefined || (sort === 'area' && value === '(none)') ? 1 : 0);
  return rows
    .map((row, position) => ({ row, position, value: keyOf(row) }))
    .sort((a, b) => rank(a.value) - rank(b.value) || compare(a.value ?? '', b.value ?? '') || a.position - b.position)
    .map(({ row }) => row);
}

/** The facets a page should show: every value in the scope, counted under the other filters. */
function facetsOf(rows: readonly ExportRow[], filters: FindingFilters): Record<'code' | 'theme' | 'area', Array<{ value: string; count: number }>> {
  const values = {
    code: [...new Set(rows.flatMap((row) => row.codes))].sort(compare),
    theme: [...new Set(rows.flatMap((row) => row.themes))].sort(compare),
    area: [...new Set(rows.map(areaOf))].sort((a, b) => (a === '(none)' ? 1 : b === '(none)' ? -1 : compare(a, b))),
  };
  const count = (facet: 'code' | 'theme' | 'area', value: string) => filtered(rows, { ...filters, [facet]: '' }).filter((row) => (facet === 'area' ? areaOf(row) === value : row[facet === 'code' ? 'codes' : 'themes'].includes(value))).length;
  return {
    code: values.code.map((value) => ({ value, count: count('code', value) })),
    theme: values.theme.map((value) => ({ value, count: count('theme', value) })),
    area: values.area.map((value) => ({ value, count: count('area', value) })),
  };
}

/** The walk over one workspace: the disk, the editor and the server, and what the CLI says of them. */
class Walk {
  readonly random: SeededRandom;
  readonly root: TempDir;
  readonly folder: string;
  readonly open = new Map<string, OpenReport>();
  copies: 'one' | 'all' = 'one';
  nested = false;
  private created = 0;
  readonly log: string[] = [];
  client!: LspClient;

  constructor(seed: number) {
    this.random = new SeededRandom(seed);
    this.root = new TempDir('findings-walk-');
    this.folder = path.join(this.root.path, 'corpus');
    for (let i = 0; i < 6; i++) this.write(`r${i}.report.md`, randomReport(this.random, i % 3));
    for (let i = 0; i < 3; i++) this.write(`sub/s${i}.report.md`, randomReport(this.random, i === 0 ? 0 : 3));
  }

  async start(): Promise<void> {
    this.client = await LspClient.start({ folders: [this.folder], settings: { dataset: { copies: this.copies } } });
  }

  async stop(): Promise<void> {
    await this.client?.stop();
    this.root.remove();
  }

  private file(relative: string): string {
    return path.join(this.folder, relative);
  }

  private write(relative: string, text: string): void {
    fs.mkdirSync(path.dirname(this.file(relative)), { recursive: true });
    fs.writeFileSync(this.file(relative), text);
  }

  private onDisk(): string[] {
    const found: string[] = [];
    const walk = (relative: string) => {
      for (const entry of fs.readdirSync(path.join(this.folder, relative), { withFileTypes: true })) {
        const child = relative ? `${relative}/${entry.name}` : entry.name;
        if (entry.isDirectory()) walk(child);
        else if (entry.name.endsWith('.report.md')) found.push(child);
      }
    };
    walk('');
    return found.sort(compare);
  }

  private notifyFiles(...changes: Array<[string, number]>): Promise<void> {
    return this.client.notify('workspace/didChangeWatchedFiles', { changes: changes.map(([relative, type]) => ({ uri: uriOf(this.file(relative)), type })) });
  }

  /** One random step; returns what it did. */
  async step(): Promise<string> {
    const r = this.random;
    const disk = this.onDisk();
    const closed = disk.filter((relative) => !this.open.has(relative));
    const open = [...this.open.keys()].sort(compare);
    const choice = r.int(100);
    if (choice < 14 && closed.length > 0) {
      const relative = r.pick(closed);
      const text = fs.readFileSync(this.file(relative), 'utf8');
      this.open.set(relative, { text, version: 1 });
      await this.client.open(uriOf(this.file(relative)), text, 1);
      return `open ${relative}`;
    }
    if (choice < 18) {
      const relative = `new${this.created++}.report.md`;
      const text = randomReport(r);
      this.open.set(relative, { text, version: 1 });
      await this.client.open(uriOf(this.file(relative)), text, 1);
      return `open unsaved ${relative}`;
    }
    if (choice < 44 && open.length > 0) return this.edit(r.pick(open));
    if (choice < 52 && open.length > 0) {
      const relative = r.pick(open);
      const existed = fs.existsSync(this.file(relative));
      this.write(relative, this.open.get(relative)!.text);
      await this.client.save(uriOf(this.file(relative)));
      await this.notifyFiles([relative, existed ? CHANGED : CREATED]);
      return `save ${relative}`;
    }
    if (choice < 60 && open.length > 0) {
      const relative = r.pick(open);
      this.open.delete(relative);
      await this.client.close(uriOf(this.file(relative)));
      return `close ${relative}`;
    }
    if (choice < 66 && closed.length > 0) {
      const relative = r.pick(closed);
      this.write(relative, randomReport(r));
      await this.notifyFiles([relative, CHANGED]);
      return `write ${relative}`;
    }
    if (choice < 70 && disk.length > 2) {
      const relative = r.pick(disk);
      fs.rmSync(this.file(relative));
      await this.notifyFiles([relative, DELETED]);
      return `delete ${relative}${this.open.has(relative) ? ' (open)' : ''}`;
    }
    if (choice < 74) {
      const relative = `${r.chance(0.5) ? 'sub/' : ''}disk${this.created++}.report.md`;
      this.write(relative, randomReport(r));
      await this.notifyFiles([relative, CREATED]);
      return `create ${relative}`;
    }
    if (choice < 78 && closed.length > 0) {
      const from = r.pick(closed);
      const to = `${r.chance(0.5) ? 'sub/' : ''}moved${this.created++}.report.md`;
      fs.mkdirSync(path.dirname(this.file(to)), { recursive: true });
      fs.renameSync(this.file(from), this.file(to));
      await this.notifyFiles([from, DELETED], [to, CREATED]);
      return `rename ${from} ${to}`;
    }
    if (choice < 84) {
      const patterns = [['sub/'], ['r1.report.md'], ['*.report.md', '!r2.report.md'], ['new*.report.md', 'sub/s1.report.md'], []];
      const chosen = r.pick(patterns);
      const ignore = this.file('.findingsignore');
      const existed = fs.existsSync(ignore);
      if (chosen.length === 0) fs.rmSync(ignore, { force: true });
      else fs.writeFileSync(ignore, `${chosen.join('\n')}\n`);
      await this.client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(ignore), type: chosen.length === 0 ? DELETED : existed ? CHANGED : CREATED }] });
      return `ignore ${JSON.stringify(chosen)}`;
    }
    if (choice < 89 && !this.nested) {
      // A codebook only while the workspace has one folder: a nested folder has its own (the built-in one), which `findings` run above it would not use.
      const codebook = this.file('codebook.yaml');
      const existed = fs.existsSync(codebook);
      const next = r.chance(0.3) ? undefined : r.pick(CODEBOOKS);
      if (next === undefined) fs.rmSync(codebook, { force: true });
      else fs.writeFileSync(codebook, next);
      await this.client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(codebook), type: next === undefined ? DELETED : existed ? CHANGED : CREATED }] });
      return `codebook ${next === undefined ? 'none' : CODEBOOKS.indexOf(next)}`;
    }
    if (choice < 94) {
      this.copies = this.copies === 'one' ? 'all' : 'one';
      this.client.settings = { dataset: { copies: this.copies } };
      await this.client.notify('workspace/didChangeConfiguration', { settings: null });
      return `copies ${this.copies}`;
    }
    if (!fs.existsSync(this.file('codebook.yaml'))) {
      const sub = { uri: uriOf(this.file('sub')), name: 'sub' };
      this.nested = !this.nested;
      await this.client.notify('workspace/didChangeWorkspaceFolders', { event: this.nested ? { added: [sub], removed: [] } : { added: [], removed: [sub] } });
      return this.nested ? 'add folder sub' : 'remove folder sub';
    }
    return 'nothing';
  }

  /** An edit of an open report: a span typed in, a field changed, a retagging or another article pasted over. */
  private async edit(relative: string): Promise<string> {
    const r = this.random;
    const report = this.open.get(relative)!;
    const uri = uriOf(this.file(relative));
    const model = new LspText(report.text);
    const bodyStart = report.text.indexOf('---', 4) + 4;
    const kind = r.int(4);
    if (kind === 0) {
      // Typed at the start of a body line: a new passage, or plain words that change the article.
      const starts = model.starts.filter((start) => start >= bodyStart && start <= report.text.length);
      const at = starts.length > 0 ? r.pick(starts) : report.text.length;
      const inserted = r.chance(0.6) ? `${tagged(`typed ${r.int(99)} words`, r)} ` : `plain ${r.pick(TEXT_QUERIES)} `;
      const position = model.position(at);
      report.text = report.text.slice(0, at) + inserted + report.text.slice(at);
      await this.client.change(uri, ++report.version, [{ range: { start: position, end: position }, text: inserted }]);
      return `edit ${relative}: type ${JSON.stringify(inserted)}`;
    }
    if (kind === 1) {
      const field = r.pick(['status', 'annotator', 'area']);
      const value = field === 'status' ? r.pick(STATUSES) : field === 'annotator' ? r.pick(ANNOTATORS) : `"${r.pick(AREAS) ?? 'Hartlepool'}"`;
      const match = new RegExp(`^${field}: .*$`, 'm').exec(report.text);
      if (!match) return `edit ${relative}: no ${field}`;
      const line = model.position(match.index).line;
      const end = model.lineLength(line);
      report.text = report.text.slice(0, match.index) + `${field}: ${value}` + report.text.slice(match.index + end);
      await this.client.change(uri, ++report.version, [{ range: { start: { line, character: 0 }, end: { line, character: end } }, text: `${field}: ${value}` }]);
      return `edit ${relative}: ${field} ${value}`;
    }
    // Whole text: retagged (the same article, another copy), or another article.
    const article = ARTICLES.findIndex((sentences) => report.text.includes(sentences[2].slice(-8)));
    report.text = randomReport(r, kind === 2 && article >= 0 ? article : undefined);
    await this.client.change(uri, ++report.version, [{ text: report.text }]);
    return `edit ${relative}: ${kind === 2 ? 'retag' : 'new article'}`;
  }

  /** What `findings` says of what the editor shows: each workspace folder's files with the open reports' edits. */
  async expected(): Promise<{ rows: ExportRow[]; stats: Stats; subRows: ExportRow[] | undefined }> {
    const snapshot = new TempDir('findings-walk-expected-');
    try {
      const copy = (from: string, to: string) => {
        for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
          if (entry.isDirectory()) copy(path.join(from, entry.name), path.join(to, entry.name));
          else {
            fs.mkdirSync(to, { recursive: true });
            fs.copyFileSync(path.join(from, entry.name), path.join(to, entry.name));
          }
        }
      };
      const mirror = path.join(snapshot.path, 'corpus');
      fs.mkdirSync(mirror);
      copy(this.folder, mirror);
      // Open reports stand for their files, with their edits; one without a file is in no dataset.
      for (const [relative, report] of this.open) if (fs.existsSync(this.file(relative))) fs.writeFileSync(path.join(mirror, relative), report.text);
      const folders = ['corpus'];
      if (this.nested) {
        // The nested folder is a workspace folder of its own: its reports leave the outer one, and it is named by its name.
        fs.renameSync(path.join(mirror, 'sub'), path.join(snapshot.path, 'sub'));
        folders.push('sub');
      }
      const cwd = this.nested ? snapshot.path : mirror;
      const paths = this.nested ? folders : ['.'];
      // The subfolder as a folder scope: `findings export sub` at the root of the workspace folder holding it.
      const hasSub = fs.existsSync(this.nested ? path.join(snapshot.path, 'sub') : path.join(mirror, 'sub'));
      const [exported, stats, sub] = await Promise.all([
        runCli(['export', ...paths, '--format', 'jsonl', '--allow-errors', '--copies', this.copies, '--out', path.join(snapshot.path, 'out.jsonl')], cwd),
        runCli(['stats', ...paths, '--format', 'json', '--copies', this.copies], cwd),
        hasSub ? runCli(['export', this.nested ? '.' : 'sub', '--format', 'jsonl', '--allow-errors', '--copies', this.copies, '--out', path.join(snapshot.path, 'sub.jsonl')], this.nested ? path.join(snapshot.path, 'sub') : mirror) : undefined,
      ]);
      assert.ok(exported.code === 0, `findings export: ${exported.stderr}`);
      assert.ok(stats.code === 0, `findings stats: ${stats.stderr}`);
      assert.ok(!sub || sub.code === 0, `findings export sub: ${sub?.stderr}`);
      const rowsOf = (file: string) => fs.readFileSync(path.join(snapshot.path, file), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as ExportRow);
      // The server lists findings by path (a stable sort of the export's order).
      const byPath = (rows: ExportRow[]) => rows.map((row, i) => ({ row, i })).sort((a, b) => compare(a.row.path, b.row.path) || a.i - b.i).map(({ row }) => row);
      return { rows: byPath(rowsOf('out.jsonl')), stats: JSON.parse(stats.stdout) as Stats, subRows: sub ? byPath(rowsOf('sub.jsonl')) : undefined };
    } finally {
      snapshot.remove();
    }
  }

  /** The server's summary and findings list, against what `findings` says; the differences, or none. */
  async differences(filters: FindingFilters, sort: FindingsSort, size: number): Promise<string[]> {
    const { rows, stats, subRows } = await this.expected();
    const problems: string[] = [];
    const summary: SummaryResult = await this.client.request(SummaryRequest, { scope: { kind: 'workspace' } });
    const same = (what: string, actual: unknown, wanted: unknown) => {
      if (JSON.stringify(actual) !== JSON.stringify(wanted)) problems.push(`${what}: ${JSON.stringify(actual)} but findings says ${JSON.stringify(wanted)}`);
    };
    same('reports', summary.totals.reports, stats.documents);
    same('findings', summary.totals.findings, stats.spans);
    same('byCode', summary.byCode, stats.byCode);
    same('byTheme', summary.byTheme, stats.byTheme);
    same('byCodeAndTheme', summary.byCodeAndTheme, stats.byCodeAndTheme);
    const asRow = (row: ExportRow): Row => [row.path, row.index, row.exact, row.codes, row.themes, typeof row.fields.area === 'string' ? row.fields.area : null, row.memo];
    const all = await listFindings(this.client, { kind: 'workspace' });
    same('every finding', all.findings.map((f): Row => [f.path, f.index, f.text, [...f.codes], [...f.themes], f.area, f.memo]), rows.map(asRow));
    if (all.first.generation === summary.generation) same('a page and the summary of one generation', all.first.total, summary.totals.findings);
    const query = await listFindings(this.client, { kind: 'workspace' }, filters, sort, size);
    same(`findings ${JSON.stringify(filters)} by ${sort}`, query.findings.map((f) => `${f.path}#${f.index}`), sorted(filtered(rows, filters), sort).map((row) => `${row.path}#${row.index}`));
    same('facets', query.first.facets, facetsOf(rows, filters));
    if (subRows) {
      const sub = await listFindings(this.client, { kind: 'folder', uri: uriOf(this.file('sub')) });
      same('the subfolder\'s findings', sub.findings.map((f): Row => [f.path, f.index, f.text, [...f.codes], [...f.themes], f.area, f.memo]), subRows.map(asRow));
    }
    return problems;
  }

  /** A random query of the findings list, from the values the scope may have. */
  query(): { filters: FindingFilters; sort: FindingsSort; size: number } {
    const r = this.random;
    const filters: FindingFilters = {
      code: r.chance(0.3) ? r.pick(CODES) : '',
      theme: r.chance(0.3) ? r.pick(THEMES) : '',
      area: r.chance(0.2) ? (r.pick(AREAS) ?? '(none)') : '',
      text: r.chance(0.3) ? r.pick(TEXT_QUERIES) : '',
    };
    return { filters, sort: r.pick(['report', 'code', 'area'] as const), size: r.pick([1, 7, MAX_PAGE_FINDINGS]) };
  }
}

/** Runs a walk of `steps` steps; after each, the server must come to agree with `findings` within a few seconds. */
async function walk(seed: number, steps: number): Promise<void> {
  const walk = new Walk(seed);
  try {
    await walk.start();
    for (let i = 0; i < steps; i++) {
      walk.log.push(await walk.step());
      const { filters, sort, size } = walk.query();
      let problems: string[] = [];
      for (let attempt = 0; attempt < 20; attempt++) {
        problems = await walk.differences(filters, sort, size);
        if (problems.length === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
      assert.deepEqual(problems, [], `seed ${seed.toString(16)}, after:\n  ${walk.log.join('\n  ')}`);
    }
  } finally {
    await walk.stop();
  }
}

describe('lsp: the summary and its pages follow a random walk through the workspace, as `findings` sees it', function () {
  this.timeout(60_000);
  // WALK_SEEDS=n and WALK_STEPS=m run n other seeds of m steps each (a longer search, by hand).
  const seeds = process.env.WALK_SEEDS ? Array.from({ length: Number(process.env.WALK_SEEDS) }, (_, i) => 0x5000 + i) : [0xa11ce, 0xb0b, 0xc0ffee];
  for (const seed of seeds) {
    it(`seed ${seed.toString(16)}`, () => walk(seed, Number(process.env.WALK_STEPS ?? 18)));
  }
});
