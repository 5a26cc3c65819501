// learning-passport verify <entry | passport | presentation> [--trust roots.json] [--root did …]
import { verifyCredential, verifyPassport, verifyPresentation, type Check } from '../../index.js';
import { isPlainObject as isPlainJsonObject } from '../../internal/json.js';
import { colour, mark, printJson, progress, readJson, readText, UsageError } from '../io.js';
import { list, loadPassport } from '../load.js';
import { trustFlags, trustOrExit } from '../trust-options.js';
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
  for (const c of checks) console.log(`    ${mark(c.status)} ${c.check.padEnd(16)} ${colour.dim(c.message)}`);
}

export const verifyCommand: Command = {
  name: 'verify',
  summary: 'verify an entry, a passport or a presentation',
  usage: ['verify <file> [--trust roots.json] [--root <did> …] [--trust-list list.json [--previous-trust-list old.json] [--accept-stale-trust-list]] [--accreditations file.json …] [--status-list s.json …] [--challenge c --domain d] [--verbose]'],
  options: {
    trust: { type: 'string' },
    root: { type: 'string', multiple: true },
    ...trustFlags,
    challenge: { type: 'string' },
    domain: { type: 'string' },
    verbose: { type: 'boolean', short: 'v' },
  },
  async run({ positionals, values, json }) {
    const file = positionals[0];
    if (!file) throw new UsageError('verify needs a file');
    const roots = rootsFrom(values);
    const setup = await trustOrExit(values, roots, json);
    if (typeof setup === 'number') return setup;
    const { policy, trustList: _list, ...material } = setup;
    const trust = { ...(policy ? { policy } : {}), ...material };
    const text = readText(file);
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (err) {
      throw new UsageError(`${file} is not valid JSON: ${(err as Error).message}`);
    }
    if (!policy && !json) console.log(colour.yellow('No trusted roots given (--trust / --root): signatures are checked, not who the issuers are.'));
    const type = isPlainJsonObject(doc) ? doc.type : undefined;
    const types = Array.isArray(type) ? type : [type];

    if (types.includes('LearningPassport')) {
      const passport = loadPassport(file);
      const report = await verifyPassport(passport, { ...trust, onProgress: progress('verifying') });
      if (json) printJson({ verified: report.verified, summary: report.summary, entries: report.entries.map((e) => ({ cid: e.cid, kind: e.kind, state: e.state, verified: e.result.verified, summary: e.result.summary, errors: e.result.errors })) });
      else {
        for (const e of report.entries) {
          console.log(`${mark(e.result.verified)} ${e.kind.padEnd(20)} ${e.state.padEnd(10)} ${e.result.summary}`);
          if (values.verbose) printChecks(e.result.checks);
        }
        const s = report.summary;
        console.log(`\n${report.verified ? colour.green('All entries valid') : colour.red('Some entries are not valid')}: ${s.valid} of ${s.total} valid.`);
      }
      return report.verified ? 0 : 1;
    }

    if (types.includes('VerifiablePresentation')) {
      if (typeof values.challenge !== 'string' || typeof values.domain !== 'string') {
        throw new UsageError('verifying a presentation needs --challenge and --domain (the values you asked the holder to use)');
      }
      const result = await verifyPresentation(doc, { challenge: values.challenge, domain: values.domain, ...trust });
      if (json) printJson(result);
      else {
        for (const e of result.entries) console.log(`${mark(e.verified)} ${e.description ?? e.kind} — ${e.summary}`);
        if (values.verbose) printChecks(result.checks);
        console.log(`\n${result.verified ? colour.green('✓') : colour.red('✗')} ${result.summary}`);
      }
      return result.verified ? 0 : 1;
    }

    const result = await verifyCredential(doc, trust);
    if (json) printJson(result);
    else {
      console.log(`${mark(result.verified)} ${result.summary}`);
      printChecks(result.checks);
    }
    return result.verified ? 0 : 1;
  },
};
