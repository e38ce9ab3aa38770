import type { Coefficient } from '../../core/agreement';

/** A coefficient to four places, or n/a where it is undefined. */
export function figure(value: Coefficient): string {
  if (value === null) return 'n/a';
  const text = value.toFixed(4);
  // -0.0000 is 0 to four places.
  return text === '-0.0000' ? '0.0000' : text;
}

/** A coefficient at full precision for CSV, or n/a. */
export function fullFigure(value: Coefficient): string {
  return value === null ? 'n/a' : String(value);
}

/** What a label row is called: the code or theme, or all of them. */
export function labelName(label: string | null, by: 'code' | 'theme'): string {
  return label ?? `(all ${by}s)`;
}
