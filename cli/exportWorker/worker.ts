// The export worker (bundled as dist/cli-export-worker.js): reads and
// analyses the reports one at a time and encodes the dataset into the
// shared slots the main thread writes out (see protocol.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { defaultCodebook, hasErrors, Utf8Batches, workspaceCodebook, writeExport, type ExportableReport } from '../../core';
import { readReports } from '../loadReports';
import { FILLED, FREE, SLOT_BYTES, SLOTS, type ExportJob, type FailingReport, type WorkerMessage } from './protocol';

/** The ring of slots, filled in turn; waits (blocking this thread only) while the next one is not yet written. */
class SlotRing {
  private readonly states: Int32Array;
  private next = 0;

  constructor(private readonly job: ExportJob, private readonly post: (message: WorkerMessage) => void) {
    this.states = new Int32Array(job.states);
  }

  /** The next slot, once the main thread has freed it. */
  take(): Uint8Array {
    while (Atomics.load(this.states, this.next) !== FREE) Atomics.wait(this.states, this.next, FILLED);
    return new Uint8Array(this.job.slots, this.next * SLOT_BYTES, SLOT_BYTES);
  }

  /** Names the filled slot to the main thread and takes the next one. */
  handOn(filled: Uint8Array): Uint8Array {
    const slot = this.next;
    Atomics.store(this.states, slot, FILLED);
    this.post({ kind: 'filled', slot, length: filled.length });
    this.next = (slot + 1) % SLOTS;
    return this.take();
  }
}

async function run(job: ExportJob, port: NonNullable<typeof parentPort>): Promise<void> {
  const post = (message: WorkerMessage) => port.postMessage(message);
  const codebook = job.codebook === undefined ? defaultCodebook() : workspaceCodebook(job.codebook.text, job.codebook.path).codebook;
  const unreadable: string[] = [];
  const failing: FailingReport[] = [];
  async function* reports(): AsyncGenerator<ExportableReport> {
    for await (const { path, text, report } of readReports(job.files, codebook, unreadable)) {
      if (hasErrors(report.diagnostics)) failing.push({ path, text, diagnostics: report.diagnostics.filter((d) => d.severity === 'error') });
      yield { path, document: report.document };
    }
  }
  const ring = new SlotRing(job, post);
  const batches = new Utf8Batches(ring.take(), (filled) => ring.handOn(filled));
  const totals = await writeExport(reports(), codebook, job.format, { write: (chunk) => batches.write(chunk) }, undefined, undefined, job.agreement === undefined ? {} : { agreement: job.agreement });
  batches.flush();
  // writeExport gives undefined only when cancelled, and nothing cancels it here.
  post({ kind: 'done', totals: totals!, unreadable, failing });
}

if (parentPort === null) throw new Error('cli-export-worker.js runs only as the CLI export worker');
void run(workerData as ExportJob, parentPort).catch((error: unknown) => {
  // Rethrown outside the promise so that it reaches the main thread as the worker's 'error'.
  setImmediate(() => {
    throw error;
  });
});
