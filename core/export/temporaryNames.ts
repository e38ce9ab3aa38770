import { randomBytes } from 'node:crypto';

/**
 * How temporary export files are named, and how one is recognised later:
 * `.<target name>.<pid>-<8 random characters>.tmp` beside the target (pid
 * and random part in base 36). Hidden, so that folder listings and walks
 * leave them out; carrying the writer's process id, so that a leftover of
 * a killed export can be told from one still being written.
 */
export function temporaryName(targetName: string, pid: number = process.pid): string {
  const random = randomBytes(5).readUIntBE(0, 5).toString(36).padStart(8, '0');
  return `.${targetName}.${pid.toString(36)}-${random}.tmp`;
}

const UNIQUE = /^([0-9a-z]{1,12})-[0-9a-z]{8}$/;

/** The process id in `fileName` when it is one of `targetName`'s temporary names (exactly), else undefined. */
export function temporaryNameOwner(fileName: string, targetName: string): number | undefined {
  const prefix = `.${targetName}.`;
  if (!fileName.startsWith(prefix) || !fileName.endsWith('.tmp') || fileName.length <= prefix.length + 4) return undefined;
  const match = UNIQUE.exec(fileName.slice(prefix.length, -4));
  if (!match) return undefined;
  const pid = parseInt(match[1], 36);
  return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
}
