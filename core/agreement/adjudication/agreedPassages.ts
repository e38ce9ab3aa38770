import type { AnnotatedSpan } from '../annotations';
import type { ArticleGroup } from '../articleGroups';
import { passageKey } from './passageKey';

/**
 * The spans every annotator of the article gave: the same bounds, codes,
 * themes and other attributes (passageKey), each as many times as the
 * annotator who gave it least often. Taken from the first copy, so they nest
 * as its spans do; in its order of spans. One pass over each copy.
 */
export function agreedPassages(group: ArticleGroup): AnnotatedSpan[] {
  const [first, ...others] = group.copies;
  if (!first || others.length === 0) return [];
  const counts = others.map((copy) => {
    const count = new Map<string, number>();
    for (const span of copy.annotation.spans) {
      const key = passageKey(span);
      count.set(key, (count.get(key) ?? 0) + 1);
    }
    return count;
  });
  const agreed: AnnotatedSpan[] = [];
  for (const span of first.annotation.spans) {
    if (span.end <= span.start) continue;
    const key = passageKey(span);
    if (!counts.every((count) => (count.get(key) ?? 0) > 0)) continue;
    for (const count of counts) count.set(key, count.get(key)! - 1);
    agreed.push(span);
  }
  return agreed;
}
