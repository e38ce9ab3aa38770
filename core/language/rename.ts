import type { Codebook, CodebookSource } from '../codebook/types';
import type { ReportDocument } from '../document/types';
import type { OffsetRange } from '../text/range';
import type { TextEdit } from '../text/textEdit';
import { spanThemes } from './attributeValues';
import { codebookRenameEdits } from './codebookRenameEdits';
import { codeOccurrences, referenceTargetAt, type ReferenceTarget } from './references';
import type { CorpusReport } from './types';

/** The names codes and themes must have (the codebook schema's `name` pattern). */
export const CODEBOOK_NAME_PATTERN = /^[a-z][a-z0-9-]*$/;

/** The workspace codebook file as the front end found it: none, present but invalid (so not in force), or in force. */
export type WorkspaceCodebookState = 'missing' | 'invalid' | 'valid';

export type PrepareRenameResult =
  | { readonly ok: true; readonly target: ReferenceTarget; readonly range: OffsetRange; readonly placeholder: string }
  | { readonly ok: false; readonly message: string };

export type RenameResult =
  | { readonly ok: true; readonly edits: ReadonlyMap<string, readonly TextEdit[]>; readonly codebookEdits: readonly TextEdit[]; readonly codebook: CodebookSource | undefined }
  | { readonly ok: false; readonly message: string };

export interface RenameInput {
  readonly reports: Iterable<CorpusReport>;
  readonly codebook: Codebook;
  readonly target: ReferenceTarget;
  readonly newName: string;
  /** Whether a workspace codebook file exists; `valid` is also inferred from the codebook's sources. */
  readonly workspaceCodebook?: WorkspaceCodebookState;
}

/** Checks that the code or theme at an offset can be renamed; undefined when nothing renameable is there. */
export function prepareRename(document: ReportDocument, codebook: Codebook, offset: number, workspaceCodebook: WorkspaceCodebookState = 'missing'): PrepareRenameResult | undefined {
  const target = referenceTargetAt(document, codebook, offset);
  if (!target) return undefined;
  const refusal = refusalFor(codebook, target, workspaceCodebook);
  if (refusal) return { ok: false, message: refusal };
  return { ok: true, target: { kind: target.kind, name: target.name }, range: target.range, placeholder: target.name };
}

/**
 * The edits that rename a code or theme in every report of the corpus and in
 * the workspace codebook. A built-in entry is copied into the workspace
 * codebook under its new name (the built-in one cannot be edited).
 */
export function renameEdits(input: RenameInput): RenameResult {
  const { codebook, target, newName } = input;
  const kind = target.kind;
  if (!CODEBOOK_NAME_PATTERN.test(newName)) {
    return { ok: false, message: `\`${newName}\` is not a valid ${kind} name: use lower-case letters, digits and hyphens, starting with a letter.` };
  }
  const workspace = workspaceSource(codebook);
  const refusal = refusalFor(codebook, target, workspace ? 'valid' : (input.workspaceCodebook ?? 'missing'));
  if (refusal) return { ok: false, message: refusal };
  const entries = kind === 'code' ? codebook.codes : codebook.themes;
  const entry = entries.get(target.name);
  if (newName === target.name) return { ok: true, edits: new Map(), codebookEdits: [], codebook: undefined };
  if (entry && entries.has(newName)) return { ok: false, message: `The codebook already defines a ${kind} \`${newName}\`.` };

  const edits = new Map<string, TextEdit[]>();
  for (const report of input.reports) {
    const reportEdits = kind === 'code'
      ? codeOccurrences(report.document, target.name).map((range) => ({ range, newText: newName }))
      : themeEdits(report.document, codebook, target.name, newName);
    if (reportEdits.length > 0) edits.set(report.path, reportEdits);
  }

  if (!entry || !workspace) return { ok: true, edits, codebookEdits: [], codebook: undefined };
  const codebookEdits = codebookRenameEdits(workspace, entry.location, kind, target.name, newName);
  if (!Array.isArray(codebookEdits)) return { ok: false, message: codebookEdits.message };
  return { ok: true, edits, codebookEdits, codebook: workspace };
}

function workspaceSource(codebook: Codebook): CodebookSource | undefined {
  return codebook.sources.find((source) => source.kind === 'workspace');
}

function refusalFor(codebook: Codebook, target: ReferenceTarget, state: WorkspaceCodebookState): string | undefined {
  const entry = target.kind === 'code' ? codebook.codes.get(target.name) : codebook.themes.get(target.name);
  if (!entry || entry.location.source.kind !== 'builtin' || workspaceSource(codebook)) return undefined;
  if (state === 'invalid') {
    return `\`${target.name}\` is a ${target.kind} of the built-in codebook, and the workspace codebook.yaml has errors: fix them first, then rename.`;
  }
  return `\`${target.name}\` is a ${target.kind} of the built-in codebook, which cannot be edited. Add a codebook.yaml to the workspace (it extends the built-in one) to rename it.`;
}

function themeEdits(document: ReportDocument, codebook: Codebook, oldName: string, newName: string): TextEdit[] {
  const edits: TextEdit[] = [];
  const rebuilt = new Set<object>();
  for (const span of document.spans) {
    for (const part of spanThemes(span, codebook)) {
      if (part.text !== oldName) continue;
      if (part.exact) {
        edits.push({ range: part.range, newText: newName });
      } else if (!rebuilt.has(part.attribute)) {
        // Escapes in the value: write the whole value again.
        rebuilt.add(part.attribute);
        const quote = document.text[part.attribute.valueRange.start - 1];
        const value = part.attribute.value.replace(/[^\s,]+/g, (word) => (word === oldName ? newName : word));
        const escaped = part.attribute.quoted ? value.replace(/\\/g, '\\\\').split(quote).join(`\\${quote}`) : value;
        edits.push({ range: part.attribute.valueRange, newText: escaped });
      }
    }
  }
  return edits.sort((a, b) => a.range.start - b.range.start);
}
