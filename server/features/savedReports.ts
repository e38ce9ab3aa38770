// A scope's reports as their files hold them, which is what `findings export`
// reads: an open report whose editor text differs from its file is read from
// the file, and so is a folder's codebook open with unsaved edits. Which open
// documents differ is recorded, for the client to ask about them.
import { readFileSync } from 'node:fs';
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { analyzeReport, decodeUtf8, nodeFileSystem, readUtf8File, type AnalyzedReport, type Codebook } from '../../core';
import { readFolderCodebook } from '../folderCodebook';
import type { ReportWorkspace } from '../reportWorkspace';
import type { ResolvedScope, ScopedReport } from '../scope';
import { fsPathOf } from '../uris';
import type { CodebookState, Folder } from '../workspaceTypes';

export interface SavedSources {
  /** The scope's codebook (what an export writes with), as its file holds it. */
  readonly codebook: Codebook;
  /**
   * Open documents whose text differs from their file, by the URI the client
   * gave them: the scope's codebook at once, its reports as they are read.
   */
  readonly unsaved: readonly string[];
  /** A report of the scope as its file holds it, checked with the codebook on disk. */
  read(report: ScopedReport): Promise<AnalyzedReport>;
}

export function savedSources(workspace: ReportWorkspace, scope: ResolvedScope): SavedSources {
  const unsaved = new Set<string>();
  const codebooks = new Map<Folder, CodebookState>();
  const clientUri = (uri: string) => workspace.openDocument(uri)?.uri ?? uri;

  const codebookOf = (folder: Folder): CodebookState => {
    let state = codebooks.get(folder);
    if (state) return state;
    state = folder.codebook;
    const file = state.file;
    if (file && workspace.isOpen(file.uri) && diskText(file.fsPath) !== file.text) {
      state = readFolderCodebook(folder.fsPath, folder.codebookPath, { trusted: workspace.trusted, openText: () => undefined, log: () => undefined });
      unsaved.add(clientUri(file.uri));
    }
    codebooks.set(folder, state);
    return state;
  };

  // The folder whose codebook the scope writes with (the scope names it by its codebook).
  const writer = workspace.allFolders().find((folder) => folder.codebook.codebook === scope.codebook);
  const codebook = writer ? codebookOf(writer).codebook : scope.codebook;

  return {
    codebook,
    get unsaved() {
      return [...unsaved];
    },
    async read({ entry }: ScopedReport): Promise<AnalyzedReport> {
      const inForce = codebookOf(entry.folder).codebook;
      const sameCodebook = inForce === entry.folder.codebook.codebook;
      // A report that is not open is indexed as its file was last read.
      if (entry.version === null && sameCodebook) return entry.report;
      const text = entry.version === null ? entry.report.text : await fileText(entry.uri);
      if (text !== entry.report.text) unsaved.add(clientUri(entry.uri));
      return text === entry.report.text && sameCodebook ? entry.report : analyzeReport(text, inForce);
    },
  };
}

/** An open report's file, read as `findings` reads it; a report with no readable file cannot be exported from disk. */
async function fileText(uri: string): Promise<string> {
  const fsPath = fsPathOf(uri);
  try {
    if (fsPath === undefined) throw new Error('not a file on disk');
    return await readUtf8File(nodeFileSystem, fsPath);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'it has no file on disk: save it first' : (error as Error).message;
    throw new ResponseError(LSPErrorCodes.RequestFailed, `${fsPath ?? uri}: ${reason}`);
  }
}

/** A codebook file's text on disk; undefined when it cannot be read. */
function diskText(fsPath: string): string | undefined {
  try {
    return decodeUtf8(readFileSync(fsPath));
  } catch {
    return undefined;
  }
}
