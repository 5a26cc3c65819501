// learning-passport verify <entry | passport | presentation> [--trust roots.json] [--root did …]
import { createTrustPolicy, readPassport, verifyCredential, verifyPassport, verifyPresentation, type Check } from '../../index.js';
import { isPlainObject as isPlainJsonObject } from '../../internal/json.js';
import { colour, line, mark, parseJsonText, printJson, progress, readJson, readText, say, UsageError, warn } from '../io.js';
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
  return roots;
}

function printChecks(checks: Check[]): void {
  for (const c of checks) say(line`    ${mark(c.status)} ${c.check.padEnd(16)} ${colour.dim(c.message)}`);
}

export const verifyCommand: Command = {
  name: 'verify',
  summary: 'verify an entry, a passport or a presentation',
  usage: ['verify <file> [--trust roots.json] [--root <did> …] [--trust-list list.json [--previous-trust-list old.json] [--accept-stale-trust-list]] [--accreditations file.json …] [--status-list s.json …] [--challenge c --domain d] [--rdfc] [--verbose]'],
  options: {
    trust: { type: 'string' },
    root: { type: 'string', multiple: true },
    ...trustFlags,
    ...rdfcFlag,
    challenge: { type: 'string' },
    domain: { type: 'string' },
    verbose: { type: 'boolean', short: 'v' },
  },
  async run({ positionals, values, json }) {
    const file = positionals[0];
    if (!file) throw new UsageError('verify needs a file', 'ERR_USAGE');
    const roots = rootsFrom(values);
    const setup = await trustOrExit(values, roots, json);
    if (typeof setup === 'number') return setup;
    const { policy, trustList: _list, ...material } = setup;
    // --rdfc: eddsa-rdfc-2022 and Ed25519Signature2020 proofs are checked, not "can't check".
    const trust = { ...(policy ? { policy } : {}), ...material, ...(await proofVerifiersFrom(values)) };
    const text = readText(file);
    const doc = parseJsonText(text, file);
    if (!policy && !json) say(line`${colour.yellow('No trusted roots given (--trust / --root): signatures are checked, not who the issuers are.')}`);
    const type = isPlainJsonObject(doc) ? doc.type : undefined;
    const types = Array.isArray(type) ? type : [type];

    if (types.includes('LearningPassport')) {
      const { passport, problems } = readPassport(text);
      for (const p of problems) warn(line`${colour.yellow('warning:')} ${file}: ${p.message}`);
      const report = await verifyPassport(passport, { ...trust, onProgress: progress('verifying') });
      const s = report.summary;
      // "All entries valid" only when every entry verified, is current, and nothing was dropped
      // on reading: revoked, superseded, conflicting, unchecked or unreadable entries all say so
      // and exit 1.
      const notCurrent = report.entries.filter((e) => e.state !== 'active').length;
      const allGood = report.verified && problems.length === 0 && notCurrent === 0 && s.valid === s.total;
      const parts = [
        s.invalid && `${s.invalid} not valid`,
        s.unknown && `${s.unknown} could not be checked`,
        s.revoked && `${s.revoked} revoked`,
        s.superseded && `${s.superseded} superseded`,
        s.conflicts && `${s.conflicts} in conflict`,
        problems.length && `${problems.length} unreadable (left out)`,
      ].filter(Boolean);
      if (json) {
        printJson({
          verified: allGood,
          summary: s,
          unreadable: problems.map((p) => ({ code: p.code, message: p.message })),
          entries: report.entries.map((e) => ({ cid: e.cid, kind: e.kind, state: e.state, verified: e.result.verified, summary: e.result.summary, errors: e.result.errors })),
        });
      } else {
        for (const e of report.entries) {
          say(line`${mark(e.result.verified && e.state === 'active')} ${e.kind.padEnd(20)} ${e.state.padEnd(10)} ${e.result.summary}`);
          if (values.verbose) printChecks(e.result.checks);
        }
        if (allGood) say(line`\n${colour.green('All entries valid')}: ${s.valid} of ${s.total} valid and current.`);
        else say(line`\n${colour.red('Not all entries are valid and current')}: ${s.valid} of ${s.total + problems.length} verified; ${parts.join(', ') || 'see above'}.`);
      }
      return allGood ? 0 : 1;
    }

    if (types.includes('VerifiablePresentation')) {
      if (typeof values.challenge !== 'string' || typeof values.domain !== 'string') {
        throw new UsageError('verifying a presentation needs --challenge and --domain (the values you asked the holder to use)', 'ERR_FLAG_MISSING');
      }
      const result = await verifyPresentation(doc, { challenge: values.challenge, domain: values.domain, ...trust });
      if (json) printJson(result);
      else {
        for (const e of result.entries) say(line`${mark(e.verified)} ${e.description ?? e.kind} — ${e.summary}`);
        if (values.verbose) printChecks(result.checks);
        say(line`\n${result.verified ? colour.green('✓') : colour.red('✗')} ${result.summary}`);
      }
      return result.verified ? 0 : 1;
    }

    const result = await verifyCredential(doc, trust);
    if (json) printJson(result);
    else {
      say(line`${mark(result.verified)} ${result.summary}`);
      printChecks(result.checks);
    }
    return result.verified ? 0 : 1;
  },
};
