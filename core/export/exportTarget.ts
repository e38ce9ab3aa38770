import { lstatSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { describeKind, kindOf, NotRegularFileError } from '../workspace/fileKinds';

/**
 * The file an export to `target` replaces, checked before any work: the
 * target itself when it is a regular file or nothing is there yet, and for
 * a symbolic link to a regular file, that file (its folder takes the
 * temporary file, so the rename stays atomic and the link stays a link, as
 * a shell's `>` writes through one). Anything else is refused with
 * NotRegularFileError rather than replaced by a file or written to: a
 * device (`/dev/null` as root), a FIFO or socket (another program's), a
 * folder, a link to any of these or to nothing.
 */
export function exportDestination(target: string): string {
  // Errors other than "nothing there" (ENOTDIR, EACCES) are the writer's to report.
  const entry = lstatSync(target, { throwIfNoEntry: false });
  if (entry === undefined || entry.isFile()) return target;
  if (!entry.isSymbolicLink()) throw NotRegularFileError.of(kindOf(entry));
  const linked = statSync(target, { throwIfNoEntry: false });
  if (linked === undefined) throw new NotRegularFileError('a symbolic link to nothing');
  if (!linked.isFile()) throw new NotRegularFileError(`a symbolic link to ${describeKind(kindOf(linked))}`);
  return realpathSync(target);
}

/**
 * Whether an export target (an absolute path) is one of the reports read
 * (absolute paths): writing there would replace an article with the
 * dataset. Compared by path, then, for the few reports of the same name as
 * the file it leads to, by device and inode.
 */
export function isOneOfTheInputs(given: string, inputs: readonly string[]): boolean {
  if (inputs.includes(given)) return true;
  let identity: Stats | undefined;
  let target: string;
  try {
    identity = statSync(given, { throwIfNoEntry: false });
    if (identity === undefined) return false;
    // A link names the file it leads to.
    target = realpathSync(given);
  } catch {
    return false; // a link loop, no permission: the writer reports it
  }
  const name = path.basename(target);
  const candidates = inputs.filter((input) => input === target || path.basename(input) === name);
  return candidates.some((input) => {
    const other = statSync(input, { throwIfNoEntry: false });
    return other !== undefined && other.dev === identity!.dev && other.ino === identity!.ino;
  });
}
