// A code's colour from the codebook (`#rrggbb`) as a translucent CSS colour,
// so that layered tints (nested and multi-code passages) add up instead of
// one hiding the other.

import { codeColor, FALLBACK_CODE_COLOR } from '../../core/codebook/codeColor';

/** What a code gets whose colour is not `#rrggbb` (the codebook's schema asks for that form). */
export const FALLBACK_COLOR = FALLBACK_CODE_COLOR;

/** The colour in lower case when it is `#rrggbb`, else the fallback grey: nothing else reaches CSS. */
export const normalizedColor: (color: string) => string = codeColor;

/** A `#rrggbb` colour (see normalizedColor) at `opacity` (0–1) as `rgba(r, g, b, a)`. */
export function translucent(color: string, opacity: number): string {
  const hex = normalizedColor(color);
  const channel = (at: number) => parseInt(hex.slice(at, at + 2), 16);
  const alpha = Math.round(Math.min(1, Math.max(0, opacity)) * 1000) / 1000;
  return `rgba(${channel(1)}, ${channel(3)}, ${channel(5)}, ${alpha})`;
}
