// Which ranges of a report's editor get which decoration, from the server's
// passages (`findings/passages`) and the settings: one pass over the
// passages that allocates nothing per passage but the ranges themselves (one
// for the tagged text, shared by every layer it goes into, and two more when
// the markup is dimmed). No vscode import: the range constructor is passed
// in, so that the unit tests can run it.
import type { ReaderPassages } from '../../protocol';
import type { DecorationSettings } from './decorationSettings';
import { FALLBACK_COLOR, normalizedColor } from './tintColor';

/**
 * Where a passage with several codes marks each one, in the order of its
 * codes, so that no colour hides another where the tints blend: an underline,
 * an overline, then a dotted outline for any further codes.
 */
export const EDGES = ['bottom', 'top', 'outline'] as const;
export type Edge = (typeof EDGES)[number];

export type DecorationStyle =
  /** A code's colour over its tagged text, and its mark in the overview ruler. */
  | { readonly kind: 'tint'; readonly color: string }
  /** Only the overview ruler mark (tints turned off). */
  | { readonly kind: 'ruler'; readonly color: string }
  | { readonly kind: 'edge'; readonly edge: Edge; readonly color: string }
  /** The span markup drawn with lower contrast. */
  | { readonly kind: 'dim' };

export interface PlanLayer<R> {
  readonly key: string;
  readonly style: DecorationStyle;
  readonly ranges: R[];
}

export interface DecorationPlan<R> {
  /** One layer per style that has ranges. */
  readonly layers: readonly PlanLayer<R>[];
  /** How many passages each code has a tint (or a ruler mark) on. */
  readonly passagesPerCode: ReadonlyMap<string, number>;
  /** How many markup ranges are dimmed (two per passage when dimming: `[` and `]{…}`). */
  readonly dimmed: number;
}

/** Makes a range from zero-based lines and UTF-16 characters. */
export type RangeFactory<R> = (startLine: number, startCharacter: number, endLine: number, endCharacter: number) => R;

/** A stable name of a style, for caching its decoration type. */
export function styleKey(style: DecorationStyle): string {
  switch (style.kind) {
    case 'dim':
      return 'dim';
    case 'edge':
      return `edge ${style.edge} ${style.color}`;
    default:
      return `${style.kind} ${style.color}`;
  }
}

export function decorationPlan<R>(passages: ReaderPassages, settings: DecorationSettings, makeRange: RangeFactory<R>): DecorationPlan<R> {
  const colorOf = new Map<string, string>();
  for (const code of passages.codes) colorOf.set(code.name, normalizedColor(code.color));
  const tinted = settings.codeTint > 0;
  const marks = new Map<string, R[]>();
  const edges = new Map<string, R[][]>();
  const passagesPerCode = new Map<string, number>();
  const dimmedRanges: R[] = [];
  const dim = settings.markup === 'dim';

  for (const passage of passages.passages) {
    const { codes, source } = passage;
    const text = source.text;
    const range = makeRange(text.start.line, text.start.character, text.end.line, text.end.character);
    const colors = distinctColors(codes, colorOf);
    let slot = 0;
    for (let i = 0; i < codes.length; i++) {
      passagesPerCode.set(codes[i], (passagesPerCode.get(codes[i]) ?? 0) + 1);
      const color = colorOf.get(codes[i]) ?? FALLBACK_COLOR;
      if (colorBefore(codes, i, color, colorOf)) continue;
      rangesOf(marks, color).push(range);
      if (tinted && colors > 1) edgeRangesOf(edges, color, Math.min(slot, EDGES.length - 1)).push(range);
      slot++;
    }
    if (dim) {
      const open = source.span.start;
      const close = source.close;
      dimmedRanges.push(makeRange(open.line, open.character, open.line, open.character + 1));
      dimmedRanges.push(makeRange(close.start.line, close.start.character, close.end.line, close.end.character));
    }
  }

  const layers: PlanLayer<R>[] = [];
  const add = (style: DecorationStyle, ranges: R[]) => layers.push({ key: styleKey(style), style, ranges });
  for (const [color, ranges] of marks) add({ kind: tinted ? 'tint' : 'ruler', color }, ranges);
  for (const [color, slots] of edges) slots.forEach((ranges, slot) => ranges.length > 0 && add({ kind: 'edge', edge: EDGES[slot], color }, ranges));
  if (dimmedRanges.length > 0) add({ kind: 'dim' }, dimmedRanges);
  return { layers, passagesPerCode, dimmed: dimmedRanges.length };
}

/** How many different colours a passage's codes have (a handful of codes: no set needed). */
function distinctColors(codes: readonly string[], colorOf: ReadonlyMap<string, string>): number {
  let count = 0;
  for (let i = 0; i < codes.length; i++) {
    if (!colorBefore(codes, i, colorOf.get(codes[i]) ?? FALLBACK_COLOR, colorOf)) count++;
  }
  return count;
}

/** Whether a code before the i-th has the same colour (its layer already holds the passage). */
function colorBefore(codes: readonly string[], i: number, color: string, colorOf: ReadonlyMap<string, string>): boolean {
  for (let j = 0; j < i; j++) if ((colorOf.get(codes[j]) ?? FALLBACK_COLOR) === color) return true;
  return false;
}

function rangesOf<R>(byColor: Map<string, R[]>, color: string): R[] {
  let ranges = byColor.get(color);
  if (!ranges) {
    ranges = [];
    byColor.set(color, ranges);
  }
  return ranges;
}

function edgeRangesOf<R>(byColor: Map<string, R[][]>, color: string, slot: number): R[] {
  let slots = byColor.get(color);
  if (!slots) {
    slots = EDGES.map(() => []);
    byColor.set(color, slots);
  }
  return slots[slot];
}
