// The benchmarks' language client: starts a checkout's bundled server
// (dist/server.js) over stdio, opens the JSON-RPC connection, answers what a
// client must answer (settings through workspace/configuration, capability
// registration, work-done progress tokens), sends `initialize` for one
// workspace folder and then `initialized`.
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { pathToFileURL } = require('node:url');
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-jsonrpc/node');

const THIS_CHECKOUT = path.resolve(__dirname, '..');

/** What every benchmark's client can do: settings on request, push diagnostics with versions. */
const BASE_CAPABILITIES = {
  workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
  textDocument: { synchronization: { didSave: true }, publishDiagnostics: { versionSupport: true } },
};

/** Checks as you type with no debounce: a benchmark times the server, not a wait. */
const BENCH_SETTINGS = { validate: { run: 'onType', debounceMs: 0 } };

function isPlainObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function merge(base, extra) {
  const merged = { ...base };
  for (const [key, value] of Object.entries(extra ?? {})) merged[key] = isPlainObject(value) && isPlainObject(base[key]) ? merge(base[key], value) : value;
  return merged;
}

/** The server script of a checkout; exits with a hint when it is not built. */
function serverScript(root = THIS_CHECKOUT) {
  const script = path.join(root, 'dist', 'server.js');
  if (!fs.existsSync(script)) {
    console.error(`${script} is missing: run \`node esbuild.js\` in ${root} first.`);
    process.exit(2);
  }
  return script;
}

/**
 * Starts the server on a workspace folder.
 *   folder        the workspace folder (a path)
 *   root          the checkout whose dist/server.js runs (default: this one)
 *   settings      the `findings` settings, answered to workspace/configuration
 *                 and given in initializationOptions (default: BENCH_SETTINGS)
 *   capabilities  added to BASE_CAPABILITIES
 *   setup         called with the connection before it listens, to register
 *                 the caller's handlers from the first message on
 *   onLog         receives each window/logMessage text
 * Resolves once `initialized` is sent, with { child, pid, connection,
 * initializedAt (performance.now()), configured (resolves when the server
 * has asked for its settings), stop() }.
 */
async function startServer({ folder, root = THIS_CHECKOUT, settings = BENCH_SETTINGS, capabilities, setup, onLog } = {}) {
  const child = spawn(process.execPath, [serverScript(root), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  let configuredNow;
  const configured = new Promise((resolve) => { configuredNow = resolve; });
  connection.onRequest('workspace/configuration', (params) => {
    configuredNow();
    return params.items.map(() => settings);
  });
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('client/unregisterCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onNotification('window/logMessage', (params) => onLog?.(String(params?.message ?? '')));
  setup?.(connection);
  connection.listen();

  const uri = pathToFileURL(folder).href;
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: uri,
    workspaceFolders: [{ uri, name: 'bench' }],
    capabilities: merge(BASE_CAPABILITIES, capabilities),
    initializationOptions: { trusted: true, settings },
  });
  await connection.sendNotification('initialized', {});
  const initializedAt = performance.now();

  let stopped = false;
  return {
    child,
    pid: child.pid,
    connection,
    initializedAt,
    configured,
    /** Shuts the server down (killed if it has not exited half a second after `exit`). */
    async stop() {
      if (stopped) return;
      stopped = true;
      await Promise.race([connection.sendRequest('shutdown').catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 2000))]);
      await connection.sendNotification('exit').catch(() => undefined);
      setTimeout(() => child.kill(), 500).unref();
      connection.dispose();
    },
  };
}

module.exports = { startServer, serverScript, BENCH_SETTINGS };
