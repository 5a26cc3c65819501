// learning-passport verify <entry | passport | presentation> [--trust roots.json] [--root did …]
import { foldCustodyEntries, parseDidKey, readPassport, verifyCredential, verifyPassport, verifyPresentation, type Check, type Verdict } from '../api.js';
import { isPlainObject as isPlainJsonObject } from '../../internal/json.js';
import { colour, EXIT_CODES, line, mark, printJson, progress, readJson, readStdin, readText, say, UsageError, warn, type Part } from '../io.js';
import { readVerifyInput } from './verify-input.js';
import { list } from '../load.js';
import { trustFlags, trustOrExit } from '../trust-options.js';
import { proofVerifiersFrom, rdfcFlag } from '../rdfc.js';
import type { Command } from '../types.js';

/** Roots from --trust (a JSON list of DIDs, or { "roots": [...] }) and --root flags. */
export function rootsFrom(values: Record<string, unknown>): string[] {
  const roots = list(values.root);
  if (typeof values.trust === 'string') {
    const file = readJson(values.trust, 'trust file');
    const fromFile = Array.isArray(file) ? file : isPlainJsonObject(file) && Array.isArray(file.roots) ? file.roots : undefined;
    if (!fromFile || !fromFile.every((r) => typeof r === 'string')) {
      throw new UsageError(`${values.trust} must be a JSON list of root DIDs or { "roots": [ … ] }`);
    }
    roots.push(...(fromFile as string[]));
  }
  // Named by the flag the person typed, not by the API's option ("roots[0]").
  const given = list(values.root).length;
  roots.forEach((did, i) => {
    try {
      parseDidKey(did);
    } catch {
      const where = i < given ? `--root "${did}"` : `${String(values.trust)}: "${did}"`;
      throw new UsageError(`${where} is not the did:key of an Ed25519 key (one looks like did:key:z6Mk…; "keys show <file>" prints it)`, 'ERR_FLAG_VALUE');
    }
  });
  return roots;
}

function printChecks(checks: Check[]): void {
  for (const c of checks) say(line`    ${mark(c.status)} ${c.check.padEnd(16)} ${colour.dim(c.message)}`);
}

/** The headline with its ✓ / ✗ / ? in colour (the word beside it says the same without colour). */
function headline(verdict: Verdict, text: string): Part[] {
  const symbol =
    verdict === 'valid' ? colour.green(text.slice(0, 1)) : verdict === 'not-valid' ? colour.red(text.slice(0, 1)) : colour.yellow(text.slice(0, 1));
  return line`${symbol}${text.slice(1)}`;
}

/** 0 when valid, 1 when something is wrong, 3 when something is missing (see the README's exit codes). */
function exitCode(verdict: Verdict): number {
  return verdict === 'valid' ? 0 : verdict === 'not-valid' ? 1 : 3;
}

/** The line for entries folded away (custody-context entries), and how to list them. */
function notShownNote(text: string): Part[] {
  return line`${colour.dim(`– ${text} Add --show-all to list ${text.startsWith('1 ') ? 'it' : 'them'}.`)}`;
}

export const verifyCommand: Command = {
  name: 'verify',
  summary: 'verify an entry, a passport or a presentation',
  usage: [
    'verify (<file> | - | --qr <LP1:… text>) [--trust roots.json] [--root <did> …] [--trust-list list.json [--previous-trust-list old.json] [--accept-stale-trust-list]] [--accreditations file.json …] [--status-list s.json …] [--challenge c --domain d] [--rdfc] [--show-all] [--verbose]',
  ],
  examples: [
    'learning-passport verify amira.passport.json --root did:key:z6Mk… --trust-list trust-list.json',
    'learning-passport verify vp.json --root did:key:z6Mk… --trust-list trust-list.json --challenge job-4711 --domain jobs.example',
    "learning-passport verify --qr 'LP1:6BFOXN…' --root did:key:z6Mk… --trust-list trust-list.json",
    'learning-passport qr entry.json --payload | learning-passport verify - --root did:key:z6Mk… --trust-list trust-list.json',
  ],
  notes: EXIT_CODES,
  options: {
    qr: { type: 'string' },
    trust: { type: 'string' },
    root: { type: 'string', multiple: true },
    ...trustFlags,
    ...rdfcFlag,
    challenge: { type: 'string' },
    domain: { type: 'string' },
    'show-all': { type: 'boolean' },
    verbose: { type: 'boolean', short: 'v' },
  },
  async run({ positionals, values, json }) {
    const file = positionals[0];
    if (typeof values.qr === 'string' && file !== undefined) throw new UsageError('give verify a file or --qr <text>, not both', 'ERR_USAGE');
    if (typeof values.qr !== 'string' && !file) throw new UsageError('verify needs a file (or --qr <text>, or - for standard input)', 'ERR_USAGE');
    const roots = rootsFrom(values);
    const setup = await trustOrExit(values, roots, json);
    if (typeof setup === 'number') return setup;
    const { policy, trustList: _list, ...material } = setup;
    // --rdfc: eddsa-rdfc-2022 and Ed25519Signature2020 proofs are checked, not "can't check".
    const trust = { ...(policy ? { policy } : {}), ...material, ...(await proofVerifiersFrom(values)) };
    const source = typeof values.qr === 'string' ? '--qr' : file === '-' ? 'standard input' : file!;
    const read = await readVerifyInput(typeof values.qr === 'string' ? values.qr : file === '-' ? readStdin() : readText(file!), source);
    if (!read.ok) {
      // A damaged copy, or something that is no record at all, is something wrong with what was
      // shared: "Not valid", as on the checker page, with what to do (exit 1, not a usage error).
      if (json) printJson({ verified: false, verdict: 'not-valid', headline: read.headline, summary: read.summary, errors: [read.error] });
      else {
        say(headline('not-valid', read.headline));
        say(line`  ${read.summary}`);
      }
      return exitCode('not-valid');
    }
    const { doc, text } = read;
    if (!policy && !json) say(line`${colour.yellow('No trust list or roots given (--trust-list, --root): signatures are checked, not who issued them.')}`);
    const type = isPlainJsonObject(doc) ? doc.type : undefined;
    const types = Array.isArray(type) ? type : [type];
    const verbose = values.verbose === true;

    if (types.includes('LearningPassport')) {
      const { passport, problems } = readPassport(text);
      for (const p of problems) warn(line`${colour.yellow('warning:')} ${source}: ${p.message}`);
      const report = await verifyPassport(passport, { ...trust, onProgress: progress('verifying') });
      // Only current entries decide: revoked and replaced ones are history, shown ✗ and counted
      // apart. Anything unreadable on the way in is "not valid".
      const verdict: Verdict = problems.length > 0 ? 'not-valid' : report.verdict;
      // Whoever reads this may be an employer: custody-context entries are one neutral line
      // unless --show-all lists them.
      const { shown, notShown, line: folded } = foldCustodyEntries(report.entries, { showAll: values['show-all'] === true });
      if (json) {
        printJson({
          verified: report.verified && problems.length === 0,
          verdict,
          headline: report.headline,
          summary: report.summary,
          counts: report.counts,
          unreadable: problems.map((p) => ({ code: p.code, message: p.message })),
          entries: shown.map((e) => ({
            cid: e.cid,
            kind: e.kind,
            state: e.state,
            verdict: e.verdict,
            headline: e.headline,
            verified: e.verified,
            summary: e.summary,
            errors: e.errors,
          })),
          ...(folded ? { notShown: { count: notShown.length, line: folded } } : {}),
        });
      } else {
        for (const e of shown) {
          say(headline(e.verdict, e.headline));
          if (e.verdict !== 'valid') say(line`    ${e.summary}`);
          if (verbose) {
            printChecks(e.checks);
            say(line`    ${colour.dim(`details: entry ${e.cid}, issuer ${e.result.issuer ?? 'unknown'}`)}`);
          }
        }
        if (folded) say(notShownNote(folded));
        say('');
        say(
          headline(
            verdict,
            problems.length > 0 && report.verdict !== 'not-valid' ? `✗ Not valid: ${problems.length} unreadable item(s) left out.` : report.headline,
          ),
        );
        say(line`${report.summary}`);
      }
      return exitCode(verdict);
    }

    if (types.includes('VerifiablePresentation')) {
      if (typeof values.challenge !== 'string' || typeof values.domain !== 'string') {
        throw new UsageError('verifying a presentation needs --challenge and --domain (the values you asked the holder to use)', 'ERR_FLAG_MISSING');
      }
      const result = await verifyPresentation(doc, { challenge: values.challenge, domain: values.domain, ...trust });
      if (json) printJson(result);
      else {
        const [first, ...lines] = result.summary.split('\n');
        for (const [i, text] of lines.entries()) {
          const e = result.entries[i]!;
          say(headline(e.verdict, text));
          // Under a refused presentation every entry is "not checked": the reason is said once, below.
          if (e.checked && e.verdict !== 'valid') say(line`    ${e.summary}`);
          if (verbose) {
            printChecks(e.checks);
            say(line`    ${colour.dim(`details: entry ${e.entryId ?? e.id}`)}`);
          }
        }
        if (verbose) {
          printChecks(result.checks);
          if (result.holder) say(line`    ${colour.dim(`details: presented by ${result.holder}`)}`);
        }
        say('');
        say(headline(result.verdict, `${result.headline.slice(0, 1)} ${first}`));
      }
      return exitCode(result.verdict);
    }

    const result = await verifyCredential(doc, trust);
    if (json) printJson(result);
    else {
      say(headline(result.verdict, result.headline));
      say(line`  ${result.summary}`);
      // Every check, and the DIDs, only when asked for (as for passports and presentations).
      if (verbose) {
        printChecks(result.checks);
        say(
          line`    ${colour.dim(`details: issuer ${result.issuer ?? 'unknown'}${result.verificationMethod ? `, signed with ${result.verificationMethod}` : ''}`)}`,
        );
      }
    }
    return exitCode(result.verdict);
  },
};
