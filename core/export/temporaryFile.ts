import { closeSync, fchmodSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { exportDestination } from './exportTarget';
import { removeStaleTemporaryFiles } from './staleTemporaryFiles';
import { temporaryName } from './temporaryNames';
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
  /** Text is encoded straight into this buffer, which is written out whenever the next chunk does not fit. */
  private readonly buffer = Buffer.allocUnsafe(BATCH);
  private used = 0;

  private constructor(readonly path: string) {
    // `wx`: never write through someone else's file of the same name.
    this.fd = openSync(path, 'wx', 0o666);
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
    // At most 3 bytes of UTF-8 per UTF-16 unit.
    if (this.used + chunk.length * 3 > BATCH) {
      this.flush();
      if (chunk.length * 3 > BATCH) {
        this.writeAll(Buffer.from(chunk, 'utf8'));
        return;
      }
    }
    this.used += this.buffer.write(chunk, this.used, 'utf8');
  }

  /** Writes what is left and closes the file, on disk for good (fsync) before anyone renames it. */
  close(modeOf?: string): void {
    if (this.fd === undefined) return;
    this.flush();
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

  private flush(): void {
    if (this.used === 0) return;
    this.writeAll(this.buffer.subarray(0, this.used));
    this.used = 0;
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
    if (result === undefined) file.remove();
    // Checked again: what became a FIFO or a device meanwhile must not be replaced either.
    else file.moveTo(exportDestination(target));
    return result;
  } catch (error) {
    file.remove();
    throw error;
  }
}
