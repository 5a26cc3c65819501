// learning-passport present | lint | qr | print: sharing what the holder chooses.
import {
  createPresentation,
  credentialIdOf,
  entryKindOf,
  KIND_SENSITIVITY,
  encodeQrPayload,
  entryId,
  lintDisclosure,
  printPack,
  selectEntries,
  verifyPassport,
  toQrPng,
  toQrSvg,
  AUDIENCES,
  type Audience,
} from '../api.js';
import { colour, line, printJson, Refusal, safeJson, say, UsageError, warn, writeText } from '../io.js';
import { didYouMean } from '../suggest.js';
import { entryIdArgument, list, loadEntries, loadIssuer, readPassportFile } from '../load.js';
import type { Command } from '../types.js';

/** Entries from a passport file or an entries file, optionally narrowed to --entry CIDs. */
function entriesFrom(path: string, only: string[]): unknown[] {
  const entries = loadEntriesOrPassport(path);
  if (only.length === 0) return entries;
  const ids = entries.map((e) => entryId(e as object));
  for (const cid of only) {
    if (!ids.includes(cid)) throw new Refusal(`--entry ${cid}: ${path} holds no such entry${didYouMean(cid, ids)}`, 'ERR_ENTRY_NOT_FOUND');
  }
  return entries.filter((_, i) => only.includes(ids[i]!));
}

/**
 * What `present` shares when no --entry is given: current, intact entries only. Revoked,
 * superseded and conflicting entries, entries whose signature does not hold, and the revocation
 * entries themselves (statements about other entries, not achievements) stay home.
 */
async function currentEntries(path: string, entries: unknown[]): Promise<{ shared: unknown[]; left: { kind: string; why: string }[] }> {
  const left: { kind: string; why: string }[] = [];
  const passport = isPassportFile(path) ? readPassportFile(path) : undefined;
  if (passport) {
    const report = await verifyPassport(passport);
    const shared: unknown[] = [];
    report.entries.forEach((e, i) => {
      const why =
        e.kind === 'revocation'
          ? 'a withdrawal notice, not an achievement'
          : e.state === 'revoked'
            ? 'withdrawn by the issuer'
            : e.state === 'superseded'
              ? 'replaced by a newer entry'
              : e.state === 'conflict'
                ? 'the issuer signed two versions of it'
                : !e.result.verified
                  ? e.summary
                  : undefined;
      if (why) left.push({ kind: e.kind, why });
      else shared.push(passport.entries[i]);
    });
    return { shared, left };
  }
  // A plain list of entries: leave out revocation entries and what they withdraw, and entries a
  // newer one from the same issuer replaces (the passport's own rules, on the file's entries).
  const ids = entries.map((e) => entryId(e as object));
  const issuerOf = (e: unknown): unknown => {
    const issuer = (e as { issuer?: unknown }).issuer;
    return typeof issuer === 'object' && issuer !== null ? (issuer as { id?: unknown }).id : issuer;
  };
  const lifecycle = (e: unknown): Record<string, unknown> => {
    const subject = (e as { credentialSubject?: { learningPassport?: Record<string, unknown> } }).credentialSubject;
    return subject?.learningPassport ?? {};
  };
  const gone = new Map<string, string>();
  entries.forEach((e) => {
    const lp = lifecycle(e);
    const target = lp.kind === 'revocation' ? lp.target : lp.supersedes;
    const i = typeof target === 'string' ? ids.indexOf(target) : -1;
    if (i >= 0 && issuerOf(entries[i]) === issuerOf(e))
      gone.set(target as string, lp.kind === 'revocation' ? 'withdrawn by the issuer' : 'replaced by a newer entry');
  });
  const shared = entries.filter((e, i) => {
    const why = entryKindOf(e as object) === 'revocation' ? 'a withdrawal notice, not an achievement' : gone.get(ids[i]!);
    if (why) left.push({ kind: entryKindOf(e as object), why });
    return why === undefined;
  });
  return { shared, left };
}

/** The subject DID an entry is bound to, if any. */
function subjectOf(entry: unknown): string | undefined {
  const subject = (entry as { credentialSubject?: { id?: unknown } } | null)?.credentialSubject;
  return typeof subject?.id === 'string' ? subject.id : undefined;
}

function loadEntriesOrPassport(path: string): unknown[] {
  const value = loadEntries(path);
  const first = value[0] as { type?: unknown } | undefined;
  if (value.length === 1 && first && first.type === 'LearningPassport') return [...readPassportFile(path).entries];
  return value;
}

/**
 * The accreditations a passport file carries (none for an entries file): `present` and `lint`
 * pass them on, as the library call does, so entries issued under a custody role are known as
 * such and left out of employer presentations.
 */
function accreditationsOf(path: string): unknown[] {
  return isPassportFile(path) ? [...readPassportFile(path).accreditations] : [];
}

/** True when the file holds a passport (not entries). */
function isPassportFile(path: string): { holder?: unknown } | undefined {
  const value = loadEntries(path);
  const first = value[0] as { type?: unknown; holder?: unknown } | undefined;
  return value.length === 1 && first && first.type === 'LearningPassport' ? first : undefined;
}

export const presentCommand: Command = {
  name: 'present',
  summary: 'sign a presentation for a verifier (challenge and domain are required)',
  usage: [
    'present <passport.json> --key <holder.key.json> --audience employer|education|justice --challenge <c> --domain <d> [--entry <cid> …] [--include <cid | entry.json> …] -o vp.json   (without --entry: current, valid entries only)',
  ],
  examples: ['learning-passport present amira.passport.json --key amira.key.json --audience employer --challenge job-4711 --domain jobs.example -o vp.json'],
  options: {
    key: { type: 'string' },
    audience: { type: 'string' },
    challenge: { type: 'string' },
    domain: { type: 'string' },
    entry: { type: 'string', multiple: true },
    include: { type: 'string', multiple: true },
    out: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
    'passphrase-file': { type: 'string' },
  },
  async run({ positionals, values, json }) {
    if (!positionals[0]) throw new UsageError('present needs a passport or entries file');
    const audience = values.audience as Audience;
    if (!AUDIENCES.includes(audience))
      throw new UsageError(`--audience must be one of: ${AUDIENCES.join(', ')}${didYouMean(String(audience ?? ''), AUDIENCES)}`, 'ERR_FLAG_VALUE');
    if (typeof values.challenge !== 'string' || typeof values.domain !== 'string') {
      throw new UsageError('--challenge and --domain are required: use the values the verifier gave you');
    }
    const chosen = list(values.entry);
    let entries = entriesFrom(positionals[0], chosen);
    if (entries.length === 0) throw new Refusal(`${positionals[0]} holds no entries: there is nothing to present`, 'ERR_NOTHING_TO_DO');
    let stayHome: { kind: string; why: string }[] = [];
    if (chosen.length === 0) {
      ({ shared: entries, left: stayHome } = await currentEntries(positionals[0], entries));
      if (entries.length === 0) {
        throw new Refusal(
          `${positionals[0]} holds no current, valid entry to present (${[...new Set(stayHome.map((l) => l.why))].slice(0, 3).join('; ')})`,
          'ERR_NOTHING_TO_SHARE',
        );
      }
    }
    const { key } = await loadIssuer(values);
    // The presentation proves the holder's control of the key the entries are bound to: with
    // another key it would prove nothing, and the verifier would refuse it.
    const passport = isPassportFile(positionals[0]);
    const holder = passport ? (typeof passport.holder === 'string' ? passport.holder : (passport.holder as { id?: unknown } | undefined)?.id) : undefined;
    if (typeof holder === 'string' && holder.startsWith('did:') && holder !== key.did) {
      throw new Refusal(`--key is not the holder's key: this passport belongs to ${holder}, the key is ${key.did}`, 'ERR_HOLDER_BINDING');
    }
    const bound = entries.map(subjectOf).filter((s): s is string => s !== undefined);
    if (bound.length > 0 && !bound.includes(key.did)) {
      throw new Refusal(`--key is not the holder's key: the entries are bound to ${bound[0]}, the key is ${key.did}`, 'ERR_HOLDER_BINDING');
    }
    const result = await createPresentation({
      holderKey: key,
      entries,
      audience,
      challenge: values.challenge,
      domain: values.domain,
      include: list(values.include).map((given) => entryIdArgument(given, `--include ${given}`, 'give one entry file, or an entry id ("timeline" lists them)')),
      accreditations: accreditationsOf(positionals[0]),
    });
    const shared = result.presentation.verifiableCredential?.length ?? 0;
    if (shared === 0) {
      const why = [...new Set(result.excluded.map((e) => e.message))].slice(0, 3).join('; ');
      throw new Refusal(
        `no entry would be shared with ${values.domain}${why ? `: ${why}` : ''} (use --include <cid> to share one deliberately)`,
        'ERR_NOTHING_TO_SHARE',
      );
    }
    const text = `${JSON.stringify(result.presentation, null, 2)}\n`;
    if (typeof values.out === 'string') writeText(values.out, text, values.force === true);
    if (json) printJson(result);
    else {
      if (typeof values.out !== 'string') process.stdout.write(`${safeJson(result.presentation)}\n`);
      warn(line`${colour.green('✓')} ${shared} entr${shared === 1 ? 'y' : 'ies'} shared with ${values.domain}`);
      for (const e of stayHome) warn(line`  ${colour.dim('left out:')} ${e.kind} — ${e.why}`);
      for (const e of result.excluded) warn(line`  ${colour.dim('left out:')} ${e.kind} — ${e.message}`);
      for (const w of result.warnings) warn(line`  ${colour.yellow('warning:')} ${w.message}`);
    }
    return 0;
  },
};

export const lintCommand: Command = {
  name: 'lint',
  summary: 'warn, in plain words, about anything that would reveal time in custody',
  usage: ['lint <entries.json | passport.json>'],
  examples: ['learning-passport lint amira.passport.json'],
  options: {},
  async run({ positionals, json }) {
    if (!positionals[0]) throw new UsageError('lint needs a file');
    const warnings = lintDisclosure(loadEntriesOrPassport(positionals[0]), { accreditations: accreditationsOf(positionals[0]) });
    if (json) printJson(warnings);
    else if (warnings.length === 0) say(line`${colour.green('✓')} nothing found that reveals custody (that is not a promise: read what you share)`);
    else for (const w of warnings) say(line`${w.severity === 'high' ? colour.red('!') : colour.yellow('!')} ${w.message}`);
    return warnings.length === 0 ? 0 : 1;
  },
};

export const qrCommand: Command = {
  name: 'qr',
  summary: 'one entry as a QR code (PNG or SVG)',
  usage: ['qr <entry.json> --format png|svg -o <file>', 'qr <entry.json> --payload   (print the text inside the QR code)'],
  examples: ['learning-passport qr barista.json --format png -o barista.png'],
  options: { format: { type: 'string' }, out: { type: 'string', short: 'o' }, payload: { type: 'boolean' }, force: { type: 'boolean' } },
  async run({ positionals, values, json }) {
    if (!positionals[0]) throw new UsageError('qr needs an entry file');
    if (isPassportFile(positionals[0])) {
      throw new UsageError(
        `${positionals[0]} is a passport: qr takes exactly one entry (one QR code per entry); pick one with "timeline" and save it to its own file`,
        'ERR_ONE_ENTRY',
      );
    }
    const entries = loadEntries(positionals[0]);
    if (entries.length !== 1)
      throw new UsageError(`qr takes exactly one entry (one QR code per entry); ${positionals[0]} holds ${entries.length}`, 'ERR_ONE_ENTRY');
    const payload = await encodeQrPayload(entries[0] as object);
    if (values.payload || json) {
      if (json) printJson({ payload, length: payload.length });
      else say(line`${payload}`);
      return 0;
    }
    if (typeof values.out !== 'string') throw new UsageError('qr needs -o <file> (or --payload)');
    const format = values.format ?? (values.out.endsWith('.svg') ? 'svg' : 'png');
    if (format === 'svg') writeText(values.out, await toQrSvg(payload), values.force === true);
    else if (format === 'png') writeText(values.out, await toQrPng(payload), values.force === true);
    else throw new UsageError(`--format must be png or svg${didYouMean(String(format), ['png', 'svg'])}`, 'ERR_FLAG_VALUE');
    say(line`${colour.green('✓')} ${values.out} (${payload.length} characters)`);
    return 0;
  },
};

export const printCommand: Command = {
  name: 'print',
  summary: 'a printable HTML pack: one QR per entry, the same facts in words',
  usage: [
    'print <passport.json | entries.json> -o pack.html [--entry <cid> …] [--include <cid | entry.json> …] [--holder-name <name>] [--title <title>] [--checker-url <url or file>]   (without --entry: current, intact entries only; custody entries only when named)',
  ],
  examples: ['learning-passport print amira.passport.json -o amira-pack.html --holder-name "Amira K"'],
  options: {
    out: { type: 'string', short: 'o' },
    entry: { type: 'string', multiple: true },
    include: { type: 'string', multiple: true },
    'holder-name': { type: 'string' },
    title: { type: 'string' },
    'checker-url': { type: 'string' },
    force: { type: 'boolean' },
  },
  async run({ positionals, values }) {
    if (!positionals[0]) throw new UsageError('print needs a passport or entries file');
    if (typeof values.out !== 'string') throw new UsageError('print needs -o <pack.html>');
    const named = list(values.entry);
    let entries = entriesFrom(positionals[0], named) as object[];
    // Without --entry, what is printed is what present would share: current, intact entries only
    // (a withdrawn or replaced entry on paper would still scan as a genuine signature).
    if (named.length === 0) {
      const { shared, left } = await currentEntries(positionals[0], entries);
      entries = shared as object[];
      for (const l of left) warn(line`left out: ${l.kind} — ${l.why}`);
    }
    // Custody-context kinds (a transfer, a checkpoint, a peer role inside; a kind that cannot be
    // read counts as one) and entries present holds back from employers (signed under a custody
    // role, custody words) say where the holder has been, on paper that may be handed to anyone:
    // printed only when named with --entry or --include, as printPack requires, and warned about.
    const chosen = new Set([
      ...named,
      ...list(values.include).map((given) => entryIdArgument(given, `--include ${given}`, 'give one entry file, or an entry id ("timeline" lists them)')),
    ]);
    const include: string[] = [];
    const printed: object[] = [];
    // The passport's accreditations say which keys sign under a custody role (a prison's key
    // signs with a neutral name): read as present reads them, so what present holds back from
    // an employer stays off the paper too, with the same words.
    const accreditations = accreditationsOf(positionals[0]);
    for (const e of entries) {
      const kind = entryKindOf(e);
      const custody = kind === 'unknown' || (kind !== 'external' && KIND_SENSITIVITY[kind] === 'C');
      const id = entryId(e);
      const named = chosen.has(id) || chosen.has(credentialIdOf(e) ?? id);
      if (!custody) {
        const held = selectEntries([e], { audience: 'employer', include: named ? [id] : [], accreditations });
        const out = held.excluded.find((x) => x.reason === 'custody-revealing');
        if (out) {
          warn(line`left out: ${kind} — ${out.message} (name it with --include ${id} to print it)`);
          continue;
        }
        if (held.overrides.some((o) => o.reason === 'custody-revealing')) {
          include.push(id);
          for (const w of held.warnings.filter((x) => x.severity === 'high')) warn(line`${colour.yellow('warning:')} ${w.message}`);
        }
        printed.push(e);
      } else if (named) {
        warn(line`${colour.yellow('warning:')} the pack includes a ${kind} entry (${id}), which shows time in custody to whoever reads it`);
        include.push(id);
        printed.push(e);
      } else warn(line`left out: ${kind} — it shows time in custody to whoever reads the paper (name it with --include ${id} to print it)`);
    }
    if (printed.length === 0)
      throw new Refusal(
        'nothing to print: no current, intact entry that may go on paper (name one with --entry or --include to print it anyway)',
        'ERR_NOTHING_TO_SHARE',
      );
    const html = await printPack(printed, {
      accreditations,
      ...(typeof values['holder-name'] === 'string' ? { holderName: values['holder-name'] } : {}),
      ...(typeof values.title === 'string' ? { title: values.title } : {}),
      ...(typeof values['checker-url'] === 'string' ? { checkerUrl: values['checker-url'] } : {}),
      include,
    });
    writeText(values.out, html, values.force === true);
    say(line`${colour.green('✓')} printable pack written to ${values.out} (${printed.length} entr${printed.length === 1 ? 'y' : 'ies'})`);
    return 0;
  },
};
