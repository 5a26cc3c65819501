// learning-passport trust-list build | verify | show: the authority's one signed file of roots,
// accreditations, revocations and compromise notices, and status list snapshots.
import { createTrustList, verifyTrustList } from '../../trust.js';
import { isPlainObject } from '../../internal/json.js';
import { colour, mark, printJson, readJson, UsageError, writeText } from '../io.js';
import { list, loadCredentials, loadIssuer } from '../load.js';
import type { Command } from '../types.js';
import { rootsFrom } from './verify.js';

function subjectOf(doc: unknown, path: string): Record<string, unknown> {
  const subject = isPlainObject(doc) ? doc.credentialSubject : undefined;
  const types = isPlainObject(doc) ? (Array.isArray(doc.type) ? doc.type : [doc.type]) : [];
  if (!types.includes('LearningPassportTrustList') || !isPlainObject(subject)) throw new UsageError(`${path} is not a trust list (make one with "trust-list build")`);
  return subject;
}

const arr = (value: unknown): Record<string, unknown>[] => (Array.isArray(value) ? value.filter(isPlainObject) : []);

export const trustListCommand: Command = {
  name: 'trust-list',
  summary: 'build, verify or show an authority’s signed trust list',
  usage: [
    'trust-list build --key <authority.key.json> --name <operator name> --next-update <time> [--sequence n | --previous old-list.json] [--accreditations f …] [--status-list f …] [--root did …] -o <list.json>',
    'trust-list verify <list.json> (--root <authority did> | --trust roots.json) [--previous old-list.json] [--accept-stale]',
    'trust-list show <list.json>',
  ],
  examples: [
    'learning-passport trust-list build --key authority.key.json --name "National Learning Authority" --sequence 1 --next-update 2026-07-01T00:00:00Z --accreditations leeds-accreditation.json -o trust-list.json',
    'learning-passport trust-list build --key authority.key.json --name "National Learning Authority" --previous trust-list.json --next-update 2026-08-01T00:00:00Z --accreditations notice.json -o trust-list-2.json',
    'learning-passport trust-list verify trust-list-2.json --root did:key:z6Mk… --previous trust-list.json',
  ],
  options: {
    key: { type: 'string' },
    name: { type: 'string' },
    sequence: { type: 'string' },
    'next-update': { type: 'string' },
    previous: { type: 'string' },
    accreditations: { type: 'string', multiple: true },
    'status-list': { type: 'string', multiple: true },
    root: { type: 'string', multiple: true },
    trust: { type: 'string' },
    'accept-stale': { type: 'boolean' },
    out: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
    'passphrase-file': { type: 'string' },
  },
  async run({ positionals, values, json }) {
    const [action, path] = positionals;
    if (action === 'build') {
      if (typeof values.name !== 'string') throw new UsageError('trust-list build needs --name <the authority’s name>');
      if (typeof values['next-update'] !== 'string') throw new UsageError('trust-list build needs --next-update <date-time>: when the next list will be published at the latest');
      if (typeof values.out !== 'string') throw new UsageError('trust-list build needs -o <list.json>');
      // With --previous, the new list carries everything the old one did, plus what is given now.
      const previous = typeof values.previous === 'string' ? subjectOf(readJson(values.previous, 'previous trust list'), values.previous) : undefined;
      const sequence = typeof values.sequence === 'string' ? Number(values.sequence) : previous ? Number(previous.sequenceNumber) + 1 : Number.NaN;
      if (!Number.isSafeInteger(sequence) || sequence < 1) throw new UsageError('--sequence must be a whole number from 1 (or give --previous to count on from the last list)');
      if (previous && sequence <= Number(previous.sequenceNumber)) throw new UsageError(`--sequence must be above the previous list’s ${String(previous.sequenceNumber)}`);
      const { key } = await loadIssuer(values);
      const roots = list(values.root);
      const document = await createTrustList(key, {
        operatorName: values.name,
        sequenceNumber: sequence,
        nextUpdate: values['next-update'],
        ...(roots.length ? { roots: roots.map((did) => ({ did })) } : previous && arr(previous.roots).length ? { roots: arr(previous.roots) as never } : {}),
        accreditations: [...arr(previous?.accreditations), ...arr(previous?.revocations), ...loadCredentials(values.accreditations, '--accreditations')],
        statusLists: [...arr(previous?.statusLists), ...loadCredentials(values['status-list'], '--status-list')],
      });
      writeText(values.out, `${JSON.stringify(document, null, 2)}\n`, values.force === true);
      const s = document.credentialSubject;
      if (json) printJson({ out: values.out, sequenceNumber: s.sequenceNumber, issued: s.issued, nextUpdate: s.nextUpdate, accreditations: s.accreditations.length, revocations: s.revocations.length, statusLists: s.statusLists.length });
      else console.log(`${colour.green('✓')} trust list #${s.sequenceNumber} of ${s.operatorName} (${s.accreditations.length} accreditation(s), ${s.revocations.length} revocation(s), next update ${s.nextUpdate}) → ${values.out}`);
      return 0;
    }
    if (!path) throw new UsageError(`trust-list ${action ?? '<action>'} needs a list file`);
    const document = readJson(path, 'trust list');
    if (action === 'verify') {
      const operator = rootsFrom(values);
      if (operator.length === 0) throw new UsageError('trust-list verify needs the authority key you trust: --root <did> or --trust roots.json');
      const previous = typeof values.previous === 'string' ? readJson(values.previous, 'previous trust list') : undefined;
      const result = await verifyTrustList(document, { operator, ...(previous !== undefined ? { previous } : {}), acceptStale: values['accept-stale'] === true });
      if (json) {
        const { trustList: _list, ...rest } = result;
        printJson(rest);
      } else {
        for (const c of result.checks) console.log(`  ${mark(c.status)} ${c.check.padEnd(16)} ${colour.dim(c.message)}`);
        for (const w of result.warnings) console.log(`${colour.yellow('warning:')} ${w.message}`);
        console.log(`\n${result.verified ? colour.green('✓') : colour.red('✗')} ${result.summary}`);
      }
      return result.verified ? 0 : 1;
    }
    if (action === 'show') {
      const s = subjectOf(document, path);
      if (json) {
        printJson(s);
        return 0;
      }
      console.log(`${colour.bold(`Trust list #${String(s.sequenceNumber)}`)} of ${String(s.operatorName)} — issued ${String(s.issued)}, next update ${String(s.nextUpdate)}`);
      console.log(colour.dim('  (not checked: use "trust-list verify" with the authority’s key)'));
      console.log('Roots:');
      for (const r of arr(s.roots)) console.log(`  ${String(r.name ?? '')} ${String(r.did)}${r.validFrom ? ` from ${String(r.validFrom)}` : ''}${r.validUntil ? ` until ${String(r.validUntil)}` : ''}`);
      console.log('Accreditations:');
      for (const a of arr(s.accreditations)) {
        const sub = isPlainObject(a.credentialSubject) ? a.credentialSubject : {};
        const kinds = Array.isArray(sub.kinds) ? sub.kinds.join(', ') : '';
        console.log(`  ${String(sub.organisation)} as ${String(sub.role)} for ${kinds} (${String(a.validFrom)}${a.validUntil ? ` to ${String(a.validUntil)}` : ''})`);
      }
      console.log('Revocations and compromise notices:');
      for (const r of arr(s.revocations)) {
        const sub = isPlainObject(r.credentialSubject) ? r.credentialSubject : {};
        console.log(`  ${String(sub.accreditation ?? sub.id)} from ${String(r.validFrom)}${sub.compromisedSince ? `, compromised since ${String(sub.compromisedSince)}` : ''}: ${String(sub.reason)}`);
      }
      console.log(`Status lists: ${arr(s.statusLists).length}`);
      return 0;
    }
    throw new UsageError('trust-list needs an action: build, verify or show');
  },
};
