import { closeSync, fchmodSync, fdatasync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { exportDestination } from './exportTarget';
import { removeStaleTemporaryFiles } from './staleTemporaryFiles';
import { temporaryName } from './temporaryNames';
import { Utf8Batches } from './utf8Batches';
import type { ExportSink } from './writeExport';

/** Bytes gathered before each write: few system calls, and memory that does not grow with the export. */
const BATCH = 256 * 1024;

/**
 * A file being written that nobody reads yet: an export goes here, then is
 * renamed over its target (same folder, so the rename is atomic) or removed.
 * Writes block, which keeps memory flat without waiting for drains.
 */
export class TemporaryFile implements ExportSink {
  private fd: number | undefined;
  private readonly batches: Utf8Batches;
  /** A data sync running in the background (see syncInBackground), if any. */
  private syncing: Promise<void> | undefined;

  private constructor(readonly path: string) {
    // `wx`: never write through someone else's file of the same name.
    this.fd = openSync(path, 'wx', 0o666);
    const buffer = Buffer.allocUnsafe(BATCH);
    this.batches = new Utf8Batches(buffer, (filled) => {
      this.writeAll(filled);
      return buffer;
    });
  }

  /**
   * A new empty file in `folder`, named after `name` so that a stray one is
   * recognisable (see temporaryNames.ts); the leftovers of killed earlier
   * runs for the same name go first.
   */
  static create(folder: string, name: string): TemporaryFile {
    removeStaleTemporaryFiles(folder, name);
    return new TemporaryFile(path.join(folder, temporaryName(name)));
  }

  write(chunk: string): void {
    if (this.fd === undefined) throw new Error(`${this.path} is closed`);
    this.batches.write(chunk);
  }

  /** Writes bytes already encoded, after any text still batched. */
  writeBytes(bytes: Uint8Array): void {
    if (this.fd === undefined) throw new Error(`${this.path} is closed`);
    this.batches.flush();
    this.writeAll(bytes);
  }

  /**
   * Starts putting what is written so far on disk, on another thread, while
   * writing goes on: the sync before the rename then has little left to do.
   * Does nothing while an earlier one still runs.
   */
  syncInBackground(): void {
    const fd = this.fd;
    if (fd === undefined || this.syncing !== undefined) return;
    this.syncing = new Promise((resolve) => fdatasync(fd, () => {
      // A failure here is not lost: the sync on close fails the same way and is reported.
      this.syncing = undefined;
      resolve();
    }));
  }

  /** Waits for a background sync to end: the file is closed only once none runs on it. */
  async settle(): Promise<void> {
    while (this.syncing !== undefined) await this.syncing;
  }

  /** Writes what is left and closes the file, on disk for good (fsync) before anyone renames it. */
  close(modeOf?: string): void {
    if (this.fd === undefined) return;
    this.batches.flush();
    const mode = modeOf === undefined ? undefined : statSync(modeOf, { throwIfNoEntry: false })?.mode;
    // Replacing a file keeps its permissions, as an editor's save does.
    if (mode !== undefined) fchmodSync(this.fd, mode & 0o7777);
    fsyncSync(this.fd);
    closeSync(this.fd);
    this.fd = undefined;
  }

  /** Closes the file and puts it in the place of `target`, atomically. */
  moveTo(target: string): void {
    this.close(target);
    renameSync(this.path, target);
  }

  /** Closes and deletes the file; never throws (it runs while something else has gone wrong). */
  remove(): void {
    try {
      if (this.fd !== undefined) closeSync(this.fd);
    } catch {
      /* already closed */
    }
    this.fd = undefined;
    try {
      unlinkSync(this.path);
    } catch {
      /* already gone */
    }
  }

  private writeAll(bytes: Uint8Array): void {
    for (let offset = 0; offset < bytes.length;) offset += writeSync(this.fd!, bytes, offset);
  }
}

/**
 * Writes `target` whole or not at all: `produce` writes into a temporary file
 * beside it, which replaces `target` when `produce` gives a result and is
 * deleted when it gives undefined (cancelled, refused) or throws. A target
 * that is not a regular file is refused before any work (NotRegularFileError,
 * see exportDestination), and checked again just before the rename.
 */
export async function writeAtomically<T>(target: string, produce: (file: TemporaryFile) => Promise<T | undefined>): Promise<T | undefined> {
  const destination = exportDestination(target);
  const file = TemporaryFile.create(path.dirname(destination), path.basename(destination));
  try {
    const result = await produce(file);
    await file.settle();
    if (result === undefined) file.remove();
    // Checked again: what became a FIFO or a device meanwhile must not be replaced either.
    else file.moveTo(exportDestination(target));
    return result;
  } catch (error) {
    await file.settle();
    file.remove();
    throw error;
  }
}
