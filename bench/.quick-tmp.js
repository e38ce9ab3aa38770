const { spawn } = require('child_process'); const fs = require('fs');
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-jsonrpc/node');
const dir = process.argv[2]; const server = process.argv[3] || '/work/main/dist/server.js';
const child = spawn(process.execPath, [...(process.env.MEMLOG ? ['-r', '/tmp/scale/memlog.js'] : []), ...(process.env.PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/scale/prof'] : []), server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const c = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
const mem = () => { const s = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'); return `HWM ${(+/VmHWM:\s+(\d+)/.exec(s)[1] / 1024).toFixed(0)} MB RSS ${(+/VmRSS:\s+(\d+)/.exec(s)[1] / 1024).toFixed(0)} MB`; };
let t0; let scanned;
const done = new Promise((r) => { scanned = r; });
c.onNotification('window/logMessage', (m) => { if (/Scanned/.test(m.message)) { console.log('scan', Date.now() - t0, 'ms', m.message); scanned(); } });
c.onRequest('workspace/configuration', (p) => p.items.map(() => ({ validate: { debounceMs: 0 } })));
const diagWaiters = []; c.onNotification('textDocument/publishDiagnostics', (p) => { for (const w of diagWaiters.splice(0)) w(p); });
c.onRequest('client/registerCapability', () => null);
c.onRequest('window/workDoneProgress/create', () => null);
let progress = 0; c.onNotification('$/progress', (p) => { progress++; if (p.value.kind !== 'report' || progress % 10 === 0) console.log('progress', p.value.kind, p.value.message || ''); });
c.onNotification(() => {});
c.listen();
(async () => {
  const uri = 'file://' + dir;
  await c.sendRequest('initialize', { processId: process.pid, rootUri: uri, workspaceFolders: [{ uri, name: 'corpus' }], capabilities: { window: { workDoneProgress: true }, workspace: { configuration: true } } });
  t0 = Date.now();
  c.sendNotification('initialized', {});
  await done;
  await new Promise((r) => setTimeout(r, 2000));
  console.log('after scan', mem());
  let t = Date.now();
  try { const r = await c.sendRequest('findings/summary', { scope: { kind: 'workspace' } }); console.log('summary', Date.now() - t, 'ms', JSON.stringify(r).length / 1000, 'KB'); } catch (e) { console.log('summary failed', e.message); }
  console.log('after summary', mem());
  t = Date.now();
  try { const r = await c.sendRequest('findings/findingsPage', { scope: { kind: 'workspace' }, filters: { code: '', theme: '', area: '', text: '' }, offset: 0, limit: 100 }); console.log('page', Date.now() - t, 'ms', JSON.stringify(r).length / 1000, 'KB'); } catch (e) { console.log('page failed', e.message); }
  const fileUri = 'file://' + dir + '/000/report-00005.report.md';
  const text = fs.readFileSync(dir + '/000/report-00005.report.md', 'utf8');
  c.sendNotification('textDocument/didOpen', { textDocument: { uri: fileUri, languageId: 'inspection-report', version: 1, text } });
  await new Promise((r) => setTimeout(r, 500));
  const times = [];
  const line = text.split('\n').length - 2;
  for (let v = 2; v < 12; v++) {
    const got = new Promise((r) => diagWaiters.push(r));
    const t1 = Date.now();
    c.sendNotification('textDocument/didChange', { textDocument: { uri: fileUri, version: v }, contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'x' }] });
    await got; times.push(Date.now() - t1);
    await new Promise((r) => setTimeout(r, 300));
  }
  console.log('edit -> diagnostics ms', times.join(' '));
  const st = []; for (let i = 0; i < 5; i++) { const t2 = Date.now(); await c.sendRequest('findings/summary', { scope: { kind: 'workspace' } }); st.push(Date.now() - t2); c.sendNotification('textDocument/didChange', { textDocument: { uri: fileUri, version: 20 + i }, contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'y' }] }); await new Promise((r) => setTimeout(r, 400)); }
  console.log('summary after edit ms', st.join(' '));
  console.log('end', mem());
  await c.sendRequest('shutdown'); c.sendNotification('exit'); await new Promise((r) => setTimeout(r, 1500));
  process.exit(0);
})();
