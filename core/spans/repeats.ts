/**
 * For each item, 1 when an earlier item has the same key. Spans carry a
 * handful of codes and attributes, for which a scan is fastest; a set takes
 * over beyond that, so a block of thousands stays linear.
 */
export function repeats<T>(items: readonly T[], keyOf: (item: T) => string): Uint8Array {
  if (items.length < 2) return NONE;
  const flags = new Uint8Array(items.length);
  if (items.length <= SCAN_LIMIT) {
    for (let i = 1; i < items.length; i++) {
      const key = keyOf(items[i]);
      for (let j = 0; j < i; j++) {
        if (keyOf(items[j]) === key) {
          flags[i] = 1;
          break;
        }
      }
    }
    return flags;
  }
  const seen = new Set<string>();
  for (let i = 0; i < items.length; i++) {
    const key = keyOf(items[i]);
    if (seen.has(key)) flags[i] = 1;
    else seen.add(key);
  }
  return flags;
}

const SCAN_LIMIT = 8;
const NONE = new Uint8Array(0);
