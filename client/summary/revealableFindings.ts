// The findings the summary panel may open for its webview: those the
// extension sent it in a page of the current index generation, by URI and
// range. The webview is untrusted, so `reveal` is honoured only for one of
// these. Bounded: the oldest sent are forgotten first (the webview keeps far
// fewer). No VS Code imports, so unit tests use it as is.

export interface RevealableRange {
  readonly start: { readonly line: number; readonly character: number };
  readonly end: { readonly line: number; readonly character: number };
}

export class RevealableFindings {
  private generation = -1;
  private readonly keys = new Set<string>();

  constructor(private readonly max: number) {}

  /** A newer generation (of a summary or a page): what was sent before may have moved. */
  advance(generation: number): void {
    if (generation <= this.generation) return;
    this.generation = generation;
    this.keys.clear();
  }

  /** Findings sent in a page computed at `generation`; a page of an older one adds nothing. */
  add(generation: number, findings: ReadonlyArray<{ readonly uri: string; readonly range: RevealableRange }>): void {
    this.advance(generation);
    if (generation < this.generation) return;
    for (const finding of findings) {
      const key = keyOf(finding.uri, finding.range);
      // Sent again: now among the newest.
      this.keys.delete(key);
      this.keys.add(key);
    }
    for (const key of this.keys) {
      if (this.keys.size <= this.max) break;
      this.keys.delete(key);
    }
  }

  has(uri: string, range: RevealableRange): boolean {
    return this.keys.has(keyOf(uri, range));
  }

  /** A restarted server counts its generations from the start again. */
  reset(): void {
    this.generation = -1;
    this.keys.clear();
  }

  get size(): number {
    return this.keys.size;
  }
}

function keyOf(uri: string, range: RevealableRange): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character} ${uri}`;
}
