import type * as Yaml from 'yaml';

/**
 * Bounds on the front matter the `yaml` package is given. Real front matter
 * is a few hundred bytes, a few levels deep and without aliases; beyond
 * these, the composer's recursion (one call chain per level), its alias
 * resolution (a search of the document per alias) and alias expansion grow
 * without bound, so the report gets a diagnostic instead.
 */
export const YAML_LIMITS = {
  /** UTF-16 units of YAML: the `yaml` package reads about a megabyte a second. */
  length: 256 * 1024,
  /** Collections nested in one another. */
  depth: 64,
  /** `*alias` references. */
  aliases: 100,
} as const;

/** What goes beyond the limits: why, and where in the YAML text (UTF-16 offsets). */
export interface BeyondLimits {
  readonly reason: string;
  readonly start: number;
  readonly end: number;
}

/** Where the YAML first goes beyond the limits, or undefined; reads the package's syntax tree without recursion. */
export function yamlBeyondLimits(tokens: readonly Yaml.CST.Token[]): BeyondLimits | undefined {
  let aliases = 0;
  const pending: Array<{ token: Yaml.CST.Token; depth: number }> = [];
  for (let k = tokens.length - 1; k >= 0; k--) pending.push({ token: tokens[k], depth: 0 });
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { token, depth } = next;
    if (token.type === 'alias' && ++aliases > YAML_LIMITS.aliases) {
      return { reason: `it uses more than ${YAML_LIMITS.aliases} aliases`, start: token.offset, end: token.offset + token.source.length };
    }
    if (token.type === 'document' && token.value) pending.push({ token: token.value, depth });
    if (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection') continue;
    if (depth + 1 > YAML_LIMITS.depth) return { reason: `it nests collections more than ${YAML_LIMITS.depth} deep`, start: token.offset, end: token.offset + 1 };
    // Pushed last item first, so that the walk meets them in document order.
    for (let k = token.items.length - 1; k >= 0; k--) {
      const item = token.items[k];
      if (item.value) pending.push({ token: item.value, depth: depth + 1 });
      if (item.key) pending.push({ token: item.key, depth: depth + 1 });
    }
  }
  return undefined;
}
