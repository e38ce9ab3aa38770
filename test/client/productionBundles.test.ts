/**
 * The production bundles of the extension (`node esbuild.js --production`,
 * what the VSIX carries), built in memory: they hold none of the tests'
 * seams, and the summary webview's bundle holds browser code only (its own
 * files, the messages it shares with the extension, the codicon font).
 */
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import type { BuildOptions, Metafile } from 'esbuild';
import { repoRoot } from '../helpers/repo';
import seams from './seamNames.json';

const TEST_SEAM_NAMES: readonly string[] = seams.names;

interface Bundle {
  readonly text: string;
  readonly inputs: readonly string[];
}

async function buildInMemory(entry: string, production: boolean): Promise<Bundle> {
  const root = repoRoot();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const esbuild = require('esbuild') as typeof import('esbuild');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { targets } = require(path.join(root, 'esbuild.js')) as { targets(options: { production: boolean }): BuildOptions[] };
  const config = targets({ production }).find((target) => String(JSON.stringify(target.entryPoints ?? null)).includes(entry));
  assert.ok(config, `esbuild.js builds no bundle from ${entry}`);
  const result = await esbuild.build({ ...config, absWorkingDir: root, write: false, metafile: true, sourcemap: false, logLevel: 'silent' });
  const text = result.outputFiles.filter((file) => file.path.endsWith('.js')).map((file) => file.text).join('\n');
  return { text, inputs: Object.keys((result.metafile as Metafile).inputs) };
}

describe('production bundles', function () {
  this.timeout(60_000);

  for (const entry of ['client/extension.ts', 'client/webview/main.ts', 'client/compare/webview/main.ts', 'client/reader/webview/main.ts']) {
    it(`${entry}: no test seam is compiled in (and the test build has them)`, async () => {
      const production = await buildInMemory(entry, true);
      const found = TEST_SEAM_NAMES.filter((name) => production.text.includes(name));
      assert.deepEqual(found, [], `the production bundle of ${entry} holds ${found.join(', ')}`);
      // The names are the right ones: the development build, which the tests use, has them.
      const development = await buildInMemory(entry, false);
      assert.ok(TEST_SEAM_NAMES.filter((name) => development.text.includes(name)).length >= 3, `the development bundle of ${entry} has no seams: are the names stale?`);
    });
  }

  it('the webview bundle holds browser code only: its files, the shared messages and constants, the findings query', async () => {
    const { inputs } = await buildInMemory('client/webview/main.ts', true);
    // core/summary/findingsQuery.ts is dependency-free by design: the one definition of filtering the findings list.
    const allowed = [/^client\/webview\//, /^client\/summary\/messages\.ts$/, /^protocol\/names\.ts$/, /^protocol\/findingsPaging\.ts$/, /^core\/fileNames\.ts$/, /^core\/summary\/findingsQuery\.ts$/, /^node_modules\/@vscode\/codicons\//];
    const outside = inputs.filter((input) => !allowed.some((pattern) => pattern.test(input)));
    assert.deepEqual(outside, [], `the webview bundle pulls in ${outside.join(', ')}`);
  });

  it('the coded reader\'s bundles hold browser code only: their files, the shared checks and DOM helpers, the reader\'s dependency-free core (with the deltas, the texts\' common ends and the shared binary search) and code colours', async () => {
    const { inputs } = await buildInMemory('client/reader/webview/main.ts', true);
    const allowed = [/^client\/reader\/webview\//, /^client\/messageChecks\.ts$/, /^client\/webview\/dom\.ts$/, /^core\/reader\/(passageRuns|articleBlocks|stripeLanes|highlightStyle|passageLabels|standaloneHtml|readerTypes|readerDelta)\.ts$/, /^core\/text\/(commonAffixes|lastAtOrBefore)\.ts$/, /^core\/codebook\/codeColor\.ts$/];
    const outside = inputs.filter((input) => !allowed.some((pattern) => pattern.test(input)));
    assert.deepEqual(outside, [], `the reader's bundles pull in ${outside.join(', ')}`);
  });
});
