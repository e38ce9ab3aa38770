import { lstatSync, readdirSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { temporaryNameOwner } from './temporaryNames';

/** When this process started: a file last written before it cannot be this run's. */
const RUN_STARTED_MS = Date.now() - process.uptime() * 1000;

/**
 * Removes the temporary files that earlier exports to `targetName` in
 * `folder` left behind when they were killed (SIGKILL, a crash, a power
 * cut), which no signal handler could remove. Only files that are surely
 * such leftovers go: a regular file with exactly that target's temporary
 * name, last written before this process started, whose writer's process
 * is no longer running on this machine. Best effort: never throws.
 */
export function removeStaleTemporaryFiles(folder: string, targetName: string): void {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = temporaryNameOwner(name, targetName);
    if (pid === undefined || isRunning(pid)) continue;
    const file = path.join(folder, name);
    try {
      const stats = lstatSync(file);
      if (stats.isFile() && stats.mtimeMs < RUN_STARTED_MS) unlinkSync(file);
    } catch {
      /* gone meanwhile, or not ours to remove */
    }
  }
}

/** Whether a process of that id exists (signal 0 only asks); one of another user's answers EPERM, and counts. */
function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}
