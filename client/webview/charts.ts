// Horizontal bar charts as plain SVG. Bars of codes take the codebook's
// colour; the others a theme colour from the stylesheet. Each bar has a
// <title> (hover) and the chart an aria-label with all its values; the table
// next to it holds the same numbers for screen readers and copying.
import { formatNumber, s } from './dom';

export interface Bar {
  readonly key: string;
  readonly value: number;
  /** A safe fill colour (dom.safeColor), else the stylesheet's. */
  readonly color?: string;
  readonly description?: string;
}

const ROW = 22;
const BAR = 14;
const LABEL_WIDTH = 128;
const BAR_WIDTH = 196;
const VALUE_WIDTH = 44;
const WIDTH = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH;
const MAX_LABEL = 19;

function shortLabel(label: string): string {
  return label.length <= MAX_LABEL ? label : `${label.slice(0, MAX_LABEL - 1)}…`;
}

export function barChart(title: string, bars: readonly Bar[], kind: 'code' | 'theme'): SVGSVGElement {
  const height = Math.max(1, bars.length) * ROW + 4;
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const label = bars.length === 0 ? `${title}: none` : `${title}: ${bars.map((bar) => `${bar.key} ${bar.value}`).join(', ')}`;
  const svg = s('svg', {
    class: `chart chart-${kind}`,
    viewBox: `0 0 ${WIDTH} ${height}`,
    role: 'img',
    'aria-label': label,
    focusable: 'false',
    'data-chart': kind,
  }, s('title', {}, label));
  bars.forEach((bar, i) => {
    const y = i * ROW + 2;
    const width = bar.value === 0 ? 0 : Math.max(2, Math.round((bar.value / max) * BAR_WIDTH));
    const mid = y + ROW / 2;
    svg.appendChild(s('g', { class: 'bar-row', 'data-key': bar.key },
      s('title', {}, `${bar.key}${bar.description ? ` (${bar.description})` : ''}: ${formatNumber(bar.value)}`),
      s('text', { class: 'bar-label', x: LABEL_WIDTH - 8, y: mid, 'text-anchor': 'end', 'dominant-baseline': 'central' }, shortLabel(bar.key)),
      s('rect', { class: `bar bar-${kind}`, x: LABEL_WIDTH, y: mid - BAR / 2, width, height: BAR, rx: 2, fill: bar.color }),
      s('text', { class: 'bar-value', x: LABEL_WIDTH + width + 6, y: mid, 'dominant-baseline': 'central', 'data-value': bar.value }, formatNumber(bar.value)),
    ));
  });
  return svg;
}

/** A small square of a code's colour, for tables and chips. */
export function swatch(color: string | undefined): SVGSVGElement {
  return s('svg', { class: 'swatch', viewBox: '0 0 10 10', 'aria-hidden': 'true', focusable: 'false' },
    s('rect', { class: 'swatch-fill', x: 0, y: 0, width: 10, height: 10, rx: 2, fill: color }));
}
