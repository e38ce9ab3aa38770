// The core's line index of an open document's text, kept per version: the
// one place the server turns LSP positions of an open document into offsets
// before the document is analysed (the analysed report has its own, see
// ReportWorkspace.lineIndex), so that lines are counted as everywhere else.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../core';

const cache = new WeakMap<TextDocument, { readonly version: number; readonly lines: LineIndex }>();

export function documentLines(document: TextDocument): LineIndex {
  const cached = cache.get(document);
  if (cached && cached.version === document.version) return cached.lines;
  const lines = new LineIndex(document.getText());
  cache.set(document, { version: document.version, lines });
  return lines;
}
