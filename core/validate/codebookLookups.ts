import type { AttributeDefinition, CodeDefinition, Codebook } from '../codebook/types';

interface Lookups {
  readonly themeNames: readonly string[];
  readonly themeSet: ReadonlySet<string>;
  readonly attributesByCodes: CodesNode;
  readonly onlyCode: Map<CodeDefinition, readonly CodeDefinition[]>;
  readonly requiredAttributes: Map<CodeDefinition, readonly AttributeDefinition[]>;
}

/** A trie over sequences of codes, holding the attributes each sequence takes. */
interface CodesNode {
  readonly next: Map<CodeDefinition, CodesNode>;
  merged: ReadonlyMap<string, AttributeDefinition> | undefined;
}

const cache = new WeakMap<Codebook, Lookups>();

/** Derived look-ups, built once per codebook rather than once per span. */
let lastCodebook: Codebook | undefined;
let lastLookups: Lookups | undefined;

function lookups(codebook: Codebook): Lookups {
  // A run checks every report against one codebook: remember it rather than ask the WeakMap each time.
  if (codebook === lastCodebook) return lastLookups!;
  let found = cache.get(codebook);
  if (!found) {
    const themeNames = [...codebook.themes.keys()];
    found = { themeNames, themeSet: new Set(themeNames), attributesByCodes: { next: new Map(), merged: undefined }, onlyCode: new Map(), requiredAttributes: new Map() };
    cache.set(codebook, found);
  }
  lastCodebook = codebook;
  lastLookups = found;
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
  // Keyed by the codes' names joined, looked up without joining them: a node per code.
  let node = lookups(codebook).attributesByCodes;
  for (const code of codes) {
    let next = node.next.get(code);
    if (!next) {
      next = { next: new Map(), merged: undefined };
      node.next.set(code, next);
    }
    node = next;
  }
  if (!node.merged) {
    const merged = new Map<string, AttributeDefinition>();
    for (const code of codes) for (const [name, attribute] of code.attributes) if (!merged.has(name)) merged.set(name, attribute);
    node.merged = merged;
  }
  return node.merged;
}

/** A list of one code, the same list for every span that carries only that code. */
export function onlyCode(codebook: Codebook, code: CodeDefinition): readonly CodeDefinition[] {
  const byCode = lookups(codebook).onlyCode;
  let list = byCode.get(code);
  if (!list) {
    list = [code];
    byCode.set(code, list);
  }
  return list;
}

/** The attributes a code requires, in the codebook's order. */
export function requiredAttributes(codebook: Codebook, code: CodeDefinition): readonly AttributeDefinition[] {
  const byCode = lookups(codebook).requiredAttributes;
  let list = byCode.get(code);
  if (!list) {
    list = [...code.attributes.values()].filter((attribute) => attribute.required);
    byCode.set(code, list);
  }
  return list;
}
