/** markdownlint-cli2's convention: 0 clean, 1 problems found, 2 could not run. */
export const enum ExitCode {
  Ok = 0,
  Errors = 1,
  Failure = 2,
}

export interface Output {
  out(text: string): void;
  err(text: string): void;
}

export const processOutput: Output = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};
