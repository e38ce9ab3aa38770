/**
 * A text's fingerprint: the SHA-256 of its UTF-8 bytes, in lowercase hex.
 * A report records its clean text's fingerprint in `text_sha256`, and every
 * export carries it, so a dataset can be checked against the articles.
 */
export function textFingerprint(text: string): string {
  return sha256().createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Whether a value is written as a fingerprint: 64 lowercase hex digits. */
export function isFingerprint(value: unknown): value is string {
  return typeof value === 'string' && FINGERPRINT.test(value);
}

const FINGERPRINT = /^[0-9a-f]{64}$/;

/**
 * The part of node:crypto used here, typed on the spot: the rule table's
 * types bring this module into checks without Node's types (the webview's).
 */
interface Sha256 {
  createHash(algorithm: 'sha256'): { update(text: string, encoding: 'utf8'): { digest(encoding: 'hex'): string } };
}
declare function require(id: 'node:crypto'): Sha256;

let crypto: Sha256 | undefined;

/** node:crypto is loaded on first use: most reports record no fingerprint, and checking them never needs it. */
function sha256(): Sha256 {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (crypto ??= require('node:crypto'));
}
