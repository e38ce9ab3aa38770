// The codebook in force, for the client's pickers and panels, and the text
// of a codebook in use (the built-in one is shown read-only).
import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { BUILTIN_CODEBOOK, BUILTIN_CODEBOOK_PATH, codebookSummary } from '../../core';
import { BUILTIN_CODEBOOK_SCHEME, CodebookRequest, CodebookTextRequest, type CodebookParams, type CodebookSummary, type CodebookTextParams, type CodebookTextResult } from '../../protocol';
import type { ServerContext } from '../context';
import { guard } from '../guard';
import { optional, string } from '../paramShapes';
import { fileUri, normalizeUri } from '../uris';

export function registerCodebook(context: ServerContext): void {
  const { connection, workspace } = context;

  connection.onRequest(CodebookRequest, guard(connection, CodebookRequest.method, { uri: optional(string) }, (params: CodebookParams | undefined): CodebookSummary => {
    const folder = typeof params?.uri === 'string' ? workspace.folderFor(normalizeUri(params.uri)) : workspace.allFolders()[0];
    return codebookSummary(folder.codebook.codebook);
  }));

  connection.onRequest(CodebookTextRequest, guard(connection, CodebookTextRequest.method, { path: string }, (params: CodebookTextParams): CodebookTextResult => {
    const requested = params.path;
    if (requested === BUILTIN_CODEBOOK_PATH || requested.startsWith(`${BUILTIN_CODEBOOK_SCHEME}:`)) return { text: BUILTIN_CODEBOOK.text };
    // Only the codebooks the server reads: never any other file.
    const asUri = /^[a-z][a-z0-9+.-]*:/i.test(requested) && !/^[a-z]:[\\/]/i.test(requested) ? normalizeUri(requested) : fileUri(requested);
    for (const folder of workspace.allFolders()) {
      const file = folder.codebook.file;
      if (file && file.uri === asUri) return { text: file.text };
    }
    throw new ResponseError(ErrorCodes.InvalidParams, `${requested} is not a codebook in use.`);
  }));
}
