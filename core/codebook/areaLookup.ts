import { closest, distance } from 'fastest-levenshtein';
import { FORMER_AREAS, SEND_AREAS, type AreaEntry } from './areas';

export type AreaMatch =
  | { readonly kind: 'canonical'; readonly area: AreaEntry }
  | { readonly kind: 'alias'; readonly area: AreaEntry }
  | { readonly kind: 'former'; readonly successors: readonly string[] }
  | { readonly kind: 'unknown'; readonly suggestion: string | undefined };

/** Folds case, `&`, punctuation and spacing so "Stoke on Trent" finds "Stoke-on-Trent". */
export function normaliseAreaName(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const byNormalisedName = new Map<string, { area: AreaEntry; canonical: boolean }>();
for (const area of SEND_AREAS) {
  byNormalisedName.set(normaliseAreaName(area.name), { area, canonical: true });
  for (const alias of area.aliases ?? []) byNormalisedName.set(normaliseAreaName(alias), { area, canonical: false });
}
const formerByNormalisedName = new Map(Object.entries(FORMER_AREAS).map(([name, successors]) => [normaliseAreaName(name), successors]));
const normalisedKeys = [...byNormalisedName.keys()];

export function lookUpArea(name: string): AreaMatch {
  const exact = SEND_AREAS.find((area) => area.name === name);
  if (exact) return { kind: 'canonical', area: exact };
  const key = normaliseAreaName(name);
  const found = byNormalisedName.get(key);
  if (found) return { kind: 'alias', area: found.area };
  const successors = formerByNormalisedName.get(key);
  if (successors) return { kind: 'former', successors };
  if (key === '') return { kind: 'unknown', suggestion: undefined };
  const nearest = closest(key, normalisedKeys);
  const withinReach = distance(key, nearest) <= Math.max(2, Math.floor(key.length / 4));
  return { kind: 'unknown', suggestion: withinReach ? byNormalisedName.get(nearest)?.area.name : undefined };
}

export function allAreas(): readonly AreaEntry[] {
  return SEND_AREAS;
}
