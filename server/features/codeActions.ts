import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic as LspDiagnostic, type Range } from 'vscode-languageserver/node';
import { fixAllEdits, tagSelectionActions, type Fix } from '../../core';
import { workspaceEdit, type ServerContext } from '../context';
import { SOURCE, type DiagnosticData } from '../diagnostics';
import { guard, type VersionOf } from '../guard';
import { array, boolean, object, optional, range, string, textDocumentIdentifier } from '../paramShapes';
import { showDifferenceAction } from './cleanText';
import type { ReportEntry } from '../workspaceTypes';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.findings`;
export const TAG_KIND = `${CodeActionKind.RefactorRewrite}.findings.tag`;
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND, TAG_KIND];

/** The diagnostics the client sends back: what quick fixes match them by (their `data` is checked where it is read). */
const diagnostic = object({ range, message: string });
/** The fixes a diagnostic carries in its `data` (see DiagnosticData). */
const fixesData = object({ fixes: array(object({ title: string, preferred: optional(boolean), edits: array(object({ range, newText: string })) })) });
const shape = { textDocument: textDocumentIdentifier, range, context: object({ diagnostics: array(diagnostic), only: optional(array(string)) }) };

/**
 * Quick fixes from the core's fixes, "fix all" (the preferred fixes that do
 * not overlap), and "Tag selection as <code>" for a selection in the body.
 */
export function registerCodeActions(context: ServerContext, versionOf: VersionOf): void {
  context.connection.onCodeAction(guard(context.connection, 'textDocument/codeAction', shape, (params: CodeActionParams): CodeAction[] | null => {
    const entry = context.workspace.report(params.textDocument.uri);
    if (!entry) return null;
    const only = params.context.only ?? undefined; // null: no filter, as when absent
    const wants = (kind: string, explicitOnly = false) => (only === undefined ? !explicitOnly : only.some((o) => kind === o || kind.startsWith(`${o}.`)));
    const actions: CodeAction[] = [];
    if (wants(CodeActionKind.QuickFix)) actions.push(...quickFixes(context, entry, params.context.diagnostics));
    if (wants(FIX_ALL_KIND, true)) {
      const edits = fixAllEdits(entry.report.diagnostics);
      if (edits.length > 0) {
        actions.push({ title: 'Fix all auto-fixable problems', kind: FIX_ALL_KIND, edit: workspaceEdit(context, [{ uri: entry.uri, lines: entry.lines, version: entry.version, edits }]) });
      }
    }
    if (wants(TAG_KIND)) {
      const selection = { start: entry.lines.offset(params.range.start), end: entry.lines.offset(params.range.end) };
      if (selection.end > selection.start) {
        for (const action of tagSelectionActions(entry.report.document, entry.folder.codebook.codebook, selection)) {
          actions.push({ title: action.title, kind: TAG_KIND, edit: workspaceEdit(context, [{ uri: entry.uri, lines: entry.lines, version: entry.version, edits: action.edits }]) });
        }
      }
    }
    return actions;
  }, versionOf));
}

function quickFixes(context: ServerContext, entry: ReportEntry, diagnostics: readonly LspDiagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== SOURCE) continue;
    // The fixes of the same problem in the current text; the diagnostic's own data only if it is for this version.
    const current = entry.report.diagnostics.find((d) => d.rule === diagnostic.code && d.message === diagnostic.message && sameRange(entry.lines.range(d.range), diagnostic.range));
    if (current) {
      for (const fix of current.fixes) actions.push(fixAction(context, entry, diagnostic, fix));
      // A fix that is a command of the client rather than an edit.
      const difference = showDifferenceAction(entry, current, diagnostic);
      if (difference) actions.push(difference);
      continue;
    }
    // The data comes back from the client as it was sent, or not: used only when it still has its shape.
    if (fixesData(diagnostic.data) !== undefined) continue;
    const data = diagnostic.data as DiagnosticData;
    if (data.version !== entry.version) continue;
    const fixes: DiagnosticData['fixes'] = data.fixes;
    for (const fix of fixes) {
      const edit = context.client.documentChanges
        ? { documentChanges: [{ textDocument: { uri: entry.uri, version: entry.version }, edits: fix.edits.map((e) => ({ range: e.range, newText: e.newText })) }] }
        : { changes: { [entry.uri]: fix.edits.map((e) => ({ range: e.range, newText: e.newText })) } };
      actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.preferred, edit });
    }
  }
  return actions;
}

function fixAction(context: ServerContext, entry: ReportEntry, diagnostic: LspDiagnostic, fix: Fix): CodeAction {
  return {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: fix.preferred,
    edit: workspaceEdit(context, [{ uri: entry.uri, lines: entry.lines, version: entry.version, edits: fix.edits }]),
  };
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
