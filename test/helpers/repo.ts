import * as fs from 'node:fs';
import * as path from 'node:path';

let cached: string | undefined;

/**
 * The repository root: the nearest folder above `start` holding a
 * package.json named `inspection-findings`. Works from the bundled tests
 * (`out/test/<folder>/x.test.js`) and from the sources alike.
 */
export function repoRoot(start: string = __dirname): string {
  if (cached !== undefined && start === __dirname) return cached;
  let dir = path.resolve(start);
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) {
      try {
        const name = (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: unknown }).name;
        if (name === 'inspection-findings') {
          if (start === __dirname) cached = dir;
          return dir;
        }
      } catch {
        // Not the manifest we are looking for; keep walking up.
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no inspection-findings package.json above ${start}`);
    dir = parent;
  }
}

/** An absolute path inside the repository. */
export function repoPath(...parts: string[]): string {
  return path.join(repoRoot(), ...parts);
}

/** Reads a repository file as UTF-8 text. */
export function readRepoFile(...parts: string[]): string {
  return fs.readFileSync(repoPath(...parts), 'utf8');
}

export interface SampleFile {
  /** File name, e.g. `darlington.report.md`. */
  readonly name: string;
  readonly path: string;
  readonly text: string;
}

/** The `*.report.md` files directly in a repository folder, sorted by name; none when the folder is missing. */
export function reportFilesIn(...folder: string[]): SampleFile[] {
  const dir = repoPath(...folder);
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir)
    .filter((name) => name.endsWith('.report.md'))
    .sort()
    .map((name) => ({ name, path: path.join(dir, name), text: fs.readFileSync(path.join(dir, name), 'utf8') }));
}

/** The seed file a sample names in its `# Seed: NNN_xxx.txt` front-matter comment. */
export function seedNameOf(reportText: string): string | undefined {
  return /^#\s*Seed:\s*(\S+)\s*$/m.exec(reportText)?.[1];
}
