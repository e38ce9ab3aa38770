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
  /** Whether standard output takes no more (the reader has gone, a write failed): what is written now is lost, so long copies stop. */
  stopped?(): boolean;
}
