// Test builds only (FINDINGS_TEST_SEAMS): the memos part of the extension's test API.
// PLACEHOLDER: filled in with the memos feature.
export interface MemosTestApi {
  readonly placeholder?: never;
}

export function createMemosTestApi(part: unknown): MemosTestApi {
  void part;
  return {};
}
