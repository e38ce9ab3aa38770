// `findings check --format json` of the built CLI, and LSP diagnostics in its
// shape: the tests' measure of "the server says what the CLI says".
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { portable, repoPath, repoRoot } from './lspClient';

export type CliDiagnostics = Array<{ rule: string; severity: string; message: string; range: unknown; fixes: unknown[] }>;

interface CliFile {
  readonly path: string;
  readonly diagnostics: CliDiagnostics;
}

/** The CLI's diagnostics of files and folders, run in `cwd` (the repository root by default), by absolute file path. */
export function cliDiagnostics(paths: readonly string[], cwd = repoRoot()): Map<string, CliDiagnostics> {
  const result = spawnSync(process.execPath, [repoPath('bin', 'findings.js'), 'check', ...paths, '--format', 'json'], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  assert.ok(result.status === 0 || result.status === 1, `findings check failed (${result.status}): ${result.stderr}`);
  const files = JSON.parse(result.stdout) as CliFile[];
  return new Map(files.map((file) => [path.resolve(cwd, file.path), file.diagnostics]));
}

/** The LSP diagnostics as `findings check --format json` writes them: rule, severity, message, range, and the fixes carried in `data`. */
export function asCli(diagnostics: readonly Diagnostic[]): CliDiagnostics {
  return diagnostics.map((diagnostic) => ({ ...portable(diagnostic), fixes: (diagnostic.data as { fixes: unknown[] }).fixes }) as CliDiagnostics[number]);
}
