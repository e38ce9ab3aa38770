/**
 * The last position of an ascending sequence whose value is at or before
 * `target` (0 when even the first is after it): a binary search, O(log n).
 * `valueAt(i)` reads the sequence, so arrays of numbers and lists of
 * objects sorted by a field search alike. No imports: webview bundles use it.
 */
export function lastAtOrBefore(length: number, valueAt: (i: number) => number, target: number): number {
  let low = 0;
  let high = length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (valueAt(mid) <= target) low = mid;
    else high = mid - 1;
  }
  return Math.max(0, low);
}
