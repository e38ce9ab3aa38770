// A small workspace codebook for the LSP tests: one code (`concern`) and one
// theme (`transport`) that the built-in SEND codebook does not have.
export const CONCERN_CODEBOOK_LINES: readonly string[] = [
  'name: test',
  'version: "1"',
  'codes:',
  '  concern:',
  '    label: Concern',
  '    description: A worry voiced about services.',
  '    attributes:',
  '      theme: { values: themes, multiple: true }',
  'themes:',
  '  transport:',
  '    label: Home to school transport',
  '    definition: Getting children with SEND to school.',
];

/** The codebook's text, with extra lines (say, a `fields:` section) at the end. */
export function concernCodebook(...extra: string[]): string {
  return [...CONCERN_CODEBOOK_LINES, ...extra, ''].join('\n');
}
