import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** A fresh folder under the system temp folder, and a way to remove it. */
export class TempDir {
  readonly path: string;

  constructor(prefix = 'findings-test-') {
    this.path = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  }

  /** Writes a file (text or bytes) below the folder, creating parent folders; returns its absolute path. */
  write(relative: string, content: string | Uint8Array): string {
    const file = path.join(this.path, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    return file;
  }

  read(relative: string): string {
    return fs.readFileSync(path.join(this.path, relative), 'utf8');
  }

  readBytes(relative: string): Buffer {
    return fs.readFileSync(path.join(this.path, relative));
  }

  exists(relative: string): boolean {
    return fs.existsSync(path.join(this.path, relative));
  }

  /** File names directly in the folder (or a subfolder), sorted. */
  list(relative = '.'): string[] {
    return fs.readdirSync(path.join(this.path, relative)).sort();
  }

  remove(): void {
    fs.rmSync(this.path, { recursive: true, force: true });
  }
}
