// The main job on the samples: build, check every sample report, and export
// the findings as JSONL, CSV and JSON, printing where the dataset went.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const datasetDir = path.join('out', 'dataset');

function run(args, { allowFailure = false } = {}) {
  console.log(`$ ${args.join(' ')}`);
  const result = spawnSync(args[0] === 'findings' ? process.execPath : args[0], args[0] === 'findings' ? ['bin/findings.js', ...args.slice(1)] : args.slice(1), { cwd: root, stdio: 'inherit' });
  if (result.status !== 0 && !allowFailure) process.exit(result.status ?? 1);
  return result.status;
}

run([process.execPath, 'esbuild.js', '--production']);
run(['findings', 'check', 'samples', '--format', 'text'], { allowFailure: false });
fs.mkdirSync(path.join(root, datasetDir), { recursive: true });
for (const format of ['jsonl', 'csv', 'json']) {
  run(['findings', 'export', 'samples', '--format', format, '--out', path.join(datasetDir, `findings.${format}`)]);
}
run(['findings', 'stats', 'samples']);
console.log(`\nDataset written to ${path.join(root, datasetDir)}${path.sep} (findings.jsonl, findings.csv, findings.json)`);

// Then the extension on the samples, in VS Code.
if (fs.existsSync(path.join(root, 'dist', 'client.js'))) {
  run([process.execPath, 'scripts/openInEditor.js', ...process.argv.slice(2)]);
}
