import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * FIFOs and device nodes for the tests, made only inside a test's own temp
 * folder (never in /dev): each returns the new path, or undefined where the
 * system does not allow it (no mkfifo, no right to mknod), so that a test
 * can skip rather than fail.
 */
export function makeFifo(folder: string, name: string): string | undefined {
  return make(path.join(folder, name), 'mkfifo', []);
}

/** A character device with the given numbers: 1,3 behaves as /dev/null, 1,7 as /dev/full (every write fails with ENOSPC). */
export function makeCharacterDevice(folder: string, name: string, major: number, minor: number): string | undefined {
  return make(path.join(folder, name), 'mknod', ['c', String(major), String(minor)]);
}

function make(file: string, command: string, args: readonly string[]): string | undefined {
  if (process.platform === 'win32') return undefined;
  try {
    execFileSync(command, [file, ...args], { stdio: 'ignore' });
  } catch {
    return undefined;
  }
  return fs.existsSync(file) ? file : undefined;
}

/** What a test compares to show a path was left alone: its type, inode, device numbers, size and modification time. */
export function identity(file: string): string {
  const stats = fs.lstatSync(file);
  const type = stats.isFIFO() ? 'fifo' : stats.isCharacterDevice() ? 'char' : stats.isBlockDevice() ? 'block' : stats.isSocket() ? 'socket' : stats.isDirectory() ? 'dir' : stats.isSymbolicLink() ? 'link' : 'file';
  return `${type} ino=${stats.ino} rdev=${stats.rdev} size=${stats.size} mtime=${stats.mtimeMs} mode=${stats.mode.toString(8)}`;
}
