import path from 'node:path';
import { main } from './main';
import { ExitCode } from './output';
import { StandardOutput } from './standardOutput';

const stdout = new StandardOutput(process.stdout);

main(process.argv.slice(2), process.cwd(), stdout.asOutput(process.stderr), { exportWorker: path.join(__dirname, 'cli-export-worker.js') }).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.exitCode = ExitCode.Failure;
  },
);

// Once every write has ended (pending writes keep the process alive until
// then), a failed standard output decides the status: the results are lost.
let settled = false;
process.on('beforeExit', () => {
  if (settled) return;
  settled = true;
  const problem = stdout.problem();
  if (problem === undefined) return;
  process.stderr.write(`findings: ${problem}\n`);
  process.exitCode = ExitCode.Failure;
});
