import type { Document, Node as YamlNode } from 'yaml';
import { yamlPackage } from '../document/yamlPackage';
import type { OffsetRange } from '../text/range';

export interface MapEntry {
  readonly key: string;
  readonly keyRange: OffsetRange;
  readonly value: YamlNode | null;
}

/** The entries of a YAML mapping node with their key ranges; nothing for other nodes. */
export function mapEntries(node: unknown): MapEntry[] {
  const { isMap, isScalar } = yamlPackage();
  if (!isMap(node)) return [];
  const entries: MapEntry[] = [];
  for (const pair of node.items) {
    const key = pair.key as YamlNode | null;
    if (!key || !isScalar(key) || !key.range) continue;
    entries.push({ key: String(key.value), keyRange: { start: key.range[0], end: key.range[1] }, value: (pair.value as YamlNode | null) ?? null });
  }
  return entries;
}

/** The node at a path of keys and indices, or the nearest ancestor that exists. */
export function nearestNode(doc: Document, path: readonly (string | number)[]): YamlNode | null {
  const { isMap, isScalar, isSeq } = yamlPackage();
  let node: unknown = doc.contents;
  let found = node as YamlNode | null;
  for (const step of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(step));
      if (!pair) break;
      node = pair.value;
    } else if (isSeq(node) && typeof step === 'number') {
      node = node.items[step];
    } else {
      break;
    }
    if (!node) break;
    found = node as YamlNode;
  }
  return found;
}

/** The key node's range for the last step of a path, when it names a mapping key. */
export function keyRangeAt(doc: Document, path: readonly (string | number)[]): OffsetRange | undefined {
  if (path.length === 0) return undefined;
  const parent = nearestNode(doc, path.slice(0, -1));
  const entry = mapEntries(parent).find((e) => e.key === String(path[path.length - 1]));
  return entry?.keyRange;
}

export function nodeRange(node: YamlNode | null | undefined): OffsetRange | undefined {
  return node?.range ? { start: node.range[0], end: node.range[1] } : undefined;
}
