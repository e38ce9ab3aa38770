/**
 * Front-matter fields that the report format itself defines, whatever the
 * codebook: each is checked by its own rule and never reported as unknown.
 */

/** The SHA-256 of the report's clean text, in lowercase hex: the article's fingerprint. */
export const TEXT_FINGERPRINT_FIELD = 'text_sha256';

/** Passages of the article that look like markup but are article text, so not reported as near-miss markup. */
export const KEEP_AS_TEXT_FIELD = 'keep_as_text';

export const FORMAT_FIELDS: ReadonlySet<string> = new Set([TEXT_FINGERPRINT_FIELD, KEEP_AS_TEXT_FIELD]);
