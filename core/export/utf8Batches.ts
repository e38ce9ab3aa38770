/**
 * Text encoded as UTF-8 straight into a fixed buffer, which is handed on
 * whenever it is full: few system calls or messages, and memory that does
 * not grow with the export. `handOn` receives the filled bytes and returns
 * the buffer to fill next (the same one once its bytes are written, or
 * another one, as the export worker's ring of shared slots does).
 */
export class Utf8Batches {
  private used = 0;
  private readonly encoder = new TextEncoder();

  constructor(private buffer: Uint8Array, private readonly handOn: (filled: Uint8Array) => Uint8Array) {}

  write(text: string): void {
    let rest = text;
    for (;;) {
      // A character is never split across two buffers: encodeInto stops before one that does not fit.
      const { read, written } = this.encoder.encodeInto(rest, this.buffer.subarray(this.used));
      this.used += written;
      if (read === rest.length) return;
      if (read === 0 && this.used === 0) throw new Error('Utf8Batches: a buffer too small for one character');
      rest = rest.slice(read);
      this.flush();
    }
  }

  /** Hands on what the buffer holds, if anything. */
  flush(): void {
    if (this.used === 0) return;
    const filled = this.buffer.subarray(0, this.used);
    this.used = 0;
    this.buffer = this.handOn(filled);
  }
}
