import { BUILTIN_CODEBOOK } from './builtinCodebook';
import { buildCodebook } from './loadCodebook';
import type { Codebook } from './types';

let cached: Codebook | undefined;

/** The built-in SEND codebook, built once. */
export function defaultCodebook(): Codebook {
  cached ??= buildCodebook(BUILTIN_CODEBOOK).codebook;
  return cached;
}
