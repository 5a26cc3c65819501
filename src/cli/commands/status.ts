// learning-passport status create | allocate | set | publish: a Bitstring Status List whose state
// (the bits and the next free index) is kept in a local JSON file; `publish` signs a snapshot.
import {
  createStatusList,
  decodeStatusList,
  encodeStatusList,
  getStatus,
  issueStatusListCredential,
  setStatus,
  statusEntry,
  type StatusPurpose,
} from '../api.js';
import { colour, line, printJson, readJson, say, UsageError, writeText } from '../io.js';
import { loadIssuer, writeAtomic } from '../load.js';
import { allocateStatus, readStatusState as readState, type StatusState } from '../status-state.js';
import type { Command } from '../types.js';

function index(value: unknown, length: number): number {
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n >= length) throw new UsageError(`--index must be a whole number from 0 to ${length - 1}`);
  return n;
}

export const statusCommand: Command = {
  name: 'status',
  summary: 'Bitstring Status Lists: create, hand out indexes, set bits, publish a signed snapshot',
  usage: [
    'status create --url <list URL> [--purpose revocation|suspension] [--length n] -o <state.json>',
    'status allocate <state.json>   (prints the credentialStatus for the next free index)',
    'status set <state.json> --index <n> [--clear]',
    'status publish <state.json> --key <issuer.key.json> [--valid-until time] -o <status-list.json>',
  ],
  examples: [
    'learning-passport status create --url https://leeds.example/status/1 -o leeds-status.state.json',
    'learning-passport status allocate leeds-status.state.json',
    'learning-passport status set leeds-status.state.json --index 42',
    'learning-passport status publish leeds-status.state.json --key leeds.key.json -o leeds-status.json',
  ],
  options: {
    url: { type: 'string' },
    purpose: { type: 'string' },
    length: { type: 'string' },
    index: { type: 'string' },
    clear: { type: 'boolean' },
    key: { type: 'string' },
    'valid-until': { type: 'string' },
    out: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
    'passphrase-file': { type: 'string' },
  },
  async run({ positionals, values, json }) {
    const [action, path] = positionals;
    if (action === 'create') {
      if (typeof values.url !== 'string') throw new UsageError('status create needs --url <the URL the list will be published at>');
      if (typeof values.out !== 'string') throw new UsageError('status create needs -o <state.json>');
      const purpose = (values.purpose ?? 'revocation') as StatusPurpose;
      if (purpose !== 'revocation' && purpose !== 'suspension') throw new UsageError('--purpose must be revocation or suspension');
      const list = createStatusList(typeof values.length === 'string' ? { length: Number(values.length) } : {});
      // Checks the URL the way entries will use it.
      statusEntry({ listUrl: values.url, index: 0, purpose });
      const state: StatusState = {
        type: 'LearningPassportStatusListState',
        url: values.url,
        purpose,
        length: list.length,
        next: 0,
        encodedList: await encodeStatusList(list),
      };
      writeText(values.out, `${JSON.stringify(state, null, 2)}\n`, values.force === true);
      if (json) printJson({ out: values.out, url: state.url, purpose, length: list.length });
      else say(line`${colour.green('✓')} status list of ${list.length} entries for ${values.url} kept in ${values.out}`);
      return 0;
    }
    if (!path) throw new UsageError(`status ${action ?? ''} needs a state file`.replace('  ', ' '));
    if (action === 'allocate') {
      const state = readState(path);
      const entry = allocateStatus(state, path);
      writeAtomic(path, `${JSON.stringify(state, null, 2)}\n`);
      printJson(entry);
      return 0;
    }
    if (action === 'set') {
      const state = readState(path);
      const list = await decodeStatusList(state.encodedList);
      const at = index(values.index, list.length);
      const value = values.clear !== true;
      const changed = getStatus(list, at) !== value;
      setStatus(list, at, value);
      writeAtomic(path, `${JSON.stringify({ ...state, encodedList: await encodeStatusList(list) }, null, 2)}\n`);
      if (json) printJson({ index: at, value, changed });
      else
        say(
          line`${colour.green('✓')} index ${at} ${value ? `set (${state.purpose === 'revocation' ? 'revoked' : 'suspended'})` : 'cleared'}${changed ? '' : ' — it already was'}; run "status publish" to sign a new snapshot`,
        );
      return 0;
    }
    if (action === 'publish') {
      if (typeof values.out !== 'string') throw new UsageError('status publish needs -o <status-list.json>');
      const state = readState(path);
      const { key } = await loadIssuer(values);
      const credential = await issueStatusListCredential(key, {
        id: state.url,
        purpose: state.purpose,
        list: await decodeStatusList(state.encodedList),
        ...(typeof values['valid-until'] === 'string' ? { validUntil: values['valid-until'] } : {}),
      });
      writeAtomic(values.out, `${JSON.stringify(credential, null, 2)}\n`, values.force === true);
      if (json) printJson({ out: values.out, url: state.url });
      else say(line`${colour.green('✓')} signed snapshot of ${state.url} written to ${values.out} (publish it at that URL, or staple it with "trust add")`);
      return 0;
    }
    throw new UsageError('status needs an action: create, allocate, set or publish');
  },
};
