/**
 * "Save as HTML": a report's coded article as one self-contained HTML
 * document to send or attach: the header, a legend of codes, the article
 * with its highlights (the same paint as the reader: highlightStyle.ts), a
 * label after every passage, the memos as numbered notes, the fingerprint
 * and a generation note. Everything from the report is escaped; the only
 * script is the reader's own layout script for the margin stripes, inlined
 * from the build, and without it the document still reads (the labels stay).
 * The same model and assets always give the same bytes.
 */
import { articleBlocks } from './articleBlocks';
import { highlightStyles, safeCodeColor, type HighlightStyle } from './highlightStyle';
import { firstWords, passageLabel, readerLabels, stripeLabel, type ReaderLabels } from './passageLabels';
import { passageRuns } from './passageRuns';
import type { ReaderModel, ReaderPassage } from './readerTypes';

export interface StandaloneAssets {
  /** The stripes' layout script (dist/webview/reader-standalone.js); empty for none. */
  readonly script: string;
  /** The stylesheet (dist/webview/reader-standalone.css). */
  readonly style: string;
  /** Who made the file, e.g. "Inspection Findings 0.1.0". */
  readonly generatedBy?: string;
  /** When, e.g. "2026-03-01". */
  readonly generatedOn?: string;
}

/** The id of the JSON the layout script reads: per passage, its stripes' labels and colours. */
export const STANDALONE_DATA_ID = 'coded-report-data';

/** What the layout script finds in the data element. */
export interface StandaloneData {
  /**
   * Per passage (by its position in the model, the `data-p` of its
   * highlights), per code: the code's label, the stripe's label (the code and
   * the passage's themes) and the colour.
   */
  readonly passages: ReadonlyArray<ReadonlyArray<readonly [string, string, string]>>;
}

export function standaloneHtml(model: ReaderModel, assets: StandaloneAssets): string {
  const labels = readerLabels(model.codes, model.themes);
  const colors = new Map(model.codes.map((code) => [code.name, safeCodeColor(code.color)]));
  const memoNumbers = new Map<number, number>();
  model.passages.forEach((passage, i) => {
    if (passage.memo !== null) memoNumbers.set(i, memoNumbers.size + 1);
  });
  const data: StandaloneData = {
    passages: model.passages.map((passage) => passage.codes.map((code) => [labels.code(code), stripeLabel(code, passage, labels), colors.get(code) ?? safeCodeColor(undefined)] as const)),
  };
  const title = model.header.title;
  const out: string[] = [];
  out.push('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n');
  out.push('<meta name="viewport" content="width=device-width, initial-scale=1">\n');
  if (assets.generatedBy) out.push(`<meta name="generator" content="${attribute(assets.generatedBy)}">\n`);
  out.push(`<title>${text(title)} — coded report</title>\n`);
  out.push(`<style>\n${rawStyle(assets.style)}\n</style>\n</head>\n<body>\n<main class="coded-report">\n`);
  header(out, model);
  legend(out, model);
  article(out, model, labels, memoNumbers);
  memos(out, model, labels, memoNumbers);
  footer(out, model, assets);
  out.push('</main>\n');
  out.push(`<script type="application/json" id="${STANDALONE_DATA_ID}">${json(data)}</script>\n`);
  if (assets.script.trim() !== '') out.push(`<script>\n${rawScript(assets.script)}\n</script>\n`);
  out.push('</body>\n</html>\n');
  return out.join('');
}

function header(out: string[], model: ReaderModel): void {
  out.push('<header class="report-header">\n');
  out.push(`<h1>${text(model.header.title)}</h1>\n<p class="file-name">${text(model.name)}</p>\n`);
  if (model.header.fields.length > 0) {
    out.push('<dl class="fields">\n');
    for (const field of model.header.fields) out.push(`<div><dt>${text(field.label)}</dt><dd>${text(field.value)}</dd></div>\n`);
    out.push('</dl>\n');
  }
  if (model.header.memo !== null) out.push(`<section class="report-memo" aria-label="Report memo"><h2>Memo</h2><p class="memo-text">${text(model.header.memo)}</p></section>\n`);
  out.push('</header>\n');
}

function legend(out: string[], model: ReaderModel): void {
  const used = model.codes.filter((code) => code.passages > 0);
  out.push('<section class="legend" aria-label="Codes">\n<h2>Codes</h2>\n');
  if (used.length === 0) {
    out.push('<p>No coded passages.</p>\n</section>\n');
    return;
  }
  out.push('<ul>\n');
  for (const code of used) {
    out.push(`<li><span class="swatch" style="--code-color: ${safeCodeColor(code.color)}"></span>${text(code.label)} <span class="count">${code.passages}</span></li>\n`);
  }
  out.push('</ul>\n</section>\n');
}

function article(out: string[], model: ReaderModel, labels: ReaderLabels, memoNumbers: ReadonlyMap<number, number>): void {
  const { cleanText, passages } = model;
  const styles = highlightStyles(passages, model.codes);
  const blocks = articleBlocks(cleanText, passageRuns(cleanText.length, passages));
  // No white space between the article's elements: its text is exactly the clean text.
  out.push('<article class="article" aria-label="Article">');
  for (const block of blocks) {
    out.push('<div class="block"><p class="text">');
    const open: number[] = [];
    const close = (position: number, keep: number) => {
      while (open.length > keep) {
        const p = open.pop() as number;
        out.push('</span>');
        // The passage's last piece: its label and memo reference follow it.
        if (passages[p].end <= position) passageEnd(out, p, passages[p], labels, memoNumbers);
      }
    };
    for (const run of block.runs) {
      let common = 0;
      while (common < open.length && common < run.passages.length && open[common] === run.passages[common]) common++;
      close(run.start, common);
      for (let k = common; k < run.passages.length; k++) {
        const p = run.passages[k];
        open.push(p);
        out.push(highlightOpen(p, passages[p], styles[p], labels, cleanText, passages[p].start < block.start));
      }
      out.push(text(cleanText.slice(run.start, run.end)));
    }
    close(block.end, 0);
    out.push('</p><div class="gutter" aria-hidden="true"></div></div>');
  }
  out.push('</article>\n');
}

/** A passage's highlight; `continued`: the passage opened in an earlier paragraph. */
function highlightOpen(p: number, passage: ReaderPassage, style: HighlightStyle, labels: ReaderLabels, cleanText: string, continued: boolean): string {
  const css = Object.entries(style).map(([name, value]) => `--${name}: ${value}`).join('; ');
  const details = [passageLabel(passage, labels, cleanText), ...passage.attributes.map((a) => `${a.key}: ${a.value}`)];
  if (passage.memo !== null) details.push(`Memo: ${passage.memo}`);
  return `<span class="${continued ? 'hl continued' : 'hl'}" data-p="${p}" style="${attribute(css)}" title="${attribute(details.join('\n'))}">`;
}

function passageEnd(out: string[], p: number, passage: ReaderPassage, labels: ReaderLabels, memoNumbers: ReadonlyMap<number, number>): void {
  const label = passage.codes.map((code) => stripeLabel(code, passage, labels)).join('; ');
  out.push(`<span class="tag-label" data-label="${attribute(label)}"></span>`);
  const n = memoNumbers.get(p);
  if (n !== undefined) out.push(`<a class="memo-ref" id="memo-ref-${n}" href="#memo-${n}" data-n="${n}" aria-label="Memo ${n}"></a>`);
}

function memos(out: string[], model: ReaderModel, labels: ReaderLabels, memoNumbers: ReadonlyMap<number, number>): void {
  if (memoNumbers.size === 0) return;
  out.push('<section class="memos" aria-label="Memos">\n<h2>Memos</h2>\n<ol>\n');
  for (const [p, n] of memoNumbers) {
    const passage = model.passages[p];
    const codes = passage.codes.map((code) => stripeLabel(code, passage, labels)).join('; ');
    out.push(`<li id="memo-${n}"><a class="back" href="#memo-ref-${n}" aria-label="Back to the passage">↩</a> <span class="memo-passage"><strong>${text(codes)}</strong> “${text(firstWords(model.cleanText, passage))}”</span><p class="memo-text">${text(passage.memo ?? '')}</p></li>\n`);
  }
  out.push('</ol>\n</section>\n');
}

function footer(out: string[], model: ReaderModel, assets: StandaloneAssets): void {
  const by = assets.generatedBy ? ` by ${text(assets.generatedBy)}` : '';
  const on = assets.generatedOn ? ` on ${text(assets.generatedOn)}` : '';
  out.push(`<footer class="generated"><p>Generated${by}${on} from <code>${text(model.name)}</code>: ${model.passages.length} coded ${model.passages.length === 1 ? 'passage' : 'passages'}.</p>`);
  out.push(`<p>Article fingerprint (SHA-256 of the clean text): <code>${text(model.fingerprint)}</code></p></footer>\n`);
}

/** Text content: `&`, `<` and `>` escaped. */
function text(value: string): string {
  return value.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** A double-quoted attribute value: quotes escaped too. */
function attribute(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** JSON inside a script element: nothing in it can close the element or start a comment. */
function json(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The build's own script: a `</script` in a string literal must not end the element. */
function rawScript(source: string): string {
  return source.replace(/<\/(script)/gi, '<\\/$1');
}

function rawStyle(source: string): string {
  return source.replace(/<\/(style)/gi, '<\\/$1');
}
