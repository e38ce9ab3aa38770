import type { Connection } from 'vscode-languageserver/node';
import type { ReportWorkspace } from '../reportWorkspace';
import type { DiagnosticsDelivery, DiagnosticsOptions } from './lspDiagnostics';
import { PullDiagnostics } from './pullDiagnostics';
import { PushDiagnostics } from './pushDiagnostics';

export { SOURCE, type DiagnosticData, type DiagnosticsDelivery } from './lspDiagnostics';

/** Pulled diagnostics when the client can pull them, else pushed. */
export function createDiagnostics(connection: Connection, workspace: ReportWorkspace, options: DiagnosticsOptions & { pull: boolean; refreshSupport: boolean }): DiagnosticsDelivery {
  return options.pull ? new PullDiagnostics(connection, workspace, options) : new PushDiagnostics(connection, workspace, options);
}
