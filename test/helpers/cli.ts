import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { main } from '../../cli/main';
import { repoPath } from './repo';
import type { TempDir } from './tempDir';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in-process, capturing what it writes; exports run in the built export worker. */
export async function runCli(argv: readonly string[], cwd: string): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const exportWorker = repoPath('dist', 'cli-export-worker.js');
  const code = await main(argv, cwd, { out: (text) => { stdout += text; }, err: (text) => { stderr += text; } }, { exportWorker });
  return { code, stdout, stderr };
}

/** Runs the built `bin/findings.js` as a child process. */
export function runBin(argv: readonly string[], cwd: string): CliRun {
  const bin = repoPath('bin', 'findings.js');
  if (!fs.existsSync(repoPath('dist', 'cli.js'))) throw new Error('dist/cli.js is missing: run `node esbuild.js` (the test script does) before these tests');
  const result = spawnSync(process.execPath, [bin, ...argv], { cwd, encoding: 'utf8', timeout: 30_000 });
  if (result.error) throw result.error;
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Copies the repository's samples into a temp folder: `samples/*.report.md` and `broken/*.report.md`. */
export function copySamples(dir: TempDir): { samples: string[]; broken: string[] } {
  const copy = (from: string, to: string): string[] => {
    const names = fs.readdirSync(from).filter((name) => name.endsWith('.report.md')).sort();
    for (const name of names) dir.write(path.join(to, name), fs.readFileSync(path.join(from, name)));
    return names.map((name) => `${to}/${name}`);
  };
  return { samples: copy(repoPath('samples'), 'samples'), broken: copy(repoPath('samples', 'broken'), 'broken') };
}
