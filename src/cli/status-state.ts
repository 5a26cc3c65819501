// The status list state file an issuer keeps between runs ("status create" makes it): the URL,
// the purpose, the bits and the next free index. `status allocate`, `issue --status` and
// `issue --csv --status` hand out indexes from it.
import { statusEntry, type BitstringStatusListEntry, type StatusPurpose } from './api.js';
import { readJson, UsageError } from './io.js';
import { writeAtomic } from './load.js';

/** The state file's content. */
export interface StatusState {
  type: 'LearningPassportStatusListState';
  url: string;
  purpose: StatusPurpose;
  length: number;
  /** The next index `allocate` hands out. */
  next: number;
  encodedList: string;
}

/** Reads a state file, refusing anything "status create" did not write. */
export function readStatusState(path: string): StatusState {
  const state = readJson(path, 'status state file') as Partial<StatusState>;
  if (
    state?.type !== 'LearningPassportStatusListState' ||
    typeof state.url !== 'string' ||
    typeof state.encodedList !== 'string' ||
    !Number.isSafeInteger(state.next) ||
    !Number.isSafeInteger(state.length)
  ) {
    throw new UsageError(`${path} is not a status state file (make one with "status create")`);
  }
  return state as StatusState;
}

/** The credentialStatus for the next free index; advances `state.next` (the caller writes the file). */
export function allocateStatus(state: StatusState, path: string): BitstringStatusListEntry {
  if (state.next >= state.length) throw new UsageError(`${path} is full: every index is handed out; create another list ("status create")`);
  const entry = statusEntry({ listUrl: state.url, index: state.next, purpose: state.purpose });
  state.next += 1;
  return entry;
}

/** Writes the state back atomically. */
export function writeStatusState(path: string, state: StatusState): void {
  writeAtomic(path, `${JSON.stringify(state, null, 2)}\n`);
}
