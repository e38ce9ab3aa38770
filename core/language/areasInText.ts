// Which local areas an article names, so that completing `area:` can offer
// them first. One pass over the clean text: its words are walked through a
// trie of the area names (and their other spellings), so the cost is the
// text's length times the longest name in words (six), whatever the number
// of areas; never one search of the text per area.
import { allAreas } from '../codebook/areaLookup';
import type { AreaEntry } from '../codebook/areas';
import type { ReportDocument } from '../document/types';

interface TrieNode {
  readonly next: Map<string, TrieNode>;
  area?: AreaEntry;
}

/** A word as names and texts are cut: letters and digits, or `&` (read as "and", so "Brighton & Hove" is "Brighton and Hove"). */
const WORD = /[\p{L}\p{N}]+|&/gu;

let trie: TrieNode | undefined;

/** Built on first use: the names' words, case kept (a lower-case "reading" or "bury" is not an area). */
function areaTrie(): TrieNode {
  if (trie) return trie;
  const root: TrieNode = { next: new Map() };
  for (const area of allAreas()) {
    for (const name of [area.name, ...(area.aliases ?? [])]) {
      let node = root;
      for (const word of wordsOf(name)) {
        let child = node.next.get(word);
        if (!child) {
          child = { next: new Map() };
          node.next.set(word, child);
        }
        node = child;
      }
      // The canonical name wins where an alias of another area is spelled the same.
      if (node !== root && (!node.area || name === area.name)) node.area = area;
    }
  }
  trie = root;
  return root;
}

function wordsOf(text: string): string[] {
  return Array.from(text.matchAll(WORD), (match) => (match[0] === '&' ? 'and' : match[0]));
}

const named = new WeakMap<ReportDocument, readonly AreaEntry[]>();

/**
 * The areas a report's article names, the most often named first (ties in
 * order of first mention); each occurrence counts its longest name only
 * ("North East Lincolnshire", not also "Lincolnshire").
 */
export function areasNamedInText(document: ReportDocument): readonly AreaEntry[] {
  const cached = named.get(document);
  if (cached) return cached;
  const root = areaTrie();
  const counts = new Map<AreaEntry, number>();
  const words = wordsOf(document.cleanText);
  for (let i = 0; i < words.length; ) {
    let node = root.next.get(words[i]);
    let found: AreaEntry | undefined;
    let length = 0;
    for (let j = i; node; ) {
      if (node.area) {
        found = node.area;
        length = j - i + 1;
      }
      j++;
      node = j < words.length ? node.next.get(words[j]) : undefined;
    }
    if (found) counts.set(found, (counts.get(found) ?? 0) + 1);
    i += Math.max(1, length);
  }
  // A Map iterates in insertion order, which is the order of first mention: a stable sort keeps it for ties.
  const result = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([area]) => area);
  named.set(document, result);
  return result;
}
