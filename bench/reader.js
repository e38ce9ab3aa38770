// The coded reader's speed, end to end: the bundled language server
// (dist/server.js over stdio) answers `findings/readerUpdate` and `findings/tag`,
// and the built webview (dist/webview/reader.js and reader.css) draws the
// model in headless Chromium (playwright-core), in a page with the reader's
// strict CSP and a stand-in for VS Code's webview API. For a 5 KB report and
// a 1 MB report with about 5,000 spans, built from the samples, and the same
// 1 MB pasted as one paragraph (single line breaks only: the worst case for a
// reader that draws paragraphs), it prints the median of 11 runs of:
//   open    asking the server for the model, to the reader's first full
//           render (what is in view drawn, highlights and stripes placed,
//           painted: the bench fails if the frame left any of it undone);
//   edit    a one-character edit of the source, to the reader updated (as
//           the extension does it: it asks for what changed since the model
//           it holds, applies the delta to its copy, and posts the delta);
//   tag     a code chosen in the reader for a selection made there, to the
//           span written in the source (`findings/tag` with cleanSelections,
//           the edit applied).
// Each figure adds the time in the server (request to answer, in this
// process, with a delta applied to the model held) to the time in the page
// (the model or delta posted as the extension posts it, `modelJson` or
// `modelDelta`, to painted, by the page's clock): the hops between this
// process and Chromium go through the DevTools protocol, which VS Code does
// not use, and are left out.
// Run after a build (`node esbuild.js`): `node bench/reader.js`. Chromium is
// CHROMIUM_BIN or /usr/bin/chromium (scripts/code-server/install.sh). Prints
// figures, asserts nothing.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const esbuild = require('esbuild');
const { startServer } = require('./lspServer');
const { buildReport } = require('./sampleReport');
const { CHROMIUM_FLAGS } = require('../test/vscode/runInCodeServer');

const root = path.resolve(__dirname, '..');
const RUNS = Number(process.env.READER_BENCH_RUNS ?? 11);
const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';
const WEBVIEW = path.join(root, 'dist', 'webview');
const ORIGIN = 'http://reader.bench';
const SIZES = [
  { label: '5 KB', bytes: 5 * 1024, targets: { open: 50, edit: 50, tag: 50 } },
  { label: '1 MB', bytes: 1024 * 1024, targets: { open: 1000, edit: 200, tag: null } },
  { label: '1 MB, 1 paragraph', bytes: 1024 * 1024, oneParagraph: true, targets: { open: 1000, edit: 200, tag: null } },
];

/** The report's body with its blank lines taken out: one paragraph of single lines, as some pasted articles are. */
function asOneParagraph(text) {
  const body = text.indexOf('\n---', 4) + 5;
  return text.slice(0, body) + text.slice(body).replace(/\n[ \t]*(?:\n[ \t]*)+/g, '\n');
}

/** core/reader/readerDelta.ts, bundled in memory: how the extension applies a delta to the model it holds. */
function loadReaderDelta() {
  const built = esbuild.buildSync({ entryPoints: [path.join(root, 'core', 'reader', 'readerDelta.ts')], bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'silent' });
  const module = { exports: {} };
  new Function('module', 'exports', built.outputFiles[0].text)(module, module.exports);
  return module.exports;
}
const { applyReaderDelta } = loadReaderDelta();

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const now = () => Number(process.hrtime.bigint()) / 1e6;

/** The page the webview runs in: the reader's CSP, a stand-in for acquireVsCodeApi that hands messages to the bench. */
function pageHtml() {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${ORIGIN}; font-src ${ORIGIN}; img-src ${ORIGIN} data:; script-src 'nonce-bench'">
<link rel="stylesheet" href="${ORIGIN}/reader.css"></head>
<body class="vscode-light" data-vscode-theme-kind="vscode-light"><main id="app" aria-busy="true"><p class="notice">Loading the report…</p></main>
<script nonce="bench" src="${ORIGIN}/host.js"></script><script nonce="bench" src="${ORIGIN}/reader.js"></script></body></html>`;
}

// The host's side in the page: hands the webview's messages to the bench; after `rendered`, waits for the
// next frame (the layout, the stripes placed by a ResizeObserver callback, the paint) and tells how long the
// page took since the model was posted, by its own clock, and what that frame left unfinished in view: blocks
// not drawn yet, stripes not placed (the reader draws what is near the view after the first paint).
// (A message through a MessageChannel is the first task after the frame: a timer may wait longer.)
const HOST_SCRIPT = `const afterFrame = new MessageChannel();
function unfinishedInView() {
  let blocks = 0;
  let stripes = 0;
  for (const block of document.querySelectorAll('.article > .block')) {
    const box = block.getBoundingClientRect();
    if (box.bottom <= 0 || box.top >= window.innerHeight) continue;
    if (block.classList.contains('pending')) blocks++;
    for (const stripe of block.querySelectorAll('.stripe')) if (stripe.getBoundingClientRect().height === 0) stripes++;
  }
  return { blocks, stripes };
}
afterFrame.port1.onmessage = (event) => {
  const ms = performance.now() - window.benchPosted;
  window.benchHost({ type: 'painted', seq: event.data, ms, unfinished: unfinishedInView() });
};
window.acquireVsCodeApi = () => ({
  postMessage(message) {
    if (message && message.type === 'rendered') requestAnimationFrame(() => afterFrame.port2.postMessage(message.seq));
    if (message && message.type === 'tag') message = { ...message, ms: performance.now() - window.benchChosen };
    window.benchHost(message);
  },
  getState() { return undefined; },
  setState() {},
});`;

class Server {
  static async start(dir) {
    const server = await startServer({
      folder: dir,
      setup: (connection) => connection.onNotification('textDocument/publishDiagnostics', () => undefined),
    });
    await server.configured;
    return new Server(server);
  }

  constructor(server) {
    this.server = server;
    this.connection = server.connection;
  }

  /**
   * The model of the version given, and how long it took: asked as the
   * extension asks, with the revision of the model it holds (`held`), and
   * a delta answered applied to that model (`delta`: the answer when it was
   * one). The server may still be reading an edit: ask again.
   */
  async model(uri, version, held = null) {
    const started = now();
    for (;;) {
      const answer = await this.connection.sendRequest('findings/readerUpdate', { uri, since: held?.revision });
      if (answer && answer.version === version) {
        if (!('base' in answer)) return { model: answer, delta: null, ms: now() - started };
        if (!held || answer.base !== held.revision) throw new Error('a delta for a model not held');
        const model = { ...applyReaderDelta(held, answer), version: answer.version, revision: answer.revision };
        return { model, delta: answer, ms: now() - started };
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  stop() {
    return this.server.stop();
  }
}

/** A document as the editor holds it: its text and version, edited through didChange. */
class Source {
  constructor(server, uri, text) {
    this.server = server;
    this.uri = uri;
    this.text = text;
    this.version = 1;
  }

  open() {
    return this.server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: this.uri, languageId: 'inspection-report', version: this.version, text: this.text } });
  }

  offsetOf(position) {
    let offset = 0;
    for (let line = 0; line < position.line; line++) offset = this.text.indexOf('\n', offset) + 1;
    return offset + position.character;
  }

  /** Applies edits (as one change event, last first so earlier positions hold) and tells the server. */
  edit(edits) {
    const ordered = [...edits].sort((a, b) => this.offsetOf(b.range.start) - this.offsetOf(a.range.start));
    for (const edit of ordered) {
      const start = this.offsetOf(edit.range.start);
      const end = this.offsetOf(edit.range.end);
      this.text = this.text.slice(0, start) + edit.newText + this.text.slice(end);
    }
    this.version++;
    return this.server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: this.uri, version: this.version },
      contentChanges: ordered.map((edit) => ({ range: edit.range, text: edit.newText })),
    });
  }
}

/** A model or a delta as the extension posts it to the webview: without what only the extension reads (source ranges, lines). */
function webviewJson(modelOrDelta) {
  return JSON.stringify(modelOrDelta, function leaveOut(key, value) {
    return key === 'source' || (key === 'lines' && this === modelOrDelta) ? undefined : value;
  });
}

/**
 * The browser context the pages open in, with one page kept open all along: each reader page is then a new
 * tab (a fresh document in a fresh renderer process) in a window that stays. A new window each time would
 * have Chromium load its own browser-interface pages for that window (the address bar's popup) in another
 * renderer, which takes a core for about half a second just as the reader draws: no webview pays for that.
 */
async function openContext(browser) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  await context.newPage();
  return context;
}

/** A page with the reader loaded, and the messages it posts. */
async function openPage(context) {
  const page = await context.newPage();
  const waiting = [];
  const received = [];
  await page.exposeFunction('benchHost', (message) => {
    const at = now();
    received.push({ message, at });
    for (const waiter of [...waiting]) {
      if (waiter.test(message)) {
        waiting.splice(waiting.indexOf(waiter), 1);
        waiter.resolve({ message, at });
      }
    }
  });
  await page.route(`${ORIGIN}/**`, (route) => {
    const name = new URL(route.request().url()).pathname.slice(1);
    if (name === 'index.html') return route.fulfill({ contentType: 'text/html', body: pageHtml() });
    if (name === 'host.js') return route.fulfill({ contentType: 'text/javascript', body: HOST_SCRIPT });
    if (name === 'reader.js' || name === 'reader.css') return route.fulfill({ contentType: name.endsWith('.css') ? 'text/css' : 'text/javascript', body: fs.readFileSync(path.join(WEBVIEW, name)) });
    return route.fulfill({ status: 404, body: '' });
  });
  const next = (test) => new Promise((resolve) => waiting.push({ test, resolve }));
  const ready = next((m) => m.type === 'ready');
  await page.goto(`${ORIGIN}/index.html`);
  await ready;
  // The shell painted once ("Loading the report…"), as in VS Code while the extension asks the server for the model.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  let seq = 0;
  /** Posts a message as the extension does; resolves with the page's time from posting it to painted. */
  const post = async (message) => {
    const painted = next((m) => m.type === 'painted' && m.seq === message.seq);
    const refused = next((m) => m.type === 'needModel');
    await page.evaluate((message) => {
      window.benchPosted = performance.now();
      window.postMessage(message, '*');
    }, message);
    const { message: answer } = await Promise.race([painted, refused]);
    if (answer.type === 'needModel') throw new Error('the page could not apply the delta');
    const { blocks, stripes } = answer.unfinished;
    if (blocks > 0 || stripes > 0) throw new Error(`the frame painted left ${blocks} blocks in view undrawn and ${stripes} stripes in view unplaced: not a full render`);
    return answer.ms;
  };
  return {
    page,
    next,
    /** Posts a whole model. */
    show: (uri, model) => post({ type: 'modelJson', seq: ++seq, uri, json: webviewJson(model) }),
    /** Posts a delta to the model the page holds (the last posted), as the extension does once it holds one. */
    update: (uri, delta) => post({ type: 'modelDelta', seq: ++seq, uri, base: seq - 1, json: webviewJson(delta) }),
  };
}

/** Words of the article that no passage covers, from the middle on: where the reader tags. */
function untaggedWords(model, count) {
  const covered = new Uint8Array(model.cleanText.length);
  for (const passage of model.passages) covered.fill(1, passage.start, passage.end);
  const words = [];
  const pattern = /[A-Za-z]{6,}/g;
  pattern.lastIndex = Math.floor(model.cleanText.length / 2);
  for (let match; words.length < count && (match = pattern.exec(model.cleanText));) {
    const start = match.index;
    const end = start + match[0].length;
    if (covered.subarray(Math.max(0, start - 1), end + 1).every((c) => c === 0)) words.push({ start, end, text: match[0] });
  }
  return words;
}

async function measure(context, server, dir, size) {
  const text = size.oneParagraph ? asOneParagraph(buildReport(size.bytes)) : buildReport(size.bytes);
  const file = path.join(dir, `reader-${size.label.replace(/\W+/g, '-')}.report.md`);
  fs.writeFileSync(file, text);
  const uri = pathToFileURL(file).href;
  const source = new Source(server, uri, text);
  await source.open();
  const { model: first } = await server.model(uri, source.version);
  const figures = { open: [], edit: [], tag: [] };

  // Open: a fresh page each time, as a new panel.
  for (let run = 0; run < RUNS + 1; run++) {
    const reader = await openPage(context);
    const { model, ms } = await server.model(uri, source.version);
    const page = await reader.show(uri, model);
    if (run > 0) figures.open.push({ server: ms, page });
    await reader.page.close();
  }

  const reader = await openPage(context);
  await reader.show(uri, first);
  let held = first;
  // Edit: a character typed in a line of article text in the middle, then taken out again.
  const lines = source.text.split('\n');
  let line = Math.floor(lines.length / 2);
  while (line < lines.length - 1 && !/^[A-Za-z"“]/.test(lines[line])) line++;
  await reader.page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
  for (let run = 0; run < RUNS + 1; run++) {
    const insert = run % 2 === 0;
    const started = now();
    await source.edit([{ range: { start: { line, character: 0 }, end: { line, character: insert ? 0 : 1 } }, newText: insert ? 'x' : '' }]);
    const { model, delta } = await server.model(uri, source.version, held);
    const inServer = now() - started;
    held = model;
    const page = delta ? await reader.update(uri, delta) : await reader.show(uri, model);
    if (run > 0) figures.edit.push({ server: inServer, page });
  }

  // Tag: select a word in the reader and press its Weakness button; the span is written once the edit is applied.
  const { model } = await server.model(uri, source.version);
  await reader.show(uri, model);
  held = model;
  // The theme written with the tag (Weakness requires one), ticked in the toolbar's theme picker.
  await reader.page.evaluate(() => document.querySelector('.theme-picker input[value="outcomes"]').click());
  let tagged = 0;
  for (const word of untaggedWords(model, RUNS + 1)) {
    await reader.page.evaluate((message) => window.postMessage(message, '*'), { type: 'reveal', offset: word.start });
    await reader.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
    const posted = reader.next((m) => m.type === 'tag');
    const button = 'button.code-button[data-code="weakness"]';
    const selected = await reader.page.evaluate(({ wanted, button }) => {
      // The word's text node in the blocks now in view (the article repeats its samples: take the copy shown).
      const walker = document.createTreeWalker(document.querySelector('.article'), NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.data.indexOf(wanted);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        const top = range.getBoundingClientRect().top;
        if (top < 0 || top > window.innerHeight) continue;
        const selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        window.benchChosen = performance.now();
        document.querySelector(button).click();
        return true;
      }
      return false;
    }, { wanted: word.text, button });
    if (!selected) continue;
    const { message } = await posted;
    const started = now();
    const result = await server.connection.sendRequest('findings/tag', {
      textDocument: { uri, version: source.version },
      cleanSelections: [{ start: message.start, end: message.end }],
      codes: message.codes,
      themes: message.themes,
    });
    if (result.edits.length === 0) continue;
    await source.edit(result.edits);
    const written = now() - started;
    // The server reads the edit: its model of the new version has one more span.
    const { model: after } = await server.model(uri, source.version, held);
    held = after;
    if (after.passages.length !== model.passages.length + ++tagged) throw new Error('the tag did not add a span');
    if (tagged > 1) figures.tag.push({ server: written, page: message.ms });
  }
  await reader.page.close();
  await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  return { bytes: Buffer.byteLength(text), spans: first.passages.length, figures };
}

async function main() {
  for (const file of [path.join(root, 'dist', 'server.js'), path.join(WEBVIEW, 'reader.js')]) {
    if (!fs.existsSync(file)) {
      console.error(`${path.relative(root, file)} is missing: run \`node esbuild.js\` first.`);
      process.exit(2);
    }
  }
  if (!fs.existsSync(CHROMIUM)) {
    console.log(`Chromium not found at ${CHROMIUM} (set CHROMIUM_BIN, or run scripts/code-server/install.sh): reader benchmark skipped.`);
    return;
  }
  const { chromium } = require('playwright-core');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'findings-reader-bench-'));
  const server = await Server.start(dir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  const context = await openContext(browser);
  try {
    console.log(`Median of ${RUNS} runs (after one warm-up), headless Chromium; in brackets the medians of the server's part and the page's.`);
    console.log(`${'report'.padEnd(30)}${'spans'.padStart(6)}   ${'open → rendered'.padEnd(34)}${'edit → updated'.padEnd(34)}tag → span written`);
    for (const size of SIZES) {
      const { bytes, spans, figures } = await measure(context, server, dir, size);
      const cell = (runs, target) => {
        if (runs.length === 0) return 'n/a'.padEnd(34);
        const total = median(runs.map((run) => run.server + run.page)).toFixed(0);
        const parts = `${median(runs.map((run) => run.server)).toFixed(0)} + ${median(runs.map((run) => run.page)).toFixed(0)}`;
        return `${total} ms [${parts}]${target === null ? '' : ` < ${target}`}`.padEnd(34);
      };
      console.log(`${`${size.label} (${bytes} B)`.padEnd(30)}${String(spans).padStart(6)}   ${cell(figures.open, size.targets.open)}${cell(figures.edit, size.targets.edit)}${cell(figures.tag, size.targets.tag).trimEnd()}`);
    }
    console.log(`Targets: 5 KB under 50 ms for each; 1 MB (either shape) under 1,000 ms to open and 200 ms to update. Load average now: ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs.`);
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
