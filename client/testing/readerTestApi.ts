// Test builds only (FINDINGS_TEST_SEAMS): the reader part of the extension's test API.
// PLACEHOLDER: filled in with the reader feature.
export interface ReaderTestApi {
  readonly placeholder?: never;
}

export function createReaderTestApi(part: unknown): ReaderTestApi {
  void part;
  return {};
}
