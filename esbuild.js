// Bundles the CLI, the language server, the VS Code client and the tests.
//   node esbuild.js               development build (source maps)
//   node esbuild.js --production  minified, with source maps (for packaging)
//   node esbuild.js --watch       rebuild on change
//   node esbuild.js --tests       also bundle test/**/*.test.ts into out/
//
// FINDINGS_TEST_SEAMS is true in every build but --production: the hooks
// that only the tests use (the extension's API, the summary webview's probes)
// are compiled out of the packaged extension.
// Required as a module, it builds nothing and exports `targets`, so that
// tests can build the production bundles in memory.
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const args = new Set(require.main === module ? process.argv.slice(2) : []);
const watch = args.has('--watch');
const version = require('./package.json').version;

// Compiles the built-in codebook's YAML into a JSON snapshot at build time,
// so that no process parses it at start-up (see core/codebook/codebookSnapshot.ts).
const builtinCodebookSnapshot = {
  name: 'builtin-codebook-snapshot',
  setup(build) {
    build.onResolve({ filter: /^virtual:builtin-codebook-snapshot$/ }, (args) => ({ path: args.path, namespace: 'codebook-snapshot' }));
    build.onLoad({ filter: /.*/, namespace: 'codebook-snapshot' }, async () => {
      const entry = path.join(__dirname, 'core', 'codebook', 'builtinSnapshot.ts');
      const compiled = await esbuild.build({
        entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'silent', loader: { '.yaml': 'text' },
      });
      const module = { exports: {} };
      new Function('module', 'exports', 'require', compiled.outputFiles[0].text)(module, module.exports, require);
      return {
        contents: JSON.stringify(module.exports.builtinSnapshot()),
        loader: 'json',
        watchFiles: [path.join(__dirname, 'core', 'codebook', 'send.codebook.yaml'), path.join(__dirname, 'core', 'codebook', 'loadCodebook.ts'), path.join(__dirname, 'core', 'codebook', 'codebookSnapshot.ts')],
      };
    });
  },
};

// The CLI starts for every command, so its bundle holds only what a check needs:
// packages that only some runs load (on first use, with require inside a function)
// are bundled on their own into dist/cli-vendor/ and required from there.
const CLI_LAZY_PACKAGES = ['yaml', 'ajv'];
const vendorFile = (name) => `${name.replace(/[^a-z0-9]+/gi, '-')}.js`;
const cliLazyPackages = {
  name: 'cli-lazy-packages',
  setup(build) {
    const filter = new RegExp(`^(?:${CLI_LAZY_PACKAGES.map((name) => name.replace(/[/-]/g, '\\$&')).join('|')})$`);
    // Marked free of side effects so that a module the CLI leaves out does not keep a require of it.
    build.onResolve({ filter }, (args) => ({ path: `./cli-vendor/${vendorFile(args.path)}`, external: true, sideEffects: false }));
  },
};

const commonOptions = (production) => ({
  plugins: [builtinCodebookSnapshot],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  sourcesContent: false,
  minify: production,
  logLevel: 'warning',
  loader: { '.yaml': 'text' },
  define: { FINDINGS_VERSION: JSON.stringify(version), FINDINGS_TEST_SEAMS: String(!production) },
});

function exists(file) {
  return fs.existsSync(path.join(__dirname, file));
}

/** The bundles to build: `{ production, tests }` as the command line's `--production` and `--tests`. */
function targets({ production = false, tests = false } = {}) {
  const common = commonOptions(production);
  const list = [
    // Minified in every build (the source map keeps it debuggable): parsing a smaller file starts the CLI sooner.
    { ...common, minify: true, plugins: [...common.plugins, cliLazyPackages], entryPoints: { cli: 'cli/index.ts', 'cli-export-worker': 'cli/exportWorker/worker.ts' }, outdir: 'dist' },
    ...CLI_LAZY_PACKAGES.map((name) => ({
      ...common,
      minify: true,
      stdin: { contents: `module.exports = require(${JSON.stringify(name)});`, resolveDir: __dirname, loader: 'js' },
      outfile: path.join('dist', 'cli-vendor', vendorFile(name)),
    })),
  ];
  if (exists('server/main.ts')) list.push({ ...common, entryPoints: { server: 'server/main.ts' }, outdir: 'dist' });
  if (exists('client/extension.ts')) list.push({ ...common, entryPoints: { client: 'client/extension.ts' }, outdir: 'dist', external: ['vscode'] });
  if (exists('client/webview/main.ts')) {
    // The summary panel's webview: its script, and its stylesheet with the
    // codicon font (from @vscode/codicons) copied next to it, so the panel
    // loads nothing but dist/webview/ (its only localResourceRoot).
    list.push({
      ...common,
      plugins: [],
      platform: 'browser',
      target: 'es2022',
      format: 'iife',
      entryPoints: [{ in: 'client/webview/main.ts', out: 'summary' }, { in: 'client/webview/summary.css', out: 'summary' }],
      outdir: 'dist/webview',
      loader: { '.ttf': 'file' },
      assetNames: '[name]',
    });
  }
  if (exists('client/reader/webview/main.ts')) {
    // The coded reader's webview (script and stylesheet), and the layout
    // script and stylesheet that "Save as HTML" inlines into the saved file
    // (the extension reads them from dist/webview/ and passes them to
    // core/reader/standaloneHtml.ts).
    list.push({
      ...common,
      plugins: [],
      platform: 'browser',
      target: 'es2022',
      format: 'iife',
      entryPoints: [
        { in: 'client/reader/webview/main.ts', out: 'reader' },
        { in: 'client/reader/webview/reader.css', out: 'reader' },
        { in: 'client/reader/webview/standalone.ts', out: 'reader-standalone' },
        { in: 'client/reader/webview/standalone.css', out: 'reader-standalone' },
      ],
      outdir: 'dist/webview',
    });
  }
  if (exists('client/compare/webview/main.ts')) {
    // "Compare Annotations": its script and stylesheet (it also loads the
    // reader's stylesheet, whose highlights draw each copy).
    list.push({
      ...common,
      plugins: [],
      platform: 'browser',
      target: 'es2022',
      format: 'iife',
      entryPoints: [{ in: 'client/compare/webview/main.ts', out: 'compare' }, { in: 'client/compare/webview/compare.css', out: 'compare' }],
      outdir: 'dist/webview',
    });
  }
  if (tests) {
    const unitTests = listFiles('test', (file) => file.endsWith('.test.ts') && !file.startsWith(path.join('test', 'vscode')));
    list.push({ ...common, minify: false, entryPoints: unitTests, outdir: 'out', outbase: '.', external: ['mocha', 'fast-check', 'esbuild'] });
    const suite = listFiles(path.join('test', 'vscode', 'suite'), (file) => file.endsWith('.ts'));
    if (suite.length > 0) {
      list.push({ ...common, minify: false, entryPoints: suite, outdir: 'out', outbase: '.', external: ['vscode', 'mocha'] });
    }
  }
  return list;
}

function listFiles(dir, keep) {
  const root = path.join(__dirname, dir);
  if (!fs.existsSync(root)) return [];
  return fs.readdirSync(root, { recursive: true })
    .map((file) => path.join(dir, String(file)))
    .filter((file) => keep(file))
    .sort();
}

async function main() {
  const configs = targets({ production: args.has('--production'), tests: args.has('--tests') });
  if (watch) {
    for (const config of configs) {
      const context = await esbuild.context(config);
      await context.watch();
    }
    console.log(`[watch] watching ${configs.length} bundles`);
    return;
  }
  await Promise.all(configs.map((config) => esbuild.build(config)));
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

module.exports = { targets };
