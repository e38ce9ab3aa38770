/**
 * A code's colour as the front ends may use it: the codebook's schema asks
 * for `#rrggbb` (schemas/codebook.schema.json), and anything else that
 * reaches a front end (a code the codebook lacks, a value from elsewhere)
 * is drawn in grey: nothing but a plain hex colour ever reaches CSS.
 * No imports: the webviews use it.
 */

/** The grey of a code without a usable colour. */
export const FALLBACK_CODE_COLOR = '#757575';

const CODE_COLOR = /^#[0-9a-fA-F]{6}$/;

/** The colour in lower case when it is `#rrggbb`, else the grey. */
export function codeColor(value: string | undefined): string {
  return value !== undefined && CODE_COLOR.test(value) ? value.toLowerCase() : FALLBACK_CODE_COLOR;
}
