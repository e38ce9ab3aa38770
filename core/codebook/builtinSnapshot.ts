// Evaluated by the build (esbuild.js), not shipped: it turns the built-in
// codebook's YAML into the snapshot that `defaultCodebook()` restores.
import { BUILTIN_CODEBOOK } from './builtinCodebook';
import { snapshotCodebook } from './codebookSnapshot';
import { buildCodebook } from './loadCodebook';

export function builtinSnapshot() {
  return snapshotCodebook(buildCodebook(BUILTIN_CODEBOOK).codebook);
}
