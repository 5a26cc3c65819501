// learning-passport transfer | revoke | checkpoint: lifecycle entries added to a passport.
// Each refuses (exit 1, with the reason) when its key has no power over the target or when the
// new entry would change nothing: a ✓ must mean the passport now says something new.
import {
  addEntries,
  createCheckpoint,
  createTrustPolicy,
  currentView,
  entryId,
  entryKindOf,
  issueEntry,
  serializePassport,
  type CanActFor,
  type Passport,
  type SignedEntry,
} from '../../index.js';
import { learningPassportOf } from '../../kinds.js';
import { createTrustContext, lifecycleAuthority, mayActOnEntry } from '../../trust.js';
import { isRealPartialDate } from '../../internal/time.js';
import { colour, line, printJson, readJson, Refusal, say, UsageError, writeText } from '../io.js';
import { list, loadIssuerWithProfile, readPassportFile } from '../load.js';
import { didYouMean } from '../suggest.js';
import type { Command } from '../types.js';
import { rootsFrom } from './verify.js';

/** Most entry ids one custody-transfer entry may list (its schema's limit). */
const MAX_TRANSFER_IDS = 10_000;

async function addToPassport(path: string, passport: Passport, entry: SignedEntry | SignedEntry[], json: boolean, message: string): Promise<number> {
  const result = await addEntries(passport, Array.isArray(entry) ? entry : [entry]);
  if (result.rejected.length > 0) throw new Refusal(`not added: ${result.rejected[0]!.message}`, result.rejected[0]!.code);
  writeText(path, serializePassport(result.passport), true);
  if (json) printJson(entry);
  else say(line`${colour.green('✓')} ${message}`);
  return 0;
}

const common = {
  key: { type: 'string' },
  passport: { type: 'string' },
  'passphrase-file': { type: 'string' },
} as const;

function passportPath(values: Record<string, unknown>): string {
  if (typeof values.passport !== 'string') throw new UsageError('--passport <file> is required', 'ERR_FLAG_MISSING');
  return values.passport;
}

/** Who may act for whom: the same key only, or — with --trust/--root — accredited powers too. */
async function authorityFrom(values: Record<string, unknown>, passport: Passport) {
  const roots = rootsFrom(values);
  if (roots.length === 0) return undefined;
  const extra = typeof values.accreditations === 'string' ? readJson(values.accreditations, 'accreditations file') : [];
  const context = await createTrustContext({
    policy: createTrustPolicy({ roots }),
    accreditations: [...passport.accreditations, ...(Array.isArray(extra) ? extra : [extra])],
  });
  return context;
}

export const transferCommand: Command = {
  name: 'transfer',
  summary: 'record a custody transfer between establishments',
  usage: ['transfer --key <establishment.key.json> --passport <p.json> --from <name> --to <name> --date <YYYY-MM-DD> [--aim <in-progress aim> …]'],
  options: { ...common, from: { type: 'string' }, to: { type: 'string' }, date: { type: 'string' }, aim: { type: 'string', multiple: true } },
  async run({ values, json }) {
    const path = passportPath(values);
    if (typeof values.from !== 'string' || typeof values.to !== 'string' || typeof values.date !== 'string') {
      throw new UsageError('transfer needs --from, --to and --date', 'ERR_FLAG_MISSING');
    }
    if (!isRealPartialDate(values.date)) throw new UsageError(`--date must be a real day as YYYY-MM-DD (got "${values.date}")`, 'ERR_DATE_INVALID');
    if (values.from.trim().toLowerCase() === values.to.trim().toLowerCase()) throw new Refusal('--from and --to name the same establishment: there is nothing to transfer', 'ERR_NOTHING_TO_DO');
    const { key, profile } = await loadIssuerWithProfile(values);
    const passport = readPassportFile(path);
    const aims = list(values.aim);
    // The receipt names every entry handed over by its content id. A custody-transfer entry holds
    // at most MAX_TRANSFER_IDS ids, so a larger passport gets one receipt per slice.
    const cids = passport.entries.map((e) => entryId(e));
    const slices: string[][] = [];
    for (let i = 0; i < cids.length; i += MAX_TRANSFER_IDS) slices.push(cids.slice(i, i + MAX_TRANSFER_IDS));
    if (slices.length === 0) slices.push([]);
    const entries: SignedEntry[] = [];
    for (const slice of slices) {
      entries.push(
        await issueEntry(
          'custody-transfer',
          {
            fromEstablishment: values.from,
            toEstablishment: values.to,
            transferDate: values.date,
            ...(slice.length ? { entryIds: slice } : {}),
            ...(aims.length ? { inProgressAims: aims } : {}),
          } as never,
          { issuer: profile, key, ...(typeof passport.holder === 'string' ? { holder: passport.holder } : {}) },
        ),
      );
    }
    return addToPassport(path, passport, entries, json, `transfer from ${values.from} to ${values.to} recorded (${cids.length} entries handed over)`);
  },
};

const REASONS = ['issued-in-error', 'superseded', 'withdrawn', 'key-compromise', 'other'];

export const revokeCommand: Command = {
  name: 'revoke',
  summary: 'withdraw one of your own entries (or, with --trust, one you are accredited to revoke)',
  usage: [
    'revoke <cid> --key <issuer.key.json> --passport <p.json> --reason <issued-in-error|superseded|withdrawn|key-compromise|other> [--note text] [--trust roots.json | --root <did>] [--accreditations acc.json]',
  ],
  options: {
    ...common,
    reason: { type: 'string' },
    note: { type: 'string' },
    trust: { type: 'string' },
    root: { type: 'string', multiple: true },
    accreditations: { type: 'string' },
  },
  async run({ positionals, values, json }) {
    const target = positionals[0];
    if (!target) throw new UsageError('revoke needs the id (CID) of the entry to withdraw; "timeline --json" lists them', 'ERR_USAGE');
    const reason = values.reason ?? 'withdrawn';
    if (typeof reason !== 'string' || !REASONS.includes(reason)) {
      throw new UsageError(`--reason must be one of: ${REASONS.join(', ')}${didYouMean(String(reason), REASONS)}`, 'ERR_FLAG_VALUE');
    }
    const path = passportPath(values);
    const passport = readPassportFile(path);
    const cids = passport.entries.map((e) => entryId(e));
    const index = cids.indexOf(target);
    if (index < 0) {
      const hint = didYouMean(target, cids);
      throw new Refusal(`${path} holds no entry ${target}${hint}`, 'ERR_ENTRY_NOT_FOUND');
    }
    const found = passport.entries[index]!;
    const targetIssuer = issuerOf(found);
    const targetKind = entryKindOf(found);
    const { key, profile } = await loadIssuerWithProfile(values);
    const context = await authorityFrom(values, passport);
    let canActFor: CanActFor | undefined;
    if (targetIssuer !== key.did) {
      if (!context) {
        throw new Refusal(
          `this key (${key.did}) did not sign entry ${target} (signed by ${targetIssuer ?? 'an unknown issuer'}), so its revocation would have no effect. An accredited authority gives --trust <roots.json> so its power can be checked.`,
          'ERR_LIFECYCLE_UNAUTHORISED',
        );
      }
      const answer = mayActOnEntry(context, { actor: key.did, targetIssuer: targetIssuer ?? '', action: 'revoke', targetKind });
      if (!answer.allowed) throw new Refusal(`this key may not revoke entry ${target}: ${answer.reason}`, 'ERR_LIFECYCLE_UNAUTHORISED');
      canActFor = lifecycleAuthority(context);
    }
    const before = currentView(passport, canActFor ? { canActFor } : {}).entries.find((e) => e.cid === target);
    if (before?.state === 'revoked') throw new Refusal(`entry ${target} is already revoked: nothing would change`, 'ERR_NOTHING_TO_DO');
    const entry = await issueEntry(
      'revocation',
      { target, reason: reason as never, ...(typeof values.note === 'string' ? { note: values.note } : {}) } as never,
      { issuer: profile, key },
    );
    const result = await addEntries(passport, [entry], canActFor ? { canActFor } : {});
    if (result.rejected.length > 0) throw new Refusal(`not added: ${result.rejected[0]!.message}`, result.rejected[0]!.code);
    // The proof of the pudding: the passport's own view must now show the entry revoked.
    const after = currentView(result.passport, canActFor ? { canActFor } : {}).entries.find((e) => e.cid === target);
    if (after?.state !== 'revoked') throw new Refusal(`the revocation would not take effect (entry ${target} stays ${after?.state ?? 'unknown'}); nothing was written`, 'ERR_LIFECYCLE_UNAUTHORISED');
    writeText(path, serializePassport(result.passport), true);
    if (json) printJson(entry);
    else say(line`${colour.green('✓')} entry ${target} revoked (${reason})`);
    return 0;
  },
};

function issuerOf(entry: unknown): string | undefined {
  const issuer = (entry as { issuer?: unknown }).issuer;
  if (typeof issuer === 'string') return issuer;
  if (issuer !== null && typeof issuer === 'object' && typeof (issuer as { id?: unknown }).id === 'string') return (issuer as { id: string }).id;
  return undefined;
}

export const checkpointCommand: Command = {
  name: 'checkpoint',
  summary: 'sign a checkpoint over every entry a passport holds now',
  usage: ['checkpoint --key <issuer.key.json> --passport <p.json>'],
  options: { ...common },
  async run({ values, json }) {
    const path = passportPath(values);
    const passport = readPassportFile(path);
    if (passport.entries.length === 0) throw new Refusal(`${path} holds no entries: a checkpoint would cover nothing`, 'ERR_NOTHING_TO_DO');
    const { key, profile } = await loadIssuerWithProfile(values);
    // A checkpoint by this key over exactly these entries already exists: a second says nothing new.
    const cids = passport.entries.map((e) => entryId(e));
    const same = passport.entries.some((e, i) => {
      if (issuerOf(e) !== key.did || entryKindOf(e) !== 'checkpoint') return false;
      const covered = learningPassportOf(e)?.cids;
      const others = new Set(cids.filter((_, j) => j !== i));
      return Array.isArray(covered) && covered.length === others.size && covered.every((c) => others.has(c as string));
    });
    if (same) throw new Refusal('this key already signed a checkpoint over exactly these entries: nothing would change', 'ERR_NOTHING_TO_DO');
    const entry = await createCheckpoint(passport, { issuer: profile, key });
    return addToPassport(path, passport, entry, json, `checkpoint over ${passport.entries.length} entries signed`);
  },
};
