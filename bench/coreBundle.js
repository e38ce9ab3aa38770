// Loads the core library (core/index.ts) of a checkout, bundled unminified in
// memory with esbuild, so that benchmarks can time its functions directly
// and profiles name them. `root` is the checkout (this one by default).
const esbuild = require('esbuild');
const path = require('node:path');

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

async function loadCore(root = path.join(__dirname, '..')) {
  const entry = path.join(root, 'core', 'index.ts');
  const built = await esbuild.build({
    entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', target: 'node20', write: false, logLevel: 'silent',
    loader: { '.yaml': 'text' }, plugins: [snapshotPlugin(root)], define: { FINDINGS_VERSION: '"bench"', FINDINGS_TEST_SEAMS: 'false' },
    nodePaths: [path.join(root, 'node_modules')],
  });
  return evaluate(built.outputFiles[0].text, entry);
}

module.exports = { loadCore };
