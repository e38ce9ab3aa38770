// The language server's latency from a one-character edit to the diagnostics
// for that version: starts the bundled server (dist/server.js) over stdio in
// push mode with the debounce set to 0 through workspace/configuration, opens
// a 5 KB and a 1 MB report built from the samples, and times ~20 edits of
// each. Run after a build (`node esbuild.js`): `node bench/lsp-latency.js`.
// Prints figures, asserts nothing.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { BENCH_SETTINGS, serverScript, startServer } = require('./lspServer');
const { buildReport } = require('./sampleReport');

const EDITS = Number(process.env.LSP_BENCH_EDITS ?? 20);
const WARMUP = 3;

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main() {
  serverScript(); // exits with a hint when the server is not built
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'findings-lsp-bench-'));
  const waiting = new Map();
  const published = new Map();
  const server = await startServer({
    folder: dir,
    settings: { ...BENCH_SETTINGS, maxProblems: 1000 },
    setup: (connection) => connection.onNotification('textDocument/publishDiagnostics', (params) => {
      const key = `${params.uri}#${params.version}`;
      published.set(key, params.diagnostics.length);
      const resolve = waiting.get(key);
      if (resolve) {
        waiting.delete(key);
        resolve(process.hrtime.bigint());
      }
    }),
  });
  const { connection } = server;

  const published$ = (uri, version) => new Promise((resolve) => {
    const key = `${uri}#${version}`;
    if (published.has(key)) resolve(process.hrtime.bigint());
    else waiting.set(key, resolve);
  });

  try {
    await server.configured;
    await new Promise((resolve) => setTimeout(resolve, 50));

    console.log(`Push diagnostics, findings.validate.debounceMs = 0, ${EDITS} edits per size after ${WARMUP} warm-up edits.`);
    console.log(`${'report'.padEnd(16)}${'lines'.padStart(8)}${'spans~'.padStart(9)}${'problems'.padStart(10)}${'min'.padStart(10)}${'median'.padStart(10)}${'p95'.padStart(10)}${'max'.padStart(10)}`);
    for (const [label, bytes] of [['5 KB', 5 * 1024], ['1 MB', 1024 * 1024]]) {
      const text = buildReport(bytes);
      const file = path.join(dir, `bench-${label.replace(' ', '')}.report.md`);
      fs.writeFileSync(file, text);
      const uri = pathToFileURL(file).href;
      const lines = text.split('\n');
      let version = 1;
      const opened = published$(uri, version);
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'inspection-report', version, text } });
      await opened;
      // Edit a line in the middle of the body: insert a character, then delete it, and so on.
      const line = Math.floor(lines.length / 2);
      const times = [];
      for (let i = 0; i < WARMUP + EDITS; i++) {
        version++;
        const insert = i % 2 === 0;
        const change = insert
          ? { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'x' }
          : { range: { start: { line, character: 0 }, end: { line, character: 1 } }, text: '' };
        const done = published$(uri, version);
        const started = process.hrtime.bigint();
        await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
        const ended = await done;
        if (i >= WARMUP) times.push(Number(ended - started) / 1e6);
      }
      times.sort((a, b) => a - b);
      const median = percentile(times, 50);
      const spans = (text.match(/\]\{/g) || []).length;
      const problems = published.get(`${uri}#${version}`);
      const ms = (value) => `${value.toFixed(1)} ms`.padStart(10);
      console.log(`${`${label} (${Buffer.byteLength(text)} B)`.padEnd(16)}${String(lines.length).padStart(8)}${String(spans).padStart(9)}${String(problems).padStart(10)}${ms(times[0])}${ms(median)}${ms(percentile(times, 95))}${ms(times[times.length - 1])}`);
      await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    }
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
