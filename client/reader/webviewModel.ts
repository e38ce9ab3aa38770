// What the extension sends the reader's webview of a model or a delta: all
// but what only the extension reads (each passage's source ranges, the line
// map), as JSON text, which crosses into the webview far faster than the
// object graph (each hop would clone it). The webview checks it as it
// checks everything (webview/validate.ts).
import type { ReaderDelta, ReaderModel, ReaderPassage } from '../../protocol/reader';

export function webviewModelJson(model: ReaderModel): string {
  // Fields set to undefined are left out of the JSON.
  return JSON.stringify({ ...model, lines: undefined, passages: model.passages.map(shownPassage) });
}

export function webviewDeltaJson(delta: ReaderDelta): string {
  return JSON.stringify({ ...delta, lines: undefined, passages: { ...delta.passages, items: delta.passages.items.map(shownPassage) } });
}

function shownPassage(passage: ReaderPassage): Omit<ReaderPassage, 'source'> & { source: undefined } {
  return { ...passage, source: undefined };
}
