#!/usr/bin/env node
/* eslint-disable no-console */
/**
 * Checks the packaged extension as a user gets it: packages the VSIX (vsce
 * runs `vscode:prepublish`, the production build), lists and checks its
 * files (and that its bundles hold none of the tests' seams,
 * test/client/seamNames.json), installs it into a private code-server extensions folder, opens
 * samples/ in headless Chromium and checks what the workbench shows:
 *
 *   1. the broken samples' problems with no file open: the status bar
 *      counts exactly what `findings check` finds, the Problems panel lists them;
 *   2. the Outline of a sample, with "Front matter" and its codes
 *      (and the extension's status bar item with the span counts);
 *   3. a completion list of codes inside an attribute block;
 *   4. "Findings: Tag Selection…" from the command palette, its code and
 *      theme pickers answered with the mouse, and the Ctrl+Alt+S keybinding
 *      (Tag as Strength), each wrapping the selected line in a span.
 *
 * The workspace is a temporary copy of samples/, so the edits of step 4
 * never touch the committed samples.
 *   node test/vscode/checkVsix.js [--vsix FILE] [--out DIR] [--keep-temp] [--verbose]
 *
 *   --vsix FILE   check this VSIX instead of packaging one
 *   --out DIR     where the VSIX, its file list and the screenshots go
 *                 (default .test-artifacts/vsix)
 *   --results F   also write the checks passed and failed to F (JSON)
 *
 * Screenshots: <out>/1-problems.png, 2-outline.png, 3-completion.png,
 * 4-tag-themes.png (the theme picker), 5-tagged.png (and
 * failed.png when a check fails). Exit code 0 when every check passes, 1
 * otherwise, 2 on bad options. Needs the tools of runInCodeServer.js
 * (scripts/code-server/install.sh) and reuses its functions.
 */
'use strict';

const childProcess = require('child_process');
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const h = require('./runInCodeServer');
const { packageVsix: packageWithVsce } = require('../../scripts/packageVsix');

const REPO_ROOT = h.REPO_ROOT;
const CODE_SERVER = path.join(REPO_ROOT, '.tools', 'code-server', 'node_modules', '.bin', 'code-server');
const MAX_VSIX_BYTES = 2 * 1024 * 1024;
/** Files the VSIX must hold (paths inside extension/). */
const REQUIRED = [
  'package.json',
  'dist/client.js',
  'dist/server.js',
  'language-configuration.json',
  'syntaxes/inspection-report.tmLanguage.json',
  'snippets/inspection-report.code-snippets',
  'schemas/codebook.schema.json',
  'media/report.svg',
  'media/summary-light.svg',
  'media/summary-dark.svg',
  'dist/webview/summary.js',
  'dist/webview/summary.css',
  'dist/webview/codicon.ttf',
  'dist/webview/reader.js',
  'dist/webview/reader.css',
  'dist/webview/reader-standalone.js',
  'dist/webview/reader-standalone.css',
  'dist/webview/compare.js',
  'dist/webview/compare.css',
  'media/reader-light.svg',
  'media/reader-dark.svg',
  'docs/format.md',
];
/** The bundles that must hold none of the tests' seams (compiled out of the production build). */
const SEAMLESS = ['dist/client.js', 'dist/webview/summary.js', 'dist/webview/reader.js', 'dist/webview/compare.js'];
const TEST_SEAM_NAMES = require('../client/seamNames.json').names;
/** Nothing from these may be packaged. */
const FORBIDDEN = [/^node_modules\//, /^\.tools\//, /^test\//, /^out\//, /^samples\//, /^core\//, /^cli\//, /^server\//, /^client\//, /^protocol\//, /^bench\//, /^scripts\//, /^\.test-artifacts\//, /\.ts$/, /\.map$/];

const log = (...args) => console.log('[check-vsix]', ...args);

function parseArgs(argv) {
  const opts = { vsix: undefined, out: path.join(REPO_ROOT, '.test-artifacts', 'vsix'), keepTemp: false, verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--vsix') opts.vsix = path.resolve(argv[++i] ?? '');
    else if (arg === '--out') opts.out = path.resolve(argv[++i] ?? '');
    else if (arg === '--results') opts.results = path.resolve(argv[++i] ?? '');
    else if (arg === '--keep-temp') opts.keepTemp = true;
    else if (arg === '--verbose') opts.verbose = true;
    else if (arg === '--help' || arg === '-h') opts.help = true;
    else throw new Error(`unknown argument ${arg}`);
  }
  return opts;
}

// ---------------------------------------------------------------------------
// Packaging

/** Runs `vsce package` (which runs the production build first), with the flags the demo uses; returns the VSIX path. */
function packageVsix(outDir) {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  const file = path.join(outDir, `${pkg.name}-${pkg.version}.vsix`);
  const result = packageWithVsce(file, 'pipe');
  log(`packaging: vsce ${result.args.join(' ')}`);
  if (result.status !== 0 || !fs.existsSync(file)) {
    throw new Error(`vsce package failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return file;
}

/** The entries of a zip file (name and uncompressed size), from its central directory. */
function listZip(file) {
  const buffer = fs.readFileSync(file);
  let eocd = -1;
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 65_557); i--) {
    if (buffer.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${file} is not a zip file`);
  const count = buffer.readUInt16LE(eocd + 10);
  let at = buffer.readUInt32LE(eocd + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    if (buffer.readUInt32LE(at) !== 0x02014b50) throw new Error(`${file}: bad central directory entry ${i}`);
    const size = buffer.readUInt32LE(at + 24);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    entries.push({ name: buffer.toString('utf8', at + 46, at + 46 + nameLength), size, method: buffer.readUInt16LE(at + 10), compressedSize: buffer.readUInt32LE(at + 20), localHeader: buffer.readUInt32LE(at + 42) });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The bytes of one entry of a zip file (stored or deflated). */
function readZipEntry(file, entry) {
  const buffer = fs.readFileSync(file);
  const at = entry.localHeader;
  if (buffer.readUInt32LE(at) !== 0x04034b50) throw new Error(`${file}: bad local header for ${entry.name}`);
  const start = at + 30 + buffer.readUInt16LE(at + 26) + buffer.readUInt16LE(at + 28);
  const data = buffer.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return data;
  if (entry.method === 8) return zlib.inflateRawSync(data);
  throw new Error(`${file}: ${entry.name} uses compression method ${entry.method}`);
}

/** The packaged bundles hold none of the names that exist only for the tests. */
function checkNoTestSeams(vsix, entries, failures) {
  for (const name of SEAMLESS) {
    const entry = entries.find((e) => e.name === `extension/${name}`);
    if (!entry) continue; // REQUIRED reports it
    const text = readZipEntry(vsix, entry).toString('utf8');
    const found = TEST_SEAM_NAMES.filter((seam) => text.includes(seam));
    if (found.length > 0) failures.push(`${name} in the VSIX holds test seams: ${found.join(', ')}`);
  }
}

function checkContents(vsix, failures) {
  const entries = listZip(vsix);
  const files = entries.filter((e) => e.name.startsWith('extension/')).map((e) => ({ ...e, name: e.name.slice('extension/'.length) }));
  const names = new Set(files.map((f) => f.name));
  for (const required of REQUIRED) if (!names.has(required)) failures.push(`the VSIX lacks ${required}`);
  if (![...names].some((n) => /^readme\.md$/i.test(n))) failures.push('the VSIX lacks the README');
  for (const name of names) if (FORBIDDEN.some((re) => re.test(name))) failures.push(`the VSIX holds ${name}, which it should not`);
  const bytes = fs.statSync(vsix).size;
  if (bytes > MAX_VSIX_BYTES) failures.push(`the VSIX is ${bytes} bytes, over ${MAX_VSIX_BYTES}`);
  checkNoTestSeams(vsix, entries, failures);
  return { entries, files, bytes };
}

// ---------------------------------------------------------------------------
// Installing and looking at the workbench

function installVsix(tmp, vsix) {
  const result = childProcess.spawnSync(
    CODE_SERVER,
    ['--install-extension', vsix, '--extensions-dir', tmp.extensionsDir, '--user-data-dir', tmp.userDataDir],
    { cwd: tmp.home, env: { ...tmp.env, EXTENSIONS_GALLERY: '{}' }, encoding: 'utf8', timeout: 120_000 },
  );
  if (result.status !== 0) throw new Error(`code-server --install-extension failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  const installed = fs.readdirSync(tmp.extensionsDir).filter((name) => name.startsWith('inspection-findings.inspection-findings-'));
  if (installed.length !== 1) throw new Error(`after installing, ${tmp.extensionsDir} holds ${fs.readdirSync(tmp.extensionsDir).join(', ') || 'nothing'}`);
  return path.join(tmp.extensionsDir, installed[0]);
}

/** Numbers in the Problems status bar item ("27 8 0" or its aria-label): { errors, warnings }. */
async function problemCounts(page) {
  const item = page.locator('[id="status.problems"]');
  const label = (await item.getAttribute('aria-label').catch(() => null)) || (await item.innerText().catch(() => ''));
  const errors = /(\d+)\s+errors?/i.exec(label) || /Errors?:\s*(\d+)/i.exec(label);
  const warnings = /(\d+)\s+warnings?/i.exec(label) || /Warnings?:\s*(\d+)/i.exec(label);
  if (errors) return { errors: Number(errors[1]), warnings: warnings ? Number(warnings[1]) : 0, label };
  const numbers = (label.match(/\d+/g) || []).map(Number);
  return { errors: numbers[0] ?? 0, warnings: numbers[1] ?? 0, label };
}

/** What the CLI finds in a folder: { errors, warnings, files }. */
function expectedProblems(folder) {
  const result = childProcess.spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'findings.js'), 'check', folder, '--format', 'json'], { encoding: 'utf8' });
  const reports = JSON.parse(result.stdout);
  const all = reports.flatMap((report) => report.diagnostics);
  return { errors: all.filter((d) => d.severity === 'error').length, warnings: all.filter((d) => d.severity === 'warning').length, files: reports.length };
}

async function waitUntil(page, what, check, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    last = await check().catch((e) => ({ error: e }));
    if (last && !last.error && last.ok) return last;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last && last.detail ? `: ${last.detail}` : ''}`);
    // The workbench has no event to wait on from outside: re-check on the next animation frames.
    await page.waitForTimeout(250);
  }
}

async function checkWorkbench(page, outDir, failures, passed, workspaceDir) {
  const shots = [];
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  // The explorer lists the samples once the workbench has restored the folder.
  const explorerRow = (name) => page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first();
  await explorerRow('darlington.report.md').waitFor({ timeout: 60_000 });

  // 1. Problems. Nothing is open yet: the server reports every report in the
  // workspace, so the status bar counts exactly what `findings check` finds
  // in broken/ (the only reports with problems), and the panel lists them.
  try {
    const expected = expectedProblems(path.join(workspaceDir, 'broken'));
    const counts = await waitUntil(page, `${expected.errors} errors and ${expected.warnings} warnings in the status bar`, async () => {
      const c = await problemCounts(page);
      return { ok: c.errors === expected.errors && c.warnings === expected.warnings, detail: c.label, ...c };
    }, 60_000);
    log(`status bar problems with no file open: ${counts.errors} errors, ${counts.warnings} warnings (findings check: ${expected.errors}, ${expected.warnings} in ${expected.files} files)`);
    await page.locator('[id="status.problems"]').click();
    await page.locator('.markers-panel .monaco-list-row', { hasText: '.report.md' }).first().waitFor({ timeout: 15_000 });
    const files = await page.locator('.markers-panel .monaco-list-row', { hasText: '.report.md' }).allInnerTexts();
    log(`Problems panel files (visible rows): ${files.map((f) => f.split('\n')[0]).join(', ')}`);
    passed.push('Problems');
  } catch (e) {
    failures.push(`Problems: ${e.message}`);
  }
  shots.push(await h.screenshot(page, path.join(outDir, '1-problems.png')));

  // 2. A sample, its Outline (from the command palette; the extension's status bar item opens the summary panel).
  try {
    await explorerRow('darlington.report.md').click();
    await page.locator('.editor-instance .monaco-editor .view-lines', { hasText: 'Darlington' }).first().waitFor({ timeout: 20_000 });
    const counts = page.locator('.statusbar-item', { hasText: /\d+ spans/ }).first();
    await counts.waitFor({ timeout: 30_000 });
    log(`extension status bar item: "${(await counts.innerText()).replace(/\s+/g, ' ').trim()}"`);
    // Collapse the file tree so that the Outline has the room.
    await page.locator('.part.sidebar .pane-header', { hasText: /^samples$/i }).first().click().catch(() => undefined);
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').waitFor({ timeout: 10_000 });
    await page.keyboard.type('Focus on Outline View');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Focus on Outline View' }).first().click();
    const frontMatter = page.locator('.part.sidebar .monaco-list-row', { hasText: 'Front matter' }).first();
    await frontMatter.waitFor({ timeout: 20_000 });
    // Fold the front matter's fields: the code groups show below it.
    if ((await frontMatter.getAttribute('aria-expanded')) === 'true') await frontMatter.locator('.monaco-tl-twistie').click();
    const groups = page.locator('.part.sidebar .monaco-list-row', { hasText: /^\s*[a-z-]+ \(\d+\)\s*$/ });
    await groups.first().waitFor({ timeout: 10_000 });
    await page.locator('.part.sidebar .monaco-list-row', { hasText: /weakness \(\d+\)/ }).first().waitFor({ timeout: 10_000 });
    log(`Outline: Front matter, ${(await groups.allInnerTexts()).map((t) => t.trim()).join(', ')}`);
    passed.push('Outline');
  } catch (e) {
    failures.push(`Outline: ${e.message}`);
  }
  shots.push(await h.screenshot(page, path.join(outDir, '2-outline.png')));

  // 3. Completion inside an attribute block: Go to Line/Column just after the first `{.`, then Ctrl+Space.
  try {
    const text = fs.readFileSync(path.join(REPO_ROOT, 'samples', 'darlington.report.md'), 'utf8');
    const at = text.indexOf(']{.');
    const before = text.slice(0, at + 3).split('\n');
    const line = before.length;
    const column = before[before.length - 1].length + 1;
    await page.locator('.editor-instance .monaco-editor textarea').first().focus();
    await page.keyboard.press('Control+G');
    const input = page.locator('.quick-input-widget input').first();
    await input.waitFor({ timeout: 10_000 });
    await input.fill(`:${line}:${column}`);
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
    const widget = page.locator('.editor-widget.suggest-widget.visible');
    await page.keyboard.press('Control+Space');
    if (!(await widget.waitFor({ timeout: 5_000 }).then(() => true, () => false))) {
      // Some keyboard setups take Ctrl+Space: run "Trigger Suggest" from the command palette.
      await page.keyboard.press('F1');
      await page.locator('.quick-input-widget input').waitFor({ timeout: 10_000 });
      await page.keyboard.type('Trigger Suggest');
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Trigger Suggest' }).first().waitFor({ timeout: 10_000 });
      await page.keyboard.press('Enter');
    }
    await widget.waitFor({ timeout: 20_000 });
    await widget.locator('.monaco-list-row', { hasText: 'weakness' }).first().waitFor({ timeout: 10_000 });
    const labels = await widget.locator('.monaco-list-row .label-name').allInnerTexts();
    log(`suggest widget at ${line}:${column}: ${labels.join(', ')}`);
    passed.push('Completion');
  } catch (e) {
    failures.push(`Completion: ${e.message}`);
  }
  shots.push(await h.screenshot(page, path.join(outDir, '3-completion.png')));
  await page.keyboard.press('Escape');

  // 4. Tagging: the command palette with the pickers, then the keybinding.
  const editorText = (needle) => page.locator('.editor-instance .monaco-editor .view-lines', { hasText: needle }).first();
  const selectLine = async (line) => {
    await page.keyboard.press('Control+G');
    const input = page.locator('.quick-input-widget input').first();
    await input.waitFor({ timeout: 10_000 });
    await input.fill(`:${line}:1`);
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
    await page.keyboard.press('Shift+End');
  };
  const pickThemes = async (themes) => {
    const picker = page.locator('.quick-input-widget');
    const input = picker.locator('input.input').first();
    await picker.locator('.monaco-list-row', { hasText: 'leadership' }).first().waitFor({ timeout: 15_000 });
    for (const theme of themes) {
      // Filter to the theme, then tick it (the list is virtual: rows out of view do not exist).
      await input.fill(theme);
      // Labels match first: the first row is the theme.
      const row = picker.locator('.monaco-list-row', { hasText: theme }).first();
      await row.waitFor({ timeout: 10_000 });
      await row.locator('input[type=checkbox], .quick-input-list-checkbox, .monaco-checkbox').first().click();
    }
    await input.fill('');
    await picker.locator('.monaco-list-row', { hasText: 'leadership' }).first().waitFor({ timeout: 10_000 });
  };
  try {
    const lines = fs.readFileSync(path.join(REPO_ROOT, 'samples', 'darlington.report.md'), 'utf8').split('\n');
    const joint = lines.findIndex((l) => l.startsWith('The joint inspection')) + 1;
    await page.locator('.editor-instance .monaco-editor textarea').first().focus();
    await selectLine(joint);
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').waitFor({ timeout: 10_000 });
    await page.keyboard.type('Findings: Tag Selection');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Findings: Tag Selection…' }).first().click();
    // The code picker: codes with their labels and descriptions.
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'A passage stating a weakness' }).first().waitFor({ timeout: 15_000 });
    await page.keyboard.type('weakness');
    // Several codes can be ticked; Enter with none ticked takes the highlighted one.
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: /^\s*weakness/ }).first().waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
    // The theme picker (several themes): tick two, take a screenshot, accept.
    await pickThemes(['monitoring', 'health']);
    shots.push(await h.screenshot(page, path.join(outDir, '4-tag-themes.png')));
    await page.keyboard.press('Enter');
    await editorText('providers across]{.weakness theme="health monitoring"}').waitFor({ timeout: 15_000 });
    log('Tag Selection… wrapped the line in a weakness span with two themes');

    const readMore = lines.findIndex((l) => l.startsWith('Read more:') && l.includes('Durham children')) + 1;
    await selectLine(readMore);
    await page.keyboard.press('Control+Alt+S');
    await pickThemes(['outcomes']);
    await page.keyboard.press('Enter');
    await editorText('community objections]{.strength theme=outcomes}').waitFor({ timeout: 15_000 });
    log('Ctrl+Alt+S wrapped the line in a strength span');
    passed.push('Tagging');
  } catch (e) {
    failures.push(`Tagging: ${e.message}`);
  }
  shots.push(await h.screenshot(page, path.join(outDir, '5-tagged.png')));
  return shots.filter(Boolean);
}

// ---------------------------------------------------------------------------

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`[check-vsix] ${e.message}`);
    return 2;
  }
  if (opts.help) {
    console.log(/\/\*\*\n([\s\S]*?)\*\//.exec(fs.readFileSync(__filename, 'utf8'))[1].replace(/^ \* ?/gm, ''));
    return 0;
  }
  fs.mkdirSync(opts.out, { recursive: true });
  for (const name of fs.readdirSync(opts.out)) if (name.endsWith('.png') || name === 'browser-console.log') fs.rmSync(path.join(opts.out, name));
  const failures = [];
  const passed = [];
  let tmp;
  let codeServer;
  let browser;
  let page;
  try {
    const vsix = opts.vsix ?? packageVsix(opts.out);
    const failedBefore = failures.length;
    const { files, bytes } = checkContents(vsix, failures);
    if (failures.length === failedBefore) passed.push('Contents');
    const listing = files.map((f) => `${String(f.size).padStart(9)}  ${f.name}`).join('\n');
    fs.writeFileSync(path.join(opts.out, 'files.txt'), `${path.basename(vsix)}: ${bytes} bytes\n${listing}\n`);
    log(`${path.relative(process.cwd(), vsix)}: ${(bytes / 1024).toFixed(1)} KB, ${files.length} files`);
    console.log(listing.replace(/^/gm, '    '));

    tmp = h.makeTempEnv('findings-vsix-');
    const installed = installVsix(tmp, vsix);
    log(`installed into ${installed}`);
    const workspace = path.join(tmp.root, 'samples');
    fs.cpSync(path.join(REPO_ROOT, 'samples'), workspace, { recursive: true });
    codeServer = await h.startCodeServer({ tmp, workspace, codeServerBin: CODE_SERVER, verbose: opts.verbose });
    browser = await h.launchBrowser({ tmp });
    const url = h.buildWorkbenchUrl({ ...codeServer, workspace });
    page = await h.openWorkbench(browser.browser, url, { consoleLogFile: path.join(opts.out, 'browser-console.log'), verbose: opts.verbose });
    const shots = await checkWorkbench(page, opts.out, failures, passed, workspace);
    for (const shot of shots) log(`screenshot ${path.relative(process.cwd(), shot)}`);
  } catch (e) {
    failures.push(e.message);
    if (page) await h.screenshot(page, path.join(opts.out, 'failed.png'));
  } finally {
    await h.stopAll({ browser, codeServer, tmp, keepTemp: opts.keepTemp });
  }
  if (opts.results) {
    fs.mkdirSync(path.dirname(opts.results), { recursive: true });
    fs.writeFileSync(opts.results, `${JSON.stringify({ passed, failures }, null, 2)}\n`);
  }
  for (const check of passed) log(`pass ${check}`);
  if (failures.length > 0) {
    for (const failure of failures) console.log(`[check-vsix] FAIL ${failure}`);
    log('FAILED');
    return 1;
  }
  log('PASSED');
  return 0;
}

if (require.main === module) h.runAsScript(main, 'check-vsix');

module.exports = { listZip, readZipEntry, packageVsix, checkContents };
