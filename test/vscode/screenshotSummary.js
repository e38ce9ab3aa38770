#!/usr/bin/env node
/* eslint-disable no-console */
/**
 * Drives the summary panel in the workbench as a person would, checks what
 * it shows and saves screenshots as test artefacts:
 *
 *   1. opens a temporary copy of samples/, opens a report, runs "Findings:
 *      Show Summary" from the command palette (and checks the report's editor
 *      title has the button), then clicks "Workspace" in the panel;
 *   2. reads the panel's numbers inside the webview frame and compares them
 *      with `findings stats . --format json` run on the same folder;
 *   3. screenshots in the light, dark and high-contrast themes (set in the
 *      workspace's settings file, as a person would), of the counts and of
 *      the findings list (its rows one height, none overlapping another or
 *      overflowing its row);
 *   4. "Developer: Reload Window": the panel comes back through its
 *      serializer, still on the workspace, with the same counts and the
 *      findings list in the order chosen before (by code);
 *   5. copies a report whose text and annotator hold `<script>` and
 *      `"><img onerror=…>` into the folder: the panel counts it (a change on
 *      disk), shows the markup as text, no `img` element exists and no script
 *      of it ran (`window.__xss` is undefined in every frame);
 *   6. the findings list from the keyboard: arrow keys, then Enter opens the
 *      report with the span selected (the editor's selection status item);
 *      End reaches the last finding with only a view's worth of rows in the
 *      DOM (the list is virtual).
 *
 *   node test/vscode/screenshotSummary.js [--out DIR] [--results FILE] [--keep-temp] [--verbose]
 *
 *   --out DIR      screenshots (default .test-artifacts/screenshots):
 *                  summary-light.png, summary-dark.png, summary-high-contrast.png,
 *                  the findings list in each: summary-list-light.png …,
 *                  summary-document-light.png, summary-xss.png
 *   --results FILE the checks passed and failed (JSON { passed, failures })
 *
 * Needs the built extension (node esbuild.js) and the tools of
 * runInCodeServer.js, whose functions it reuses. Exit code 0 when every
 * check passes, 1 otherwise.
 */
'use strict';

const childProcess = require('child_process');
const fs = require('fs');
const path = require('path');
const h = require('./runInCodeServer');

const REPO_ROOT = h.REPO_ROOT;
const XSS_FIXTURE = path.join(REPO_ROOT, 'test', 'fixtures', 'summary', 'xss.report.md');
/** Each theme: its settings value, the class the workbench then has, and the webview body's class. */
const THEMES = {
  light: { setting: 'Default Light Modern', workbench: 'vscode-theme-defaults-themes-light_modern-json', body: 'vscode-light' },
  dark: { setting: 'Default Dark Modern', workbench: 'vscode-theme-defaults-themes-dark_modern-json', body: 'vscode-dark' },
  'high-contrast': { setting: 'Default High Contrast', workbench: 'vscode-theme-defaults-themes-hc_black-json', body: 'vscode-high-contrast' },
};

const log = (...args) => console.log('[summary-shots]', ...args);

function parseArgs(argv) {
  const opts = { out: path.join(REPO_ROOT, '.test-artifacts', 'screenshots'), results: undefined, keepTemp: false, verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--out') opts.out = path.resolve(argv[++i] ?? '');
    else if (arg === '--results') opts.results = path.resolve(argv[++i] ?? '');
    else if (arg === '--keep-temp') opts.keepTemp = true;
    else if (arg === '--verbose') opts.verbose = true;
    else throw new Error(`unknown argument ${arg}`);
  }
  return opts;
}

/** `findings stats . --format json` in the folder (its .findingsignore applies, as in the server). */
function cliStats(folder) {
  const result = childProcess.spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'findings.js'), 'stats', '.', '--format', 'json'], { cwd: folder, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`findings stats exited with ${result.status}: ${result.stderr}`);
  const stats = JSON.parse(result.stdout);
  const nonZero = (record) => Object.fromEntries(Object.entries(record).filter(([, n]) => n > 0));
  return { reports: stats.documents, findings: stats.spans, byCode: nonZero(stats.byCode), byTheme: nonZero(stats.byTheme) };
}

/**
 * The theme goes in the workspace's settings file: the workbench watches it.
 * (An extension development host in the browser does not read the user
 * settings file.)
 */
function writeSettings(workspace, theme) {
  const file = path.join(workspace, '.vscode', 'settings.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify({ 'workbench.colorTheme': THEMES[theme].setting }, null, 2)}\n`);
}

async function waitUntil(page, what, check, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    last = await check().catch((error) => ({ ok: false, detail: error.message }));
    if (last && last.ok) return last;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last && last.detail ? `: ${last.detail}` : ''}`);
    // Nothing in the workbench to wait on from outside: look again shortly.
    await page.waitForTimeout(250);
  }
}

/** The summary webview's inner frame (the workbench nests it: webview index.html > active-frame). */
async function summaryFrame(page) {
  for (const frame of page.frames()) {
    if (frame === page.mainFrame()) continue;
    const isPanel = await frame.evaluate(() => !!document.querySelector('#app .toolbar [data-scope="workspace"]')).catch(() => false);
    if (isPanel) return frame;
  }
  return undefined;
}

/** What the panel displays, read from its DOM. */
async function displayed(frame) {
  return frame.evaluate(() => {
    const num = (el) => Number((el?.textContent ?? '').replace(/[^0-9]/g, ''));
    const table = (name) => Object.fromEntries([...document.querySelectorAll(`table[data-table="${name}"] tbody tr`)]
      .map((row) => [row.querySelector('.key').textContent.trim(), num(row.querySelector('[data-col="findings"]'))]));
    return {
      scope: document.querySelector('[data-scope][aria-pressed="true"]')?.getAttribute('data-scope') ?? null,
      heading: document.getElementById('heading')?.textContent ?? '',
      reports: num(document.querySelector('[data-total="reports"] .tile-value')),
      findings: num(document.querySelector('[data-total="findings"] .tile-value')),
      byCode: table('byCode'),
      byTheme: table('byTheme'),
      rows: document.querySelectorAll('#findings-list button.finding').length,
      sort: document.getElementById('findings-sort')?.value ?? null,
      firstCodes: [...document.querySelectorAll('#findings-list button.finding')].slice(0, 50).map((row) => row.querySelector('.chip')?.textContent ?? ''),
      bodyClass: document.body.className,
    };
  });
}

function sameCounts(shown, expected) {
  const sort = (record) => JSON.stringify(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
  const problems = [];
  if (shown.reports !== expected.reports) problems.push(`reports ${shown.reports} != ${expected.reports}`);
  if (shown.findings !== expected.findings) problems.push(`findings ${shown.findings} != ${expected.findings}`);
  if (sort(shown.byCode) !== sort(expected.byCode)) problems.push(`by code ${sort(shown.byCode)} != ${sort(expected.byCode)}`);
  if (sort(shown.byTheme) !== sort(expected.byTheme)) problems.push(`by theme ${sort(shown.byTheme)} != ${sort(expected.byTheme)}`);
  return problems;
}

/** Waits until the panel shows the workspace with the expected counts; returns what it shows. */
async function waitForWorkspaceCounts(page, expected, what) {
  const result = await waitUntil(page, what, async () => {
    const frame = await summaryFrame(page);
    if (!frame) return { ok: false, detail: 'no summary webview' };
    const shown = await displayed(frame);
    if (shown.scope !== 'workspace') return { ok: false, detail: `scope ${shown.scope}` };
    const problems = sameCounts(shown, expected);
    return { ok: problems.length === 0, detail: problems.join('; '), frame, shown };
  }, 60_000);
  return result;
}

/** Runs a command from the palette as a person would (F1, its title, Enter on the row). */
async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input').first();
  await input.waitFor({ timeout: 10_000 });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().click();
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => undefined);
}

async function reloadWindow(page) {
  // "Reload Window" (not a page reload): the workbench saves its state, the open panel included, first.
  const reloaded = page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame(), timeout: 30_000 });
  await runCommand(page, 'Developer: Reload Window');
  await reloaded;
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
}

async function setTheme(page, workspace, theme) {
  writeSettings(workspace, theme);
  const { workbench, body } = THEMES[theme];
  await waitUntil(page, `the ${theme} theme`, async () => {
    const applied = await page.evaluate((cls) => document.querySelector('.monaco-workbench')?.classList.contains(cls) ?? false, workbench);
    const frame = await summaryFrame(page);
    // Before the panel opens, the workbench alone.
    const inPanel = frame ? await frame.evaluate((cls) => document.body.classList.contains(cls), body) : true;
    return { ok: applied && inPanel, detail: `workbench ${applied}, panel ${inPanel}` };
  });
  // The theme's colours reach the webview as CSS variables with the class: let one frame paint.
  await page.waitForTimeout(300);
}

async function run(opts, page, workspace, passed, failures) {
  const shots = [];
  const check = async (name, body) => {
    try {
      await body();
      passed.push(name);
      log(`PASS ${name}`);
    } catch (error) {
      failures.push(`${name}: ${error.message}`);
      log(`FAIL ${name}: ${error.message}`);
    }
  };
  const shot = async (name) => {
    const file = await h.screenshot(page, path.join(opts.out, name));
    if (file) shots.push(file);
  };
  const expected = cliStats(workspace);
  log(`findings stats . in the workspace: ${expected.reports} reports, ${expected.findings} findings, by code ${JSON.stringify(expected.byCode)}`);

  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  const explorerRow = (name) => page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first();
  await explorerRow('darlington.report.md').waitFor({ timeout: 60_000 });
  await setTheme(page, workspace, 'light');

  await check('Show Summary from the command palette, on the active report', async () => {
    await explorerRow('darlington.report.md').click();
    await page.locator('.editor-instance .monaco-editor .view-lines', { hasText: 'Darlington' }).first().waitFor({ timeout: 20_000 });
    // The report's editor title has the button.
    await page.locator('.editor-actions .action-label[aria-label^="Show Summary"], .editor-actions .action-label[aria-label^="Findings: Show Summary"]').first().waitFor({ timeout: 20_000 });
    // Room for the panel: hide the side bar.
    await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
    await runCommand(page, 'Findings: Show Summary');
    await page.locator('.tab', { hasText: 'Summary: darlington.report.md' }).first().waitFor({ timeout: 20_000 });
    const result = await waitUntil(page, 'the summary of the report', async () => {
      const frame = await summaryFrame(page);
      if (!frame) return { ok: false, detail: 'no summary webview' };
      const shown = await displayed(frame);
      return { ok: shown.scope === 'document' && shown.heading === 'darlington.report.md' && shown.findings > 0, detail: JSON.stringify(shown), shown };
    });
    log(`document scope: ${result.shown.heading}, ${result.shown.findings} findings`);
    await shot('summary-document-light.png');
  });

  let frame;
  await check('Workspace scope shows the counts of `findings stats .`', async () => {
    const current = await summaryFrame(page);
    if (!current) throw new Error('no summary webview');
    await current.locator('button[data-scope="workspace"]').click();
    const result = await waitForWorkspaceCounts(page, expected, 'the workspace counts');
    frame = result.frame;
    log(`workspace scope: ${result.shown.reports} reports, ${result.shown.findings} findings, ${result.shown.rows} rows, by code ${JSON.stringify(result.shown.byCode)}`);
    // The findings list is keyboard reachable: focus the first row.
    await frame.locator('#findings-list button.finding').first().focus();
    await frame.evaluate(() => window.scrollTo(0, 0));
  });

  for (const theme of ['light', 'dark', 'high-contrast']) {
    await check(`the counts in the ${theme} theme (screenshot)`, async () => {
      await setTheme(page, workspace, theme);
      const { frame: panel } = await waitForWorkspaceCounts(page, expected, `the counts in the ${theme} theme`);
      await shot(`summary-${theme}.png`);
      // The findings list in view: rows of one height, texts cut to two lines, nothing overlapping.
      await panel.evaluate(() => document.getElementById('findings')?.scrollIntoView());
      const rows = await panel.evaluate(() => {
        const items = [...document.querySelectorAll('#findings-list > li')];
        const heights = new Set(items.map((item) => Math.round(item.getBoundingClientRect().height)));
        const overlapping = items.filter((item, i) => i > 0 && item.getBoundingClientRect().top < items[i - 1].getBoundingClientRect().bottom - 1).length;
        const overflowing = items.filter((item) => [...item.querySelectorAll('.finding-head, .finding-text, .finding-memo')].some((part) => part.getBoundingClientRect().bottom > item.getBoundingClientRect().bottom + 1)).length;
        return { count: items.length, heights: [...heights], overlapping, overflowing };
      });
      if (rows.count === 0 || rows.heights.length !== 1 || rows.overlapping > 0 || rows.overflowing > 0) throw new Error(`the list's rows: ${JSON.stringify(rows)}`);
      await shot(`summary-list-${theme}.png`);
      await panel.evaluate(() => window.scrollTo(0, 0));
    });
  }

  await check('the panel comes back after "Reload Window", on the workspace with the counts and the order chosen', async () => {
    await setTheme(page, workspace, 'light');
    const before = await summaryFrame(page);
    if (!before) throw new Error('no summary webview');
    await before.locator('#findings-sort').selectOption('code');
    await waitUntil(page, 'the list ordered by code', async () => {
      const shown = await displayed(before);
      const ordered = shown.firstCodes.every((code, i, codes) => i === 0 || codes[i - 1].localeCompare(code) <= 0);
      return { ok: shown.rows > 0 && ordered, detail: shown.firstCodes.join(' ') };
    });
    await reloadWindow(page);
    const tab = page.locator('.tab', { hasText: 'Summary: Workspace' }).first();
    await tab.waitFor({ timeout: 60_000 });
    // A restored panel that is not the active tab stays unloaded until shown.
    await tab.click();
    const restored = await waitForWorkspaceCounts(page, expected, 'the restored panel');
    if (restored.shown.sort !== 'code') throw new Error(`the restored list is in the order "${restored.shown.sort}"`);
    await restored.frame.locator('#findings-sort').selectOption('report');
    // A reloaded web workbench starts on its default theme whatever the workspace says: set one again.
    await setTheme(page, workspace, 'dark');
  });

  await check('markup in a report shows as text; no script runs and no image exists', async () => {
    fs.copyFileSync(XSS_FIXTURE, path.join(workspace, 'xss.report.md'));
    const withXss = cliStats(workspace);
    // The panel follows the change on disk by itself.
    const result = await waitForWorkspaceCounts(page, withXss, 'the counts with the new report');
    const panel = result.frame;
    await panel.locator('#filter-text').fill('__xss');
    await panel.locator('#findings-list .finding-text', { hasText: '<script>window.__xss=1</script>' }).first().waitFor({ timeout: 10_000 });
    await panel.locator('#findings-list .finding-text', { hasText: 'a link written as "><img src=x onerror="window.__xss=2">' }).first().waitFor({ timeout: 10_000 });
    await panel.locator('table[data-tally="annotator"] .key', { hasText: '"><img src=x onerror="window.__xss=2">' }).first().waitFor({ timeout: 10_000 });
    for (const f of page.frames()) {
      const state = await f.evaluate(() => ({ xss: typeof window.__xss, images: document.querySelectorAll('img').length, url: location.href.slice(0, 80) })).catch(() => undefined);
      if (!state) continue;
      if (state.xss !== 'undefined') throw new Error(`window.__xss is ${state.xss} in ${state.url}`);
      if (f !== page.mainFrame() && state.images > 0) throw new Error(`${state.images} img element(s) in ${state.url}`);
    }
    const inPanel = await panel.evaluate(() => ({ images: document.querySelectorAll('img, image, iframe, object, embed').length, scripts: document.querySelectorAll('#app script').length }));
    if (inPanel.images !== 0 || inPanel.scripts !== 0) throw new Error(`the panel holds ${inPanel.images} image(s) and ${inPanel.scripts} script(s)`);
    log(`with the markup report: ${withXss.reports} reports, ${withXss.findings} findings; its markup shows as text`);
    await panel.locator('#findings').scrollIntoViewIfNeeded();
    await shot('summary-xss.png');
  });

  await check('keyboard: arrow keys move between findings, Enter opens one with its span selected', async () => {
    const panel = await summaryFrame(page);
    if (!panel) throw new Error('no summary webview');
    const rows = panel.locator('#findings-list button.finding');
    if ((await rows.count()) < 2) throw new Error(`${await rows.count()} rows listed`);
    await rows.nth(0).focus();
    await page.keyboard.press('ArrowDown');
    const focused = await panel.evaluate(() => document.activeElement?.getAttribute('data-index'));
    if (focused !== '1') throw new Error(`ArrowDown focused row ${focused}`);
    await page.keyboard.press('ArrowUp');
    const text = await rows.nth(0).locator('.finding-text').innerText();
    await page.keyboard.press('End');
    const end = await panel.evaluate(() => ({
      focused: document.activeElement?.getAttribute('data-index'),
      size: document.querySelector('#findings-list > li')?.getAttribute('aria-setsize'),
      items: document.querySelectorAll('#findings-list > li').length,
    }));
    if (end.focused === undefined || Number(end.focused) !== Number(end.size) - 1) throw new Error(`End focused row ${end.focused} of ${end.size}`);
    if (end.items > 100) throw new Error(`${end.items} rows in the DOM`);
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    await page.locator('.tab.active', { hasText: 'xss.report.md' }).first().waitFor({ timeout: 20_000 });
    // The editor's status bar item reads e.g. "Ln 12, Col 72 (32 selected)".
    const selection = page.locator('[id="status.editor.selection"]');
    await waitUntil(page, 'the span selected', async () => {
      const label = (await selection.innerText().catch(() => '')).trim();
      return { ok: label.includes(`(${text.length} selected)`), detail: `"${label}", span text of ${text.length} characters` };
    }, 20_000);
  });
  return shots;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  fs.mkdirSync(opts.out, { recursive: true });
  for (const name of fs.readdirSync(opts.out)) if (/^summary-.*\.png$/.test(name)) fs.rmSync(path.join(opts.out, name));
  const passed = [];
  const failures = [];
  let tmp;
  let codeServer;
  let browser;
  let page;
  try {
    if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'webview', 'summary.js'))) throw new Error('the extension is not built: run node esbuild.js');
    tmp = h.makeTempEnv('findings-summary-');
    const workspace = path.join(tmp.root, 'samples');
    fs.cpSync(path.join(REPO_ROOT, 'samples'), workspace, { recursive: true });
    codeServer = await h.startCodeServer({ tmp, workspace, verbose: opts.verbose });
    browser = await h.launchBrowser({ tmp });
    const url = h.buildWorkbenchUrl({ ...codeServer, workspace, extensionDevelopmentPath: REPO_ROOT });
    page = await h.openWorkbench(browser.browser, url, { consoleLogFile: path.join(opts.out, 'summary-browser-console.log'), verbose: opts.verbose });
    const shots = await run(opts, page, workspace, passed, failures);
    for (const file of shots) log(`screenshot ${path.relative(process.cwd(), file)}`);
  } catch (error) {
    failures.push(error.message);
    log(`FAIL ${error.message}`);
    if (page) await h.screenshot(page, path.join(opts.out, 'summary-failed.png'));
  } finally {
    await h.stopAll({ browser, codeServer, tmp, keepTemp: opts.keepTemp });
  }
  if (opts.results) {
    fs.mkdirSync(path.dirname(opts.results), { recursive: true });
    fs.writeFileSync(opts.results, `${JSON.stringify({ passed, failures }, null, 2)}\n`);
  }
  log(`${passed.length} passed, ${failures.length} failed`);
  return failures.length === 0 && passed.length > 0 ? 0 : 1;
}

if (require.main === module) h.runAsScript(main, 'summary-shots');

module.exports = { summaryFrame, displayed, runCommand };
