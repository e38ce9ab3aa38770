// A coded passage written as span markup, and read back. A reference report
// holds its candidates' versions as `start-end {.code theme=… key=value}`
// (code points of the clean text, then the attribute block), and its spans
// are written with the same blocks, so what the annotators coded is
// reproduced exactly: codes, themes, other attributes, never a placeholder
// (tagging's closingMarkup writes `key=""` for a required attribute left
// out, which would add an attribute no annotator gave).
import type { Codebook } from '../../codebook/types';
import { readAttributeBlock } from '../../document/attributeBlock';
import { parseReport } from '../../document/parseReport';
import { attributeValue } from '../../language/tagEdit';
import { attributeDefinition, DEFAULT_THEME_ATTRIBUTE } from '../../spans/spanThemes';
import { annotationOf } from '../annotations';
import type { CodedPassage } from '../disagreements';

/** A coded passage with its attribute block as written in a report. */
export interface MarkedPassage extends CodedPassage {
  readonly block: string;
}

const NO_RANGE = { start: 0, end: 0 };

/**
 * `{#id .weakness .quote speaker=x theme="a b"}`: the id if any, the codes,
 * then the attributes in the codebook's order for the codes (the themes in
 * the first that holds them), then any others by name.
 */
export function passageBlock(passage: Pick<CodedPassage, 'codes' | 'themes' | 'attributes'>, codebook: Codebook, id?: string): string {
  const parts = id === undefined ? [] : [`#${id}`];
  for (const code of passage.codes) parts.push(`.${code}`);
  const span = { codes: passage.codes.map((name) => ({ name, range: NO_RANGE, tokenRange: NO_RANGE })) };
  const values = new Map(Object.entries(passage.attributes));
  let themes = passage.themes.length > 0 ? attributeValue(passage.themes.join(' ')) : undefined;
  for (const name of passage.codes) {
    for (const attribute of codebook.codes.get(name)?.attributes.values() ?? []) {
      // An attribute is the first code's that takes it (docs/format.md, Spans).
      if (attributeDefinition(span, codebook, attribute.name)?.attribute !== attribute) continue;
      if (attribute.values === 'themes') {
        if (themes !== undefined) parts.push(`${attribute.name}=${themes}`);
        themes = undefined;
      } else if (values.has(attribute.name)) {
        parts.push(`${attribute.name}=${attributeValue(values.get(attribute.name)!)}`);
        values.delete(attribute.name);
      }
    }
  }
  // No code of the codebook holds themes: then only `theme` does.
  if (themes !== undefined) parts.push(`${DEFAULT_THEME_ATTRIBUTE}=${themes}`);
  for (const [key, value] of values) parts.push(`${key}=${attributeValue(value)}`);
  return `{${parts.join(' ')}}`;
}

/** A version item: `120-175 {.weakness theme=leadership}`. */
export function versionItemText(passage: MarkedPassage): string {
  return `${passage.start}-${passage.end} ${passage.block}`;
}

const VERSION_ITEM = /^(\d{1,15})-(\d{1,15}) (?=\{)/;

/**
 * Reads a version item with the attribute-block reader; the passage's codes,
 * themes and attributes are then what agreement reads of such a span
 * (annotationOf over the one span), so they compare with any report's.
 */
export function readVersionItem(text: string, codebook: Codebook): MarkedPassage | { readonly problem: string } {
  const head = VERSION_ITEM.exec(text);
  if (!head) return { problem: `\`${clip(text)}\` is not \`start-end {.code …}\` (code points of the article text, then the attribute block)` };
  const start = Number(head[1]);
  const end = Number(head[2]);
  if (end <= start) return { problem: `\`${head[1]}-${head[2]}\` is empty: the end must come after the start` };
  const block = readAttributeBlock(text, head[0].length);
  if (!block.closed || block.end !== text.length || block.problems.length > 0) return { problem: `\`${clip(text.slice(head[0].length))}\` is not one well-formed attribute block` };
  if (block.codes.length === 0) return { problem: `\`${clip(text.slice(head[0].length))}\` names no code` };
  const blockText = text.slice(head[0].length);
  const span = annotationOf('', parseReport(`[x]${blockText}`), codebook).spans[0];
  return { start, end, codes: span.codes, themes: span.themes, attributes: span.attributes, block: blockText };
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/**
 * The block without the `#id` tokens whose id is in `taken` (an id must stay
 * unique in a report); the ids it keeps are added to `taken`, so that spans
 * added together never share one either.
 */
export function blockWithFreeIds(block: string, taken: { has(id: string): boolean; add(id: string): unknown }): string {
  const read = readAttributeBlock(block, 0);
  let result = block;
  for (const id of [...read.ids].reverse()) {
    if (!taken.has(id.value)) continue;
    let start = id.tokenRange.start;
    while (start > 1 && (result[start - 1] === ' ' || result[start - 1] === '\t')) start--;
    // `{#id .code}`: the blank after it goes instead of the one before.
    const end = result[start - 1] === '{' ? id.tokenRange.end + (result[id.tokenRange.end] === ' ' ? 1 : 0) : id.tokenRange.end;
    result = result.slice(0, start) + result.slice(end);
  }
  for (const id of read.ids) taken.add(id.value);
  return result;
}
