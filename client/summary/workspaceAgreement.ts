// The agreement figures the summary panel shows in workspace scope, asked of
// the server beside the summary (`findings/agreement`, the document
// `findings agree --format json` prints). A failure leaves the section out
// (the output channel says why) rather than the whole summary.
import type * as vscode from 'vscode';
import { AgreementRequest, type AgreementDocument, type FindingsScope } from '../../protocol';
import type { FindingsServer } from '../languageClient';

export async function workspaceAgreement(server: FindingsServer, scope: FindingsScope, token: vscode.CancellationToken, output: vscode.LogOutputChannel): Promise<AgreementDocument | null> {
  if (scope.kind !== 'workspace') return null;
  try {
    return (await server.request(AgreementRequest, { scope }, token)).figures;
  } catch (error) {
    if (!token.isCancellationRequested) output.warn(`Summary panel: the agreement figures could not be computed: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}
