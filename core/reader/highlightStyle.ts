/**
 * How a passage's highlight is painted, in the coded reader and the saved
 * HTML alike: a translucent tint of its first code, over which the tints of
 * passages nested in it layer, and one underline per code. The underlines
 * of a passage lie below those of every passage inside it (its bottom
 * padding makes room), so nested and multi-code passages never hide one
 * another. The values are CSS custom properties that the stylesheets use.
 * No imports beyond the reader's types and the colour rule: the webview bundle uses it.
 */
import { codeColor, FALLBACK_CODE_COLOR } from '../codebook/codeColor';
import type { ReaderCode, ReaderPassage } from './readerTypes';

/** The height of one underline's band, in CSS pixels (a 2px line and a 1px gap). */
export const UNDERLINE_BAND = 3;
/** At most this many bands below a passage: deeper nests share the lowest one rather than spill into the next line. */
const MAX_BANDS = 6;
const FALLBACK_COLOR = FALLBACK_CODE_COLOR;

/** The custom properties of one passage's highlight (names without the leading `--`). */
export interface HighlightStyle {
  /** The tint colour (a color-mix of the first code's colour with the `--tint-strength` the stylesheet sets). */
  readonly tint: string;
  /** The underline layers, their sizes and positions, as comma-separated background lists. */
  readonly lines: string;
  readonly 'line-size': string;
  readonly 'line-position': string;
  /** The bottom padding that puts the underlines below those of nested passages. */
  readonly pad: string;
}

/** A colour the stylesheet may use as it stands (core/codebook/codeColor.ts). */
export const safeCodeColor = codeColor;

/**
 * The style of every passage, in the order given. Passages name their
 * enclosing passage by index (`parent`); enclosed passages follow their
 * parent, as spans open in document order. Linear in passages and codes.
 */
export function highlightStyles(passages: readonly Pick<ReaderPassage, 'index' | 'codes' | 'parent'>[], codes: readonly Pick<ReaderCode, 'name' | 'color'>[]): HighlightStyle[] {
  const colors = new Map(codes.map((code) => [code.name, safeCodeColor(code.color)]));
  const position = new Map<number, number>();
  passages.forEach((passage, i) => position.set(passage.index, i));
  // The bands each passage's inside needs: the deepest stack of underlines among the passages it encloses.
  const inner = new Array<number>(passages.length).fill(0);
  for (let i = passages.length - 1; i >= 0; i--) {
    const parent = passages[i].parent === null ? undefined : position.get(passages[i].parent as number);
    if (parent !== undefined && parent < i) inner[parent] = Math.max(inner[parent], inner[i] + Math.max(1, passages[i].codes.length));
  }
  // Passages with the same colours and depth share one style object (most do): fewer strings, and a
  // caller may compare styles by identity.
  const shared = new Map<string, HighlightStyle>();
  return passages.map((passage, i) => {
    const own = passage.codes.length === 0 ? [FALLBACK_COLOR] : passage.codes.map((code) => colors.get(code) ?? FALLBACK_COLOR);
    const bands = Math.min(MAX_BANDS, inner[i] + own.length);
    const key = `${own.join(' ')} ${bands}`;
    let style = shared.get(key);
    if (!style) {
      style = paint(own, bands);
      shared.set(key, style);
    }
    return style;
  });
}

function paint(own: readonly string[], bands: number): HighlightStyle {
  const lines: string[] = [];
  const sizes: string[] = [];
  const positions: string[] = [];
  own.forEach((color, k) => {
    // The first code's line nearest the text; a passage with many codes keeps only what fits.
    const fromBottom = Math.max(0, own.length - 1 - k) * UNDERLINE_BAND;
    if (fromBottom >= MAX_BANDS * UNDERLINE_BAND) return;
    // Blended with --line-blend by --line-strength (100%: the colour itself); a high-contrast theme lightens dark codes that way.
    const line = `color-mix(in srgb, ${color} var(--line-strength, 100%), var(--line-blend, #fff))`;
    lines.push(`linear-gradient(${line}, ${line})`);
    sizes.push(`100% ${UNDERLINE_BAND - 1}px`);
    positions.push(`0 calc(100% - ${fromBottom}px)`);
  });
  return {
    tint: `color-mix(in srgb, ${own[0]} var(--tint-strength, 18%), transparent)`,
    lines: lines.join(', '),
    'line-size': sizes.join(', '),
    'line-position': positions.join(', '),
    pad: `${bands * UNDERLINE_BAND}px`,
  };
}
