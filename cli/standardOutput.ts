import type { Output } from './output';

/** The first write's first piece: small enough to fit in an empty pipe whole, so its completion shows a reader was there. */
const FIRST_PIECE = 4096;

/**
 * The process's standard output, and what became of it. A reader that
 * leaves once output has begun (`| head`) is normal: writing stops and the
 * command keeps its status, as other command-line tools do. Anything else
 * fails the run (see `problem`): a write error (a full disk: ENOSPC), or a
 * reader gone before a byte could be written (a closed pipe; `| true` once
 * `true` has exited), where exiting 0 would pass off nothing as a result.
 */
export class StandardOutput {
  private failure: NodeJS.ErrnoException | undefined;
  private started = false;
  private delivered = false;

  constructor(private readonly stream: NodeJS.WriteStream) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      this.failure ??= error;
    });
  }

  write(text: string): void | Promise<void> {
    if (this.stopped() || text === '') return undefined;
    let rest: string | Buffer = text;
    if (!this.started) {
      this.started = true;
      const bytes = Buffer.from(text, 'utf8');
      this.stream.write(bytes.subarray(0, FIRST_PIECE), (error) => {
        if (!error) this.delivered = true;
      });
      rest = bytes.subarray(FIRST_PIECE);
      if (rest.length === 0) return this.stream.writableNeedDrain ? drained(this.stream) : undefined;
    }
    return this.stream.write(rest) ? undefined : drained(this.stream);
  }

  stopped(): boolean {
    return this.failure !== undefined || this.stream.destroyed;
  }

  /** Why the run fails because of its output (one line, for stderr), once every write has ended; undefined when it does not. */
  problem(): string | undefined {
    const code = this.failure?.code ?? this.failure?.message;
    if (code === undefined) return undefined;
    if (code === 'EPIPE') return this.delivered ? undefined : 'standard output is closed: nothing was written (EPIPE)';
    return `cannot write to standard output (${code})`;
  }

  /** The Output the commands write through: this for results, stderr for messages (whose failures have nowhere to go). */
  asOutput(stderr: NodeJS.WriteStream): Output {
    stderr.on('error', () => undefined);
    return {
      out: (text) => this.write(text),
      err: (text) => void stderr.write(text),
      stopped: () => this.stopped(),
    };
  }
}

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
