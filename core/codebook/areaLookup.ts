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

interface AreaTables {
  readonly byName: ReadonlyMap<string, AreaEntry>;
  readonly byNormalisedName: ReadonlyMap<string, { area: AreaEntry; canonical: boolean }>;
  readonly formerByNormalisedName: ReadonlyMap<string, readonly string[]>;
  readonly normalisedKeys: readonly string[];
}

let tables: AreaTables | undefined;

/** Built on first look-up rather than at load: a process that checks no area does not pay for it. */
function areaTables(): AreaTables {
  if (tables) return tables;
  const byName = new Map<string, AreaEntry>();
  const byNormalisedName = new Map<string, { area: AreaEntry; canonical: boolean }>();
  for (const area of SEND_AREAS) {
    if (!byName.has(area.name)) byName.set(area.name, area);
    byNormalisedName.set(normaliseAreaName(area.name), { area, canonical: true });
    for (const alias of area.aliases ?? []) byNormalisedName.set(normaliseAreaName(alias), { area, canonical: false });
  }
  const formerByNormalisedName = new Map(Object.entries(FORMER_AREAS).map(([name, successors]) => [normaliseAreaName(name), successors]));
  tables = { byName, byNormalisedName, formerByNormalisedName, normalisedKeys: [...byNormalisedName.keys()] };
  return tables;
}

export function lookUpArea(name: string): AreaMatch {
  const { byName, byNormalisedName, formerByNormalisedName, normalisedKeys } = areaTables();
  const exact = byName.get(name);
  if (exact) return { kind: 'canonical', area: exact };
  const key = normaliseAreaName(name);
  const found = byNormalisedName.get(key);
  if (found) return { kind: 'alias', area: found.area };
  const successors = formerByNormalisedName.get(key);
  if (successors) return { kind: 'former', successors };
  if (key === '') return { kind: 'unknown', suggestion: undefined };
  const nearest = closest(key, normalisedKeys as string[]);
  const withinReach = distance(key, nearest) <= Math.max(2, Math.floor(key.length / 4));
  return { kind: 'unknown', suggestion: withinReach ? byNormalisedName.get(nearest)?.area.name : undefined };
}

export function allAreas(): readonly AreaEntry[] {
  return SEND_AREAS;
}
