/** markdownlint-cli2's convention: 0 clean, 1 problems found, 2 could not run. */
export const enum ExitCode {
  Ok = 0,
  Errors = 1,
  Failure = 2,
}

export interface Output {
  /** A promise returned means the reader is behind: wait for it before writing more. */
  out(text: string): void | Promise<void>;
  err(text: string): void;
}

export const processOutput: Output = {
  out: (text) => {
    // A reader that has gone (`| head`) wants no more; index.ts keeps the EPIPE quiet.
    if (process.stdout.destroyed || process.stdout.write(text)) return undefined;
    return drained(process.stdout);
  },
  err: (text) => {
    process.stderr.write(text);
  },
};

/** Resolves once a stream takes writes again, or can take none (closed, failed). */
function drained(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done).off('close', done).off('error', done);
      resolve();
    };
    stream.on('drain', done).on('close', done).on('error', done);
  });
}
