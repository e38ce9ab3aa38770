import type { AttributeDefinition, CodeDefinition, Codebook } from '../codebook/types';

interface Lookups {
  readonly themeNames: readonly string[];
  readonly themeSet: ReadonlySet<string>;
  readonly attributesByCodes: Map<string, ReadonlyMap<string, AttributeDefinition>>;
}

const cache = new WeakMap<Codebook, Lookups>();

/** Derived look-ups, built once per codebook rather than once per span. */
function lookups(codebook: Codebook): Lookups {
  let found = cache.get(codebook);
  if (!found) {
    const themeNames = [...codebook.themes.keys()];
    found = { themeNames, themeSet: new Set(themeNames), attributesByCodes: new Map() };
    cache.set(codebook, found);
  }
  return found;
}

export function themeNames(codebook: Codebook): readonly string[] {
  return lookups(codebook).themeNames;
}

export function isTheme(codebook: Codebook, name: string): boolean {
  return lookups(codebook).themeSet.has(name);
}

/** The attributes a combination of codes takes; the first code's definition wins. */
export function attributesOf(codebook: Codebook, codes: readonly CodeDefinition[]): ReadonlyMap<string, AttributeDefinition> {
  if (codes.length === 1) return codes[0].attributes;
  const key = codes.map((code) => code.name).join(' ');
  const byCodes = lookups(codebook).attributesByCodes;
  let allowed = byCodes.get(key);
  if (!allowed) {
    const merged = new Map<string, AttributeDefinition>();
    for (const code of codes) for (const [name, attribute] of code.attributes) if (!merged.has(name)) merged.set(name, attribute);
    byCodes.set(key, merged);
    allowed = merged;
  }
  return allowed;
}
