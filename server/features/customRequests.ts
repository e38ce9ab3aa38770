import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import {
  CodebookRequest,
  CodebookTextRequest,
  DocumentCountsRequest,
  BUILTIN_CODEBOOK_SCHEME,
  type CodebookParams,
  type CodebookSummary,
  type CodebookTextParams,
  type CodebookTextResult,
  type DocumentCountsParams,
  type DocumentCountsResult,
} from '../../protocol/requests';
import { BUILTIN_CODEBOOK, BUILTIN_CODEBOOK_PATH, codebookSummary, documentSummary } from '../../core';
import type { ServerContext } from '../context';
import { guard } from '../guard';
import { fileUri, normalizeUri } from '../uris';

/** The requests of protocol/requests.ts. */
export function registerCustomRequests(context: ServerContext): void {
  const { connection, workspace } = context;

  connection.onRequest(CodebookRequest, guard(connection, CodebookRequest, (params: CodebookParams | undefined): CodebookSummary => {
    const folder = params?.uri !== undefined ? workspace.folderFor(normalizeUri(String(params.uri))) : workspace.allFolders()[0];
    return codebookSummary(folder.codebook.codebook);
  }));

  connection.onRequest(CodebookTextRequest, guard(connection, CodebookTextRequest, (params: CodebookTextParams): CodebookTextResult => {
    const requested = String(params?.path ?? '');
    if (requested === BUILTIN_CODEBOOK_PATH || requested.startsWith(`${BUILTIN_CODEBOOK_SCHEME}:`)) return { text: BUILTIN_CODEBOOK.text };
    // Only the codebooks the server reads: never any other file.
    const asUri = /^[a-z][a-z0-9+.-]*:/i.test(requested) && !/^[a-z]:[\\/]/i.test(requested) ? normalizeUri(requested) : fileUri(requested);
    for (const folder of workspace.allFolders()) {
      const file = folder.codebook.file;
      if (file && file.uri === asUri) return { text: file.text };
    }
    throw new ResponseError(ErrorCodes.InvalidParams, `${requested} is not a codebook in use.`);
  }));

  connection.onRequest(DocumentCountsRequest, guard(connection, DocumentCountsRequest, (params: DocumentCountsParams): DocumentCountsResult | null => {
    const entry = workspace.report(String(params.uri));
    return entry ? documentSummary(entry.report.document, entry.report.diagnostics, entry.folder.codebook.codebook) : null;
  }));
}
