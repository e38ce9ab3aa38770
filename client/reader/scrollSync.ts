// Scrolls the coded reader and the report's editor together. Each side is
// told only of the other's scrolling, never of its own: a scroll this class
// causes in the editor is not sent back to the reader (and the webview
// keeps quiet about a `reveal` it was sent), so neither side chases the other.
//
// The editor's echo is told apart by where it lands, not only by when it
// comes (it may come late): a line revealed at the top may show a few lines
// lower, under the editor's sticky scroll, and smooth scrolling passes the
// lines between. Anything else is the user's own scrolling.
import * as vscode from 'vscode';
import { cleanOffsetOfLine, lineOfCleanOffset } from '../../core/reader/lineMap';
import type { ReaderModel } from '../../protocol';
import { visibleSourceEditor } from './sourceEditor';

/** How long after a reveal of ours the editor's scrolling may be its echo. */
const ECHO_MS = 1000;
/** The most lines the editor's sticky scroll covers at its top (`editor.stickyScroll.maxLineCount`'s default). */
const STICKY_LINES = 5;

type Lines = ReaderModel['lines'];

export class ScrollSync implements vscode.Disposable {
  /** The clean offset at the top of the reader, as last known from either side. */
  offset: number;
  /** The editor's scrolling that a reveal of ours causes: tops from `low` to `high`, until then. */
  private echo: { readonly low: number; readonly high: number; readonly until: number } | undefined;
  private readonly subscription: vscode.Disposable;

  /**
   * `uri` and `lines` give the report and the model shown now; `reveal`
   * brings a clean offset to the reader's top.
   */
  constructor(private readonly uri: () => string, private readonly lines: () => Lines | undefined, private readonly reveal: (offset: number) => void, offset = 0) {
    this.offset = offset;
    this.subscription = vscode.window.onDidChangeTextEditorVisibleRanges((event) => this.editorScrolled(event.textEditor, event.visibleRanges));
  }

  /** The reader scrolled: bring the line that starts its top into the editor's top. */
  readerScrolled(offset: number): void {
    this.offset = offset;
    const lines = this.lines();
    const editor = visibleSourceEditor(this.uri());
    if (!lines || !editor) return;
    const line = lineOfCleanOffset(lines, offset);
    const from = editor.visibleRanges[0]?.start.line ?? line;
    if (from === line) return;
    this.echo = { low: Math.min(from, line - STICKY_LINES), high: Math.max(from, line), until: Date.now() + ECHO_MS };
    editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.AtTop);
  }

  /** The clean offset at the top of the report's editor in view; undefined when none is. */
  editorOffset(): number | undefined {
    const lines = this.lines();
    const top = visibleSourceEditor(this.uri())?.visibleRanges[0]?.start.line;
    return lines && top !== undefined ? cleanOffsetOfLine(lines, top) : undefined;
  }

  dispose(): void {
    this.subscription.dispose();
  }

  private editorScrolled(editor: vscode.TextEditor, visible: readonly vscode.Range[]): void {
    if (editor.document.uri.toString() !== this.uri()) return;
    const lines = this.lines();
    const top = visible[0]?.start.line;
    if (!lines || top === undefined) return;
    const echo = this.echo;
    if (echo && Date.now() < echo.until && top >= echo.low && top <= echo.high) return;
    this.echo = undefined;
    const offset = cleanOffsetOfLine(lines, top);
    if (offset === this.offset) return;
    this.offset = offset;
    this.reveal(offset);
  }
}
