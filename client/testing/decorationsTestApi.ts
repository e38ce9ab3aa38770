// Test builds only (FINDINGS_TEST_SEAMS): the decorations part of the extension's test API.
// PLACEHOLDER: filled in with the decorations feature.
export interface DecorationsTestApi {
  readonly placeholder?: never;
}

export function createDecorationsTestApi(part: unknown): DecorationsTestApi {
  void part;
  return {};
}
