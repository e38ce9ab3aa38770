/**
 * Shared helpers of the VS Code suite (bundled into each *.test.js; this file
 * itself is not a test file, so index.ts does not load it).
 *
 * Tests wait on events (diagnostics changes, the status bar's updates) with a
 * timeout, never on fixed sleeps. Files a test edits are copies written into
 * a temporary folder inside the workspace (`samples/.suite-tmp-*`), removed
 * afterwards; committed samples are only ever opened.
 */
import * as assert from 'assert';
import * as childProcess from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { FindingsApi } from '../../../client/extension';

export const EXTENSION_ID = 'inspection-findings.inspection-findings';
export const LANGUAGE_ID = 'inspection-report';
export const TEMP_PREFIX = '.suite-tmp-';
/** Temporary folders the server reads from disk (a walk skips hidden folders); their own `.findingsignore` keeps them out of every dataset. */
export const VISIBLE_TEMP_PREFIX = 'suite-tmp-';

export function extension(): vscode.Extension<FindingsApi> {
  const ext = vscode.extensions.getExtension<FindingsApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
  return ext;
}

/** Activates the extension and waits until its language server runs. */
export async function activate(): Promise<FindingsApi> {
  const api = await extension().activate();
  assert.ok(api && typeof api.ready === 'function', 'activate() returned no API');
  await api.ready();
  return api;
}

/** The repository (the extension's folder): bin/findings.js and the samples live there. */
export function repoRoot(): string {
  return extension().extensionPath;
}

export function workspaceFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open');
  return folder;
}

/** A file of the workspace (samples/), by its path relative to the folder. */
export function sample(relativePath: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder().uri, ...relativePath.split('/'));
}

export async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document, { preview: false });
}

// ---------------------------------------------------------------- waiting

export interface WaitOptions {
  /** Events after which the probe runs again. */
  readonly events?: ReadonlyArray<vscode.Event<unknown>>;
  /** Also re-run the probe at this interval (for state with no event, e.g. the server's). */
  readonly pollMs?: number;
  readonly timeoutMs?: number;
  readonly what: string;
}

/**
 * Resolves with the first defined value of `probe`, which runs at once and
 * after each event (and poll). Rejects after the timeout, naming `what`.
 */
export function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, options: WaitOptions): Promise<T> {
  const { events = [], pollMs, timeoutMs = 20_000, what } = options;
  return new Promise<T>((resolve, reject) => {
    let done = false;
    let running = false;
    let again = false;
    let lastError: unknown;
    const subscriptions: vscode.Disposable[] = [];
    const finish = (error: unknown, value?: T): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (poll) clearInterval(poll);
      for (const s of subscriptions) s.dispose();
      if (error) reject(error);
      else resolve(value as T);
    };
    const check = async (): Promise<void> => {
      if (done) return;
      if (running) {
        again = true;
        return;
      }
      running = true;
      try {
        do {
          again = false;
          const value = await probe();
          if (value !== undefined) {
            finish(undefined, value);
            return;
          }
        } while (again && !done);
      } catch (error) {
        lastError = error;
      } finally {
        running = false;
      }
    };
    const timer = setTimeout(() => {
      const detail = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      finish(new Error(`timed out after ${timeoutMs} ms waiting for ${what}${detail}`));
    }, timeoutMs);
    const poll = pollMs ? setInterval(() => void check(), pollMs) : undefined;
    for (const event of events) subscriptions.push(event(() => void check()));
    void check();
  });
}

/** The diagnostics the findings server gives a file. */
export function findingsDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'findings');
}

/** Waits until the file's findings diagnostics satisfy `accept`, and returns them. */
export function waitForDiagnostics(uri: vscode.Uri, accept: (diagnostics: vscode.Diagnostic[]) => boolean, what: string, timeoutMs = 20_000): Promise<vscode.Diagnostic[]> {
  return waitFor(() => {
    const diagnostics = findingsDiagnostics(uri);
    return accept(diagnostics) ? diagnostics : undefined;
  }, { events: [vscode.languages.onDidChangeDiagnostics], timeoutMs, what: `${what} (${path.basename(uri.path)})` });
}

export function ruleOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code);
}

// ---------------------------------------------------------------- the CLI

export interface CliDiagnostic {
  readonly rule: string;
  readonly severity: 'error' | 'warning' | 'information';
  readonly message: string;
  readonly range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

/**
 * `findings check <paths> --format json`, run with the repository's CLI from
 * the repository root; each file's `path` made absolute.
 */
export function cliCheck(...paths: string[]): Array<{ path: string; diagnostics: CliDiagnostic[] }> {
  const root = repoRoot();
  const result = childProcess.spawnSync(process.execPath, [path.join(root, 'bin', 'findings.js'), 'check', ...paths, '--format', 'json'], {
    cwd: root,
    encoding: 'utf8',
    // In an Electron extension host, process.execPath is Electron: make it act as Node.
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    timeout: 60_000,
  });
  assert.ok(result.status === 0 || result.status === 1, `findings check exited with ${result.status}: ${result.stderr || result.error}`);
  const files = JSON.parse(result.stdout) as Array<{ path: string; diagnostics: CliDiagnostic[] }>;
  return files.map((file) => ({ ...file, path: path.resolve(root, file.path) }));
}

const SEVERITY_NAMES: Record<number, string> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'information',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

/** A diagnostic as a comparable line: `rule severity l:c-l:c message`. */
export function describeDiagnostic(d: vscode.Diagnostic | CliDiagnostic): string {
  if ('rule' in d) {
    const r = d.range;
    return `${d.rule} ${d.severity} ${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character} ${d.message}`;
  }
  const r = d.range;
  return `${ruleOf(d)} ${SEVERITY_NAMES[d.severity]} ${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character} ${d.message}`;
}

// ---------------------------------------------------------------- temporary files

/**
 * A temporary folder inside the workspace folder, for copies the tests edit.
 * `dispose()` saves what is dirty (so closing prompts nothing), closes the
 * editors and deletes the folder.
 */
export class TempFolder {
  readonly uri: vscode.Uri;

  private constructor(uri: vscode.Uri) {
    this.uri = uri;
  }

  static async create(label: string): Promise<TempFolder> {
    const uri = vscode.Uri.joinPath(workspaceFolder().uri, `${TEMP_PREFIX}${label}-${process.pid}-${Date.now().toString(36)}`);
    await vscode.workspace.fs.createDirectory(uri);
    return new TempFolder(uri);
  }

  /**
   * A folder whose reports the server indexes from disk without their being
   * open (it skips hidden folders), left out of the samples' dataset by its
   * own `.findingsignore`, so that `findings check samples` never sees it.
   */
  static async createVisible(label: string): Promise<TempFolder> {
    const uri = vscode.Uri.joinPath(workspaceFolder().uri, `${VISIBLE_TEMP_PREFIX}${label}-${process.pid}-${Date.now().toString(36)}`);
    await vscode.workspace.fs.createDirectory(uri);
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(uri, '.findingsignore'), Buffer.from('# a test\'s temporary reports\n*.report.md\n', 'utf8'));
    return new TempFolder(uri);
  }

  async write(name: string, text: string): Promise<vscode.Uri> {
    const uri = vscode.Uri.joinPath(this.uri, name);
    await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
    return uri;
  }

  /** Copies a file of the workspace (path relative to the workspace folder) into the folder. */
  async copy(relativePath: string, name = path.posix.basename(relativePath)): Promise<vscode.Uri> {
    const bytes = await vscode.workspace.fs.readFile(sample(relativePath));
    const uri = vscode.Uri.joinPath(this.uri, name);
    await vscode.workspace.fs.writeFile(uri, bytes);
    return uri;
  }

  async dispose(): Promise<void> {
    await closeEditorsUnder(this.uri);
    await vscode.workspace.fs.delete(this.uri, { recursive: true, useTrash: false }).then(undefined, () => undefined);
  }
}

/** Saves the dirty documents under a folder (so closing asks nothing) and closes their editors. */
export function closeEditorsUnder(folder: vscode.Uri): Promise<void> {
  const prefix = folder.toString() + '/';
  return closeEditorsWhere((uri) => uri.toString().startsWith(prefix));
}

/** Saves a (temporary) file if dirty and closes its editors. */
export function closeEditorsOf(file: vscode.Uri): Promise<void> {
  return closeEditorsWhere((uri) => uri.toString() === file.toString());
}

async function closeEditorsWhere(inside: (uri: vscode.Uri) => boolean): Promise<void> {
  for (const document of vscode.workspace.textDocuments) {
    if (inside(document.uri) && document.isDirty) await document.save();
  }
  const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => {
    const input = tab.input;
    return input instanceof vscode.TabInputText && inside(input.uri);
  });
  if (tabs.length > 0) await vscode.window.tabGroups.close(tabs);
}

/** Removes temporary folders an interrupted run left behind in the workspace. */
export async function removeStaleTempFolders(): Promise<void> {
  const root = workspaceFolder().uri;
  for (const [name, type] of await vscode.workspace.fs.readDirectory(root)) {
    if (type === vscode.FileType.Directory && (name.startsWith(TEMP_PREFIX) || name.startsWith(VISIBLE_TEMP_PREFIX)) && !name.includes(`-${process.pid}-`)) {
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(root, name), { recursive: true, useTrash: false }).then(undefined, () => undefined);
    }
  }
}

// ---------------------------------------------------------------- screenshots

let screenshotRequests = 0;

/**
 * Asks the code-server harness for a screenshot of the workbench as it is now,
 * saved as `<screenshots>/<name>.png` (runInCodeServer.js,
 * serveScreenshotRequests); resolves with the file, or undefined under a
 * harness that takes none (@vscode/test-electron).
 */
export async function takeScreenshot(name: string): Promise<string | undefined> {
  const dir = process.env.FINDINGS_TEST_SCREENSHOT_REQUESTS;
  if (!dir) return undefined;
  const id = `${process.pid}-${String(++screenshotRequests).padStart(4, '0')}`;
  const done = path.join(dir, `${id}.done`);
  fs.mkdirSync(dir, { recursive: true });
  // Written whole, then renamed: the harness never reads half a request.
  fs.writeFileSync(path.join(dir, `${id}.tmp`), JSON.stringify({ name }));
  fs.renameSync(path.join(dir, `${id}.tmp`), path.join(dir, `${id}.json`));
  const answer = await waitFor(() => (fs.existsSync(done) ? (JSON.parse(fs.readFileSync(done, 'utf8')) as { file?: string; error?: string }) : undefined), {
    pollMs: 100,
    timeoutMs: 30_000,
    what: `the screenshot ${name}`,
  });
  fs.rmSync(done, { force: true });
  assert.ok(answer.file, `the screenshot ${name} failed: ${answer.error}`);
  return answer.file;
}

// ---------------------------------------------------------------- text

/** The range of the `occurrence`-th (0-based) match of `needle` in the document. */
export function rangeOf(document: vscode.TextDocument, needle: string, occurrence = 0): vscode.Range {
  const text = document.getText();
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" (occurrence ${occurrence}) is not in ${path.basename(document.uri.path)}`);
  }
  return new vscode.Range(document.positionAt(at), document.positionAt(at + needle.length));
}

/** The position just after `needle` (its `occurrence`-th match). */
export function positionAfter(document: vscode.TextDocument, needle: string, occurrence = 0): vscode.Position {
  return rangeOf(document, needle, occurrence).end;
}

export function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** The text of hover contents (MarkdownString, MarkedString). */
export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : 'value' in content ? content.value : String(content)))
    .join('\n');
}
