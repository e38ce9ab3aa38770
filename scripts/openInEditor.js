// Opens the samples in VS Code with the freshly built extension: the desktop
// `code` command when there is one, otherwise code-server on 127.0.0.1 with
// the packaged VSIX installed, at a printed URL, until Ctrl+C.
const { spawnSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const { packageVsix: packageWithVsce } = require('./packageVsix');

const root = path.resolve(__dirname, '..');
const samples = path.join(root, 'samples');

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function packageVsix() {
  const out = path.join(root, 'out', 'inspection-findings.vsix');
  if (packageWithVsce(out).status !== 0) throw new Error('packaging the VSIX failed');
  return out;
}

async function openInCodeServer() {
  const codeServerBin = path.join(root, '.tools', 'code-server', 'node_modules', '.bin', 'code-server');
  if (!fs.existsSync(codeServerBin)) {
    console.log('Installing code-server (a VS Code served to the browser) into .tools/ ...');
    if (spawnSync('bash', [path.join(root, 'scripts', 'code-server', 'install.sh')], { cwd: root, stdio: 'inherit' }).status !== 0) {
      throw new Error('installing code-server failed');
    }
  }
  const harness = require(path.join(root, 'test', 'vscode', 'runInCodeServer.js'));
  const vsix = packageVsix();
  const tmp = harness.makeTempEnv('findings-demo-');
  const install = spawnSync(codeServerBin, ['--install-extension', vsix, '--extensions-dir', tmp.extensionsDir, '--user-data-dir', tmp.userDataDir], { env: tmp.env, cwd: tmp.home, encoding: 'utf8' });
  if (install.status !== 0) throw new Error(`installing the VSIX into code-server failed:\n${install.stdout}${install.stderr}`);
  const codeServer = await harness.startCodeServer({ tmp, workspace: samples, codeServerBin });
  const url = `${codeServer.baseUrl}/?folder=${encodeURIComponent(samples)}`;
  console.log(`\nVS Code (code-server) is serving the samples with the extension installed:\n\n    ${url}\n\nOpen it in a browser on this machine. Press Ctrl+C to stop.`);
  await new Promise((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, resolve);
  });
  await harness.stopAll({ codeServer, tmp });
}

async function main() {
  if (process.env.CI || process.argv.includes('--no-editor')) {
    console.log('Not opening an editor (CI or --no-editor).');
    return;
  }
  if (onPath('code') && !process.argv.includes('--code-server')) {
    console.log('Opening the samples in VS Code with the extension loaded from this folder ...');
    spawn('code', [`--extensionDevelopmentPath=${root}`, samples], { detached: true, stdio: 'ignore' }).unref();
    return;
  }
  await openInCodeServer();
}

main().catch((error) => {
  console.error(`demo: ${error.message}`);
  process.exitCode = 1;
});
