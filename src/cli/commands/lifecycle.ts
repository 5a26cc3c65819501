// learning-passport transfer | revoke | checkpoint: lifecycle entries added to a passport.
// Each refuses (exit 1, with the reason) when its key has no power over the target or when the
// new entry would change nothing: a ✓ must mean the passport now says something new.
import {
  addEntries,
  createCheckpoint,
  createTrustContext,
  createTrustPolicy,
  currentView,
  DEFAULT_RULES,
  entryId,
  entryKindOf,
  evaluateTrust,
  isPassportError,
  issueEntry,
  lifecycleAuthority,
  mayActOnEntry,
  serializePassport,
  type CanActFor,
  type IssuerProfile,
  type Passport,
  type SignedEntry,
} from '../api.js';
import { isRealPartialDate } from '../../internal/time.js';
import { colour, line, printJson, Refusal, say, UsageError, writeText } from '../io.js';
import { entryIdArgument, list, loadCredentials, loadIssuerWithProfile, readPassportFile } from '../load.js';
import { didYouMean } from '../suggest.js';
import type { Command } from '../types.js';
import { trustFlags, trustFrom } from '../trust-options.js';
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
  // Like every flag that takes credentials: one object or a list per file, repeatable.
  const extra = loadCredentials(values.accreditations, '--accreditations');
  const context = await createTrustContext({
    policy: createTrustPolicy({ roots }),
    accreditations: [...passport.accreditations, ...extra],
  });
  return context;
}

// The flags with which a key's accreditation is checked before it signs a custody entry.
const authorityFlags = { ...trustFlags, trust: { type: 'string' }, root: { type: 'string', multiple: true } } as const;

/**
 * Refuses (exit 1, with the reason) to add a custody-transfer or checkpoint entry that its key has
 * no authority to sign: a ✓ followed by a passport that never verifies again is worse than a no.
 * With --root / --trust (and the passport's accreditations, --accreditations, --trust-list) the
 * entry is judged exactly as a verifier would judge it; without, by the role in the key file
 * under the default rules (an awarding body's key never signs custody entries).
 */
async function checkAuthority(
  entries: SignedEntry[],
  profile: IssuerProfile,
  passport: Passport,
  values: Record<string, unknown>,
  json: boolean,
): Promise<void> {
  const kind = entryKindOf(entries[0]) as 'custody-transfer' | 'checkpoint';
  const words = kind === 'checkpoint' ? 'checkpoints' : 'custody transfer entries';
  const roots = rootsFrom(values);
  if (roots.length === 0) {
    const allowed = (Object.keys(DEFAULT_RULES) as (keyof typeof DEFAULT_RULES)[]).filter((r) => DEFAULT_RULES[r].includes(kind));
    if (!DEFAULT_RULES[profile.role].includes(kind)) {
      throw new Refusal(
        `this key is ${profile.name}’s, a ${profile.role} key, and a ${profile.role} may not sign ${words} (only ${allowed.join(', ')} keys may); nothing was written. A key accredited otherwise gives --root <authority did> so its accreditation is checked`,
        'ERR_KIND_NOT_ALLOWED',
      );
    }
    return;
  }
  const setup = await trustFrom(values, roots, json);
  const accreditations = [...passport.accreditations, ...(setup.accreditations ?? [])];
  const trust = await evaluateTrust(entries[0], { policy: setup.policy!, accreditations, ...(setup.statusLists ? { statusLists: setup.statusLists } : {}) });
  if (!trust.trusted) {
    const problem = trust.checks.find((c) => c.status !== 'pass');
    throw new Refusal(
      `this key may not sign ${words} for this passport: ${problem?.message ?? trust.summary} Nothing was written.`,
      'ERR_LIFECYCLE_UNAUTHORISED',
    );
  }
}

// The custody-transfer fields each flag of `transfer` fills: errors name the flag.
const TRANSFER_FLAGS: [RegExp, string][] = [
  [/\btransferDate\b:?/g, '--date'],
  [/\bfromEstablishment\b:?/g, '--from'],
  [/\btoEstablishment\b:?/g, '--to'],
  [/\binProgressAims\b:?/g, '--aim'],
];

/** Runs `make`; a refusal of the fields is rethrown in the words of the flags that gave them. */
async function inTransferFlags<T>(make: () => Promise<T>): Promise<T> {
  try {
    return await make();
  } catch (err) {
    if (!isPassportError(err)) throw err;
    let message = err.message;
    for (const [pattern, flag] of TRANSFER_FLAGS) message = message.replace(pattern, flag);
    throw new UsageError(message, err.code);
  }
}

/** The words a custody-transfer entry says, to spot the same transfer recorded twice. */
function transferKey(entry: unknown): string | undefined {
  const lp = (entry as { credentialSubject?: { learningPassport?: Record<string, unknown> } }).credentialSubject?.learningPassport;
  if (lp?.kind !== 'custody-transfer') return undefined;
  return JSON.stringify([issuerOf(entry), String(lp.fromEstablishment).trim().toLowerCase(), String(lp.toEstablishment).trim().toLowerCase(), lp.transferDate]);
}

export const transferCommand: Command = {
  name: 'transfer',
  summary: 'record a custody transfer between establishments',
  usage: [
    'transfer --key <establishment.key.json> --passport <p.json> --from <name> --to <name> --date <YYYY-MM-DD> [--aim <in-progress aim> …] [--root <authority did> | --trust roots.json] [--accreditations f …] [--trust-list list.json]',
  ],
  examples: [
    'learning-passport transfer --key leeds.key.json --passport amira.passport.json --from "HMP Leeds" --to "HMP Wealstun" --date 2026-04-01',
    'learning-passport transfer --key leeds.key.json --passport amira.passport.json --from "HMP Leeds" --to "HMP Wealstun" --date 2026-04-01 --root did:key:z6Mk… --trust-list trust-list.json',
  ],
  options: {
    ...common,
    ...authorityFlags,
    from: { type: 'string' },
    to: { type: 'string' },
    date: { type: 'string' },
    aim: { type: 'string', multiple: true },
  },
  async run({ values, json }) {
    const path = passportPath(values);
    if (typeof values.from !== 'string' || typeof values.to !== 'string' || typeof values.date !== 'string') {
      throw new UsageError('transfer needs --from, --to and --date', 'ERR_FLAG_MISSING');
    }
    if (!isRealPartialDate(values.date)) throw new UsageError(`--date must be a real day as YYYY-MM-DD (got "${values.date}")`, 'ERR_DATE_INVALID');
    if (values.from.trim().toLowerCase() === values.to.trim().toLowerCase())
      throw new Refusal('--from and --to name the same establishment: there is nothing to transfer', 'ERR_NOTHING_TO_DO');
    const { key, profile } = await loadIssuerWithProfile(values);
    const passport = readPassportFile(path);
    const aims = list(values.aim);
    const same = transferKey({
      issuer: key.did,
      credentialSubject: {
        learningPassport: { kind: 'custody-transfer', fromEstablishment: values.from, toEstablishment: values.to, transferDate: values.date },
      },
    });
    if (passport.entries.some((e) => transferKey(e) === same)) {
      throw new Refusal(
        `${path} already records this transfer from ${values.from} to ${values.to} on ${values.date} by this key: nothing would change`,
        'ERR_NOTHING_TO_DO',
      );
    }
    // The receipt names every entry handed over by its content id. A custody-transfer entry holds
    // at most MAX_TRANSFER_IDS ids, so a larger passport gets one receipt per slice.
    const cids = passport.entries.map((e) => entryId(e));
    const slices: string[][] = [];
    for (let i = 0; i < cids.length; i += MAX_TRANSFER_IDS) slices.push(cids.slice(i, i + MAX_TRANSFER_IDS));
    if (slices.length === 0) slices.push([]);
    const entries: SignedEntry[] = [];
    for (const slice of slices) {
      entries.push(
        await inTransferFlags(
          async () =>
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
        ),
      );
    }
    await checkAuthority(entries, profile, passport, values, json);
    return addToPassport(path, passport, entries, json, `transfer from ${values.from} to ${values.to} recorded (${cids.length} entries handed over)`);
  },
};

const REASONS = ['issued-in-error', 'superseded', 'withdrawn', 'key-compromise', 'other'];

export const revokeCommand: Command = {
  name: 'revoke',
  summary: 'withdraw one of your own entries (or, with --trust, one you are accredited to revoke)',
  usage: [
    'revoke (<cid> | <entry.json>) --key <issuer.key.json> --passport <p.json> --reason <issued-in-error|superseded|withdrawn|key-compromise|other> [--note text] [--trust roots.json | --root <did>] [--accreditations acc.json …]',
  ],
  examples: [
    'learning-passport revoke barista.entry.json --key leeds.key.json --passport amira.passport.json --reason issued-in-error',
    'learning-passport revoke bagaaiera… --key leeds.key.json --passport amira.passport.json --reason withdrawn   ("timeline" shows each entry’s id)',
  ],
  options: {
    ...common,
    reason: { type: 'string' },
    note: { type: 'string' },
    trust: { type: 'string' },
    root: { type: 'string', multiple: true },
    accreditations: { type: 'string', multiple: true },
  },
  async run({ positionals, values, json }) {
    const given = positionals[0];
    if (!given) throw new UsageError('revoke needs the id (CID) of the entry to withdraw, or its entry file; "timeline" lists the ids', 'ERR_USAGE');
    const target = entryIdArgument(given, given, 'revoke withdraws one (give its id; "timeline" lists them)');
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
      // Bound to the passport's holder like the entry it withdraws, so it verifies wherever the
      // entry travels (a presentation refuses an entry that says nothing of its holder).
      { issuer: profile, key, ...(passport.holder.startsWith('did:') ? { holder: passport.holder } : {}) },
    );
    const result = await addEntries(passport, [entry], canActFor ? { canActFor } : {});
    if (result.rejected.length > 0) throw new Refusal(`not added: ${result.rejected[0]!.message}`, result.rejected[0]!.code);
    // The proof of the pudding: the passport's own view must now show the entry revoked.
    const after = currentView(result.passport, canActFor ? { canActFor } : {}).entries.find((e) => e.cid === target);
    if (after?.state !== 'revoked')
      throw new Refusal(
        `the revocation would not take effect (entry ${target} stays ${after?.state ?? 'unknown'}); nothing was written`,
        'ERR_LIFECYCLE_UNAUTHORISED',
      );
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
  usage: [
    'checkpoint --key <issuer.key.json> --passport <p.json> [--root <authority did> | --trust roots.json] [--accreditations f …] [--trust-list list.json]',
  ],
  examples: [
    'learning-passport checkpoint --key hull.key.json --passport amira.passport.json',
    'learning-passport checkpoint --key hull.key.json --passport amira.passport.json --root did:key:z6Mk… --trust-list trust-list.json',
  ],
  options: { ...common, ...authorityFlags },
  async run({ values, json }) {
    const path = passportPath(values);
    const passport = readPassportFile(path);
    if (passport.entries.length === 0) throw new Refusal(`${path} holds no entries: a checkpoint would cover nothing`, 'ERR_NOTHING_TO_DO');
    const { key, profile } = await loadIssuerWithProfile(values);
    // A checkpoint by this key over exactly these entries already exists: a second says nothing new.
    const cids = passport.entries.map((e) => entryId(e));
    const same = passport.entries.some((e, i) => {
      if (issuerOf(e) !== key.did || entryKindOf(e) !== 'checkpoint') return false;
      const covered = (e as { credentialSubject?: { learningPassport?: { cids?: unknown } } }).credentialSubject?.learningPassport?.cids;
      const others = new Set(cids.filter((_, j) => j !== i));
      return Array.isArray(covered) && covered.length === others.size && covered.every((c) => others.has(c as string));
    });
    if (same) throw new Refusal('this key already signed a checkpoint over exactly these entries: nothing would change', 'ERR_NOTHING_TO_DO');
    const entry = await createCheckpoint(passport, { issuer: profile, key });
    await checkAuthority([entry], profile, passport, values, json);
    return addToPassport(path, passport, entry, json, `checkpoint over ${passport.entries.length} entries signed`);
  },
};
