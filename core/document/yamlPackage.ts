import type * as Yaml from 'yaml';

let loaded: typeof Yaml | undefined;

/**
 * The `yaml` package, loaded on first use. Plain front matter never needs it
 * (see simpleFrontMatter.ts), nor does a run without a workspace codebook, so
 * a command-line check of ordinary reports does not pay for loading it.
 */
export function yamlPackage(): typeof Yaml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('yaml') as typeof Yaml;
  return loaded;
}
