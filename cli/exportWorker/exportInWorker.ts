import { Worker } from 'node:worker_threads';
import type { ArticleAgreement, ExportFormat, TemporaryFile } from '../../core';
import type { LoadedCodebook } from '../codebookFile';
import type { ReportFile } from '../files';
import { FREE, SLOT_BYTES, SLOTS, type ExportJob, type WorkerMessage } from './protocol';

/**
 * The worker's young generation, in MB. V8 widens it the longer a process
 * allocates, so an uncapped export of 10,000 reports peaks about 40 % higher
 * than one of 1,000; capped, its memory stays flat. Measured: no slower.
 */
const YOUNG_GENERATION_MB = 8;

/** Written bytes after which the file's data is synced in the background, so that the final sync is short. */
const SYNC_EVERY = 32 * SLOT_BYTES;

export type WorkerResult = Extract<WorkerMessage, { kind: 'done' }>;

/**
 * Exports the reports into `file` through the export worker: the worker
 * reads, analyses and encodes (see worker.ts); this thread writes each
 * filled slot and syncs as it goes. Rejects when the worker fails or stops.
 */
export function exportInWorker(script: string, files: readonly ReportFile[], codebook: LoadedCodebook, format: ExportFormat, file: TemporaryFile, agreement?: Readonly<Record<string, ArticleAgreement>>): Promise<WorkerResult> {
  const job: ExportJob = {
    files,
    codebook: codebook.text === undefined ? undefined : { text: codebook.text, path: codebook.path! },
    format,
    agreement,
    slots: new SharedArrayBuffer(SLOTS * SLOT_BYTES),
    states: new SharedArrayBuffer(SLOTS * Int32Array.BYTES_PER_ELEMENT),
  };
  const states = new Int32Array(job.states);
  const worker = new Worker(script, {
    workerData: job,
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
  });
  return new Promise<WorkerResult>((resolve, reject) => {
    let settled = false;
    let unsynced = 0;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      reject(error);
    };
    worker.on('message', (message: WorkerMessage) => {
      if (settled) return;
      if (message.kind === 'done') {
        settled = true;
        resolve(message);
        return;
      }
      try {
        file.writeBytes(new Uint8Array(job.slots, message.slot * SLOT_BYTES, message.length));
      } catch (error) {
        fail(error);
        return;
      }
      Atomics.store(states, message.slot, FREE);
      Atomics.notify(states, message.slot);
      unsynced += message.length;
      if (unsynced >= SYNC_EVERY) {
        file.syncInBackground();
        unsynced = 0;
      }
    });
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the export worker stopped before the end (exit code ${code})`)));
  });
}
