import type { CodedPassage } from '../disagreements';

/**
 * What makes two coded passages the same for adjudication: the same bounds
 * (code points), the same codes and themes (as sets) and the same other
 * attributes (the memo never counts: annotationOf leaves it out). Ids and
 * the order things are written in do not count.
 */
export function passageKey(passage: CodedPassage): string {
  const codes = [...new Set(passage.codes)].sort().join(' ');
  const themes = [...new Set(passage.themes)].sort().join(' ');
  // annotationOf gives the attributes keys sorted; sorted again for passages made elsewhere.
  const attributes = Object.keys(passage.attributes).sort().map((key) => [key, passage.attributes[key]]);
  return `${passage.start}-${passage.end}\u0000${codes}\u0000${themes}\u0000${JSON.stringify(attributes)}`;
}
