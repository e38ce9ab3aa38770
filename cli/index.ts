import { main } from './main';

// A reader that stops early (`findings export | head`) closes the pipe: the
// next write fails with EPIPE. Stop writing and exit quietly with the
// command's own status, as other command-line tools do, rather than crash.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return;
    throw error;
  });
}

main(process.argv.slice(2), process.cwd()).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.exitCode = 2;
  },
);
