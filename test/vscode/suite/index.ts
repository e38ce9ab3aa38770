/**
 * Entry point of the VS Code integration suite: the `run()` contract that both
 * `@vscode/test-electron` (test/vscode/runInElectron.js) and the code-server
 * harness (test/vscode/runInCodeServer.js) call inside the extension host.
 *
 * Compiled by esbuild to out/test/vscode/suite/index.js (vscode and mocha
 * external). It loads every `*.test.js` next to it, runs mocha, and writes
 * the results as JSON:
 *
 *   { stats: { passes, failures, pending, tests }, tests: [ { fullTitle, state, duration, error? } ] }
 *
 * Where the results go (first that applies):
 *   1. $FINDINGS_TEST_RESULTS. The harnesses set it on the process that spawns
 *      the extension host: runInElectron through `extensionTestsEnv`, and
 *      runInCodeServer on the code-server server process, whose environment the
 *      remote extension host inherits (VS Code's server builds the extension
 *      host env as {...process.env, ...shellEnv, ...debugEnv}). Environment set
 *      in the browser cannot reach it: the web workbench ignores
 *      `extensionEnvironment` in its `payload`, and the tests URI loses any
 *      query string when it becomes a file path.
 *   2. Otherwise <repo>/.test-artifacts/vscode/results.json, found relative to
 *      this compiled file (out/test/vscode/suite/ -> four levels up).
 *
 * Optional:
 *   $FINDINGS_TEST_GREP restricts the run to matching test titles.
 *   $FINDINGS_TEST_ACK (set by runInCodeServer): after writing the results,
 *   wait (at most 15 s) until that file appears before `run()` settles. The
 *   extension host exits as soon as `run()` settles, which clears diagnostics
 *   and decorations; the runner takes its workbench screenshot first and then
 *   creates the file.
 */
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

export interface TestRecord {
  fullTitle: string;
  state: 'passed' | 'failed' | 'pending';
  duration: number;
  error?: string;
}

export interface SuiteResults {
  stats: { passes: number; failures: number; pending: number; tests: number };
  tests: TestRecord[];
}

export function resultsPath(): string {
  const fromEnv = process.env.FINDINGS_TEST_RESULTS;
  if (fromEnv && fromEnv.trim() !== '') return path.resolve(fromEnv);
  return path.resolve(__dirname, '..', '..', '..', '..', '.test-artifacts', 'vscode', 'results.json');
}

function describeError(err: unknown): string {
  if (err instanceof Error) {
    const e = err as Error & { actual?: unknown; expected?: unknown; showDiff?: boolean };
    let text = `${e.name}: ${e.message}`;
    if (e.showDiff !== false && ('actual' in e || 'expected' in e) && !e.message.includes('\n')) {
      text += `\n  expected: ${safeJson(e.expected)}\n  actual:   ${safeJson(e.actual)}`;
    }
    if (e.stack) {
      // First few frames are enough to locate the failing assertion.
      const frames = e.stack.split('\n').filter(l => /^\s+at /.test(l)).slice(0, 4);
      if (frames.length) text += '\n' + frames.join('\n');
    }
    return text;
  }
  return String(err);
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function writeResults(file: string, results: SuiteResults): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Write then rename, so a watcher never reads a half-written file.
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(results, null, 2) + '\n');
  fs.renameSync(tmp, file);
}

/** Resolves once $FINDINGS_TEST_ACK exists (or after timeoutMs); at once if it is not set. */
function waitForAck(timeoutMs = 15_000): Promise<void> {
  const ack = process.env.FINDINGS_TEST_ACK;
  if (!ack) return Promise.resolve();
  return new Promise<void>(resolve => {
    let watcher: fs.FSWatcher | undefined;
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      clearInterval(poll);
      clearTimeout(timer);
      watcher?.close();
      fs.rmSync(ack, { force: true });
      resolve();
    };
    const check = (): void => {
      if (fs.existsSync(ack)) finish();
    };
    const poll = setInterval(check, 500);
    const timer = setTimeout(finish, timeoutMs);
    try {
      fs.mkdirSync(path.dirname(ack), { recursive: true });
      watcher = fs.watch(path.dirname(ack), check);
      watcher.on('error', () => undefined);
    } catch {
      /* the poll covers it */
    }
    check();
  });
}

/** Mocha's spec reporter (output goes to the extension host log) plus a record of every test. */
class RecordingReporter extends Mocha.reporters.Spec {
  static readonly records: TestRecord[] = [];

  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    const { EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING } = Mocha.Runner.constants;
    runner.on(EVENT_TEST_PASS, (test: Mocha.Test) => {
      RecordingReporter.records.push({ fullTitle: test.fullTitle(), state: 'passed', duration: test.duration ?? 0 });
    });
    // Also fires for failing hooks ("before all" hook ...), which must count as failures.
    runner.on(EVENT_TEST_FAIL, (test: Mocha.Runnable, err: unknown) => {
      RecordingReporter.records.push({
        fullTitle: test.fullTitle(),
        state: 'failed',
        duration: test.duration ?? 0,
        error: describeError(err),
      });
    });
    runner.on(EVENT_TEST_PENDING, (test: Mocha.Test) => {
      RecordingReporter.records.push({ fullTitle: test.fullTitle(), state: 'pending', duration: 0 });
    });
  }
}

function summarize(records: TestRecord[]): SuiteResults {
  const passes = records.filter(r => r.state === 'passed').length;
  const failures = records.filter(r => r.state === 'failed').length;
  const pending = records.filter(r => r.state === 'pending').length;
  return { stats: { passes, failures, pending, tests: passes + failures }, tests: records };
}

export function run(): Promise<void> {
  const file = resultsPath();
  RecordingReporter.records.length = 0;
  // Never leave a previous run's results behind for a harness to pick up.
  fs.rmSync(file, { force: true });

  return new Promise<void>((resolve, reject) => {
    const fail = (title: string, err: unknown): void => {
      RecordingReporter.records.push({ fullTitle: title, state: 'failed', duration: 0, error: describeError(err) });
      try {
        writeResults(file, summarize(RecordingReporter.records));
      } catch (writeErr) {
        console.error(`[vscode suite] could not write ${file}:`, writeErr);
      }
      void waitForAck().then(() => reject(err instanceof Error ? err : new Error(String(err))));
    };

    try {
      const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: RecordingReporter });
      const grep = process.env.FINDINGS_TEST_GREP;
      if (grep) mocha.grep(grep);

      const testFiles = fs
        .readdirSync(__dirname)
        .filter(name => name.endsWith('.test.js'))
        .sort()
        .map(name => path.join(__dirname, name));
      for (const f of testFiles) mocha.addFile(f);
      if (testFiles.length === 0) {
        fail('vscode suite: no *.test.js files', new Error(`no *.test.js files in ${__dirname}`));
        return;
      }

      // mocha.run loads the test files synchronously: a throwing file lands in the catch below.
      mocha.run(failures => {
        const results = summarize(RecordingReporter.records);
        try {
          writeResults(file, results);
        } catch (err) {
          reject(err);
          return;
        }
        console.log(`[vscode suite] ${results.stats.passes} passed, ${results.stats.failures} failed; results in ${file}`);
        void waitForAck().then(() => {
          if (failures > 0) reject(new Error(`${failures} test(s) failed.`));
          else resolve();
        });
      });
    } catch (err) {
      fail('vscode suite: loading or starting mocha', err);
    }
  });
}
