import type { Candidate } from './candidates';
import type { MarkedPassage } from './passageMarkup';

const KIND_LABELS: Readonly<Record<Candidate['kind'], string>> = {
  missing: 'Missing',
  boundary: 'Boundary',
  code: 'Code',
  theme: 'Theme',
  attribute: 'Attribute',
};

/** "Boundary: jd 120–175 weakness (leadership); mk 118–180 weakness (leadership); rs nothing." Offsets in code points. */
export function describeCandidate(candidate: Candidate): string {
  const versions = candidate.versions.map((version) => `${version.annotator} ${version.spans.length === 0 ? 'nothing' : version.spans.map(describeSpan).join(', ')}`);
  return `${KIND_LABELS[candidate.kind]}: ${versions.join('; ')}.`;
}

function describeSpan(span: MarkedPassage): string {
  const details = [...span.themes, ...Object.entries(span.attributes).map(([key, value]) => `${key}=${value}`)];
  return `${span.start}–${span.end} ${span.codes.join(' ')}${details.length > 0 ? ` (${details.join('; ')})` : ''}`;
}
