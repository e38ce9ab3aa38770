import { textFingerprint } from '../text/fingerprint';
import type { ReportDocument } from './types';

const fingerprints = new WeakMap<ReportDocument, string>();

/**
 * The fingerprint of a report's article (its clean text), computed once per
 * parsed report: checking the recorded fingerprint and exporting
 * `text_sha256` share it.
 */
export function articleFingerprint(document: ReportDocument): string {
  let fingerprint = fingerprints.get(document);
  if (fingerprint === undefined) {
    fingerprint = textFingerprint(document.cleanText);
    fingerprints.set(document, fingerprint);
  }
  return fingerprint;
}
