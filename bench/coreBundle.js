// Loads the core functions the benchmarks time, from their own modules (not
// core/index.ts, which exports what the front ends use) of a checkout,
// bundled unminified in memory with esbuild so that profiles name them.
// `root` is the checkout (this one by default; an older commit to compare).
const esbuild = require('esbuild');
const path = require('node:path');

/** The functions timed, by module under core/. */
const MODULES = {
  'document/parseReport': ['parseReport'],
  'validate/validateReport': ['validateReport'],
  'language/fixAll': ['fixAllEdits'],
  'export/findingRecords': ['documentRecord'],
  'language/documentSymbols': ['documentSymbols'],
  'language/folding': ['foldingRegions'],
  'language/symbolAtOffset': ['innermostSpanAt', 'symbolAtOffset'],
  'language/completions': ['completionsAt'],
  'language/hover': ['hoverAt'],
  'codebook/loadCodebook': ['buildCodebook'],
  'codebook/builtinCodebook': ['BUILTIN_CODEBOOK'],
  'codebook/defaultCodebook': ['defaultCodebook'],
  'language/codebookSummary': ['codebookSummary'],
};

/** Evaluates a CommonJS bundle's text as a module. */
function evaluate(code, filename) {
  const module = { exports: {} };
  new Function('module', 'exports', 'require', '__filename', '__dirname', code)(module, module.exports, require, filename, path.dirname(filename));
  return module.exports;
}

/** The built-in codebook's snapshot, made as esbuild.js makes it at build time. */
function snapshotPlugin(root) {
  return {
    name: 'builtin-codebook-snapshot',
    setup(build) {
      build.onResolve({ filter: /^virtual:builtin-codebook-snapshot$/ }, (args) => ({ path: args.path, namespace: 'codebook-snapshot' }));
      build.onLoad({ filter: /.*/, namespace: 'codebook-snapshot' }, async () => {
        const entry = path.join(root, 'core', 'codebook', 'builtinSnapshot.ts');
        const built = await esbuild.build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'silent', loader: { '.yaml': 'text' } });
        return { contents: JSON.stringify(evaluate(built.outputFiles[0].text, entry).builtinSnapshot()), loader: 'json' };
      });
    },
  };
}

/** The bundle's text. */
async function bundleCore(root = path.join(__dirname, '..')) {
  const contents = Object.entries(MODULES).map(([module, names]) => `export { ${names.join(', ')} } from './core/${module}';`).join('\n');
  const built = await esbuild.build({
    stdin: { contents, resolveDir: root, loader: 'ts', sourcefile: 'bench-core.ts' }, bundle: true, platform: 'node', format: 'cjs', target: 'node20', write: false, logLevel: 'silent',
    loader: { '.yaml': 'text' }, plugins: [snapshotPlugin(root)], define: { FINDINGS_VERSION: '"bench"', FINDINGS_TEST_SEAMS: 'false' },
    nodePaths: [path.join(root, 'node_modules')],
  });
  return built.outputFiles[0].text;
}

async function loadCore(root = path.join(__dirname, '..')) {
  return evaluate(await bundleCore(root), path.join(root, 'bench-core.js'));
}

/**
 * Core functions that need no built-in codebook (`modules` as in MODULES),
 * bundled synchronously (no plugins) for the synchronous corpus generator.
 */
function loadCoreSync(modules, root = path.join(__dirname, '..')) {
  const contents = Object.entries(modules).map(([module, names]) => `export { ${names.join(', ')} } from './core/${module}';`).join('\n');
  const built = esbuild.buildSync({
    stdin: { contents, resolveDir: root, loader: 'ts', sourcefile: 'bench-core-sync.ts' }, bundle: true, platform: 'node', format: 'cjs', target: 'node20', write: false, logLevel: 'silent',
    define: { FINDINGS_VERSION: '"bench"', FINDINGS_TEST_SEAMS: 'false' }, nodePaths: [path.join(root, 'node_modules')],
  });
  return evaluate(built.outputFiles[0].text, path.join(root, 'bench-core-sync.js'));
}

module.exports = { bundleCore, loadCore, loadCoreSync };
