import snapshot from 'virtual:builtin-codebook-snapshot';
import { BUILTIN_CODEBOOK } from './builtinCodebook';
import { restoreCodebook } from './codebookSnapshot';
import type { Codebook } from './types';

let cached: Codebook | undefined;

/** The built-in SEND codebook, restored from the snapshot the build made of its YAML. */
export function defaultCodebook(): Codebook {
  cached ??= restoreCodebook(snapshot, [BUILTIN_CODEBOOK]);
  return cached;
}
