// Signing the rows of `issue --csv` on every core. Node runs JavaScript on one thread; a large
// spreadsheet is split into contiguous slices, one per extra core, each issued in a worker
// thread running this same bundle (dist/cli/index.js), while the main thread issues the first
// slice. The decrypted key goes to the workers by structured clone, inside this process only.
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { isPassportError, issueEntry, type EntryKind, type IssueEntryOptions, type IssuerProfile, type SignedEntry, type SigningKeyPair } from '../api.js';

/** One row ready to sign: its line number, its fields and its issuing options. */
export interface IssueJob {
  row: number;
  fields: Record<string, unknown>;
  options: Omit<IssueEntryOptions, 'issuer' | 'key'>;
}

/** What became of one row. */
export type IssueOutcome = { row: number; entry: SignedEntry } | { row: number; failure: { code?: string; reason: string } };

/** Below this many rows, threads cost more to start (each loads the bundle) than they save. */
export const PARALLEL_FROM_ROWS = 1_000;
const TAG = 'learning-passport:issue-csv';

/** Why a row failed, in plain words with the field paths. */
export function reasonOf(err: unknown): { code?: string; reason: string } {
  if (isPassportError(err)) {
    const issues = (err.details as { issues?: { path?: string; message?: string }[] } | undefined)?.issues;
    const detail = issues?.length ? issues.map((i) => `${i.path ? `${i.path}: ` : ''}${i.message ?? ''}`).join('; ') : err.message;
    return { code: err.code, reason: detail };
  }
  return { reason: err instanceof Error ? err.message : String(err) };
}

async function issueSlice(kind: EntryKind, key: SigningKeyPair, profile: IssuerProfile, jobs: IssueJob[], tick: (n: number) => void): Promise<IssueOutcome[]> {
  const out: IssueOutcome[] = [];
  for (const job of jobs) {
    try {
      out.push({ row: job.row, entry: await issueEntry(kind, job.fields as never, { ...job.options, issuer: profile, key }) });
    } catch (err) {
      out.push({ row: job.row, failure: reasonOf(err) });
    }
    tick(1);
  }
  return out;
}

/**
 * Issues every job, in order, on as many threads as there are cores (one thread below
 * {@link PARALLEL_FROM_ROWS} rows). `tick(n)` reports n more rows done.
 */
export async function issueAll(
  kind: EntryKind,
  key: SigningKeyPair,
  profile: IssuerProfile,
  jobs: IssueJob[],
  tick: (n: number) => void,
): Promise<IssueOutcome[]> {
  const threads = jobs.length < PARALLEL_FROM_ROWS ? 1 : Math.min(availableParallelism(), 8);
  if (threads === 1) return issueSlice(kind, key, profile, jobs, tick);
  const size = Math.ceil(jobs.length / threads);
  const slices = Array.from({ length: threads }, (_, i) => jobs.slice(i * size, (i + 1) * size));
  const workers = slices.slice(1).map(
    (slice) =>
      new Promise<IssueOutcome[]>((resolve, reject) => {
        const worker = new Worker(new URL(import.meta.url), { workerData: { tag: TAG, kind, key, profile, jobs: slice } });
        worker.on('message', (message: { done?: number; outcomes?: IssueOutcome[] }) => {
          if (message.done) tick(message.done);
          if (message.outcomes) resolve(message.outcomes);
        });
        worker.on('error', reject);
        worker.on('exit', (code) => reject(new Error(`an issuing thread stopped (exit ${code})`)));
      }),
  );
  const first = await issueSlice(kind, key, profile, slices[0]!, tick);
  return [...first, ...(await Promise.all(workers)).flat()];
}

/**
 * In a worker thread that {@link issueAll} started: issue its slice, send the outcomes back, and
 * return true (the command line does not run). False in every other thread.
 */
export function runIssueWorker(): boolean {
  const data = workerData as { tag?: string; kind: EntryKind; key: SigningKeyPair; profile: IssuerProfile; jobs: IssueJob[] } | undefined;
  if (isMainThread || data?.tag !== TAG) return false;
  let pending = 0;
  const tick = (n: number) => {
    pending += n;
    if (pending >= 50) {
      parentPort!.postMessage({ done: pending });
      pending = 0;
    }
  };
  void issueSlice(data.kind, data.key, data.profile, data.jobs, tick).then((outcomes) => {
    parentPort!.postMessage({ done: pending, outcomes });
    // Let the message go out; the thread then ends with nothing left to do.
  });
  return true;
}
