// Property: over random accreditation trees, a key changes the status of another organisation's
// entry exactly when a model of the rules says it held that power at the time it acted: a chain
// of accreditations from a root, each link inside its accreditor's kinds, powers and
// organisation scope, each window open at the time of the action and not closed since.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SigningKeyPair } from '../../src/keys/types.js';
import { accreditIssuer, createTrustContext, createTrustPolicy, mayActOnEntry, type TrustCapability, type TrustPolicy } from '../../src/trust/index.js';
import { keys, NOW } from './helpers.js';

const NODES = ['a', 'b', 'c', 'd'] as const;
type Node = (typeof NODES)[number];
const ORGS = ['org:target', 'org:a', 'org:b'] as const;
const SCOPES = [undefined, ['*'], ['org:target'], ['org:a', 'org:b'], ['org:a*']] as const;
// Windows: open, ended before the action, ended after the action but before now (closed since).
const UNTIL = [undefined, '2027-01-01T00:00:00Z', '2026-02-01T00:00:00Z', '2026-04-01T00:00:00Z'] as const;
const FROM = '2025-01-01T00:00:00Z';
const ACTION_AT = '2026-03-01T00:00:00Z';

interface Link {
  subject: Node;
  by: 'root' | Node;
  organisation: string;
  capabilities: TrustCapability[];
  organisations: readonly string[] | undefined;
  until: string | undefined;
}

const inScope = (scope: readonly string[] | 'all', org: string) =>
  scope === 'all' || scope.some((p) => (p.endsWith('*') ? org.startsWith(p.slice(0, -1)) : p === org));
const patternWithin = (p: string, scope: readonly string[] | 'all') =>
  scope === 'all' || (p.endsWith('*') ? scope.some((q) => q.endsWith('*') && p.slice(0, -1).startsWith(q.slice(0, -1))) : inScope(scope, p));

/** The model: every grant a node holds at ACTION_AT under the default policy (now = NOW). */
function modelGrants(
  links: Link[],
  node: 'root' | Node,
  depth = 0,
): { organisation: string; capabilities: Set<string> | 'all'; scope: readonly string[] | 'all' }[] {
  if (node === 'root') return [{ organisation: 'root', capabilities: 'all', scope: 'all' }];
  if (depth >= 3) return [];
  const out: ReturnType<typeof modelGrants> = [];
  for (const l of links.filter((x) => x.subject === node)) {
    // Ended before the action, or ended since (nobody vouches that it acted in time): no power.
    if (l.until !== undefined && Date.parse(l.until) <= NOW.getTime()) continue;
    if (l.by === node) continue;
    for (const p of modelGrants(links, l.by, depth + 1)) {
      if (p.capabilities !== 'all' && !p.capabilities.has('accredit')) continue;
      if (p.capabilities !== 'all' && !l.capabilities.every((c) => (p.capabilities as Set<string>).has(c))) continue;
      if (!inScope(p.scope, l.organisation)) continue;
      const own = l.organisations ?? [l.organisation];
      if (l.capabilities.includes('accredit') && !own.every((o) => patternWithin(o, p.scope))) continue;
      out.push({ organisation: l.organisation, capabilities: new Set(l.capabilities), scope: l.capabilities.includes('accredit') ? own : [] });
    }
  }
  return out;
}

let k: Record<'root' | 'target' | Node, SigningKeyPair>;
let policy: TrustPolicy;
beforeAll(async () => {
  k = await keys('root', 'target', ...NODES);
  policy = createTrustPolicy({ roots: [k.root.did], now: NOW });
});

const linkArb = (subject: Node, index: number) =>
  fc.record({
    subject: fc.constant(subject),
    by: fc.constantFrom<'root' | Node>('root', ...NODES.slice(0, Math.max(index, 0)), ...NODES.slice(index + 1)),
    organisation: fc.constantFrom(...ORGS),
    capabilities: fc.subarray<TrustCapability>(['accredit', 'revoke-others', 'supersede-others']),
    organisations: fc.constantFrom(...SCOPES),
    until: fc.constantFrom(...UNTIL),
  });

describe('lifecycle powers over random accreditation trees', () => {
  it('a key may revoke another organisation’s entry exactly when the model says it held that power at the time', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.tuple(...NODES.map((n, i) => fc.array(linkArb(n, i), { minLength: 0, maxLength: 2 }))),
        fc.constantFrom(...NODES),
        async (perNode, actor) => {
          const links = perNode.flat().map((l) => ({ ...l, organisations: l.capabilities.includes('accredit') ? l.organisations : undefined }));
          const accreditations = [
            await accreditIssuer(k.root, {
              did: k.target.did,
              organisation: 'org:target',
              role: 'awarding-body',
              kinds: ['qualification'],
              validFrom: FROM,
              created: FROM,
            }),
          ];
          for (const l of links) {
            accreditations.push(
              await accreditIssuer(k[l.by], {
                did: k[l.subject].did,
                organisation: l.organisation,
                role: 'authority',
                kinds: ['qualification'],
                capabilities: l.capabilities,
                ...(l.organisations ? { organisations: [...l.organisations] } : {}),
                validFrom: FROM,
                created: FROM,
                ...(l.until ? { validUntil: l.until } : {}),
              }),
            );
          }
          const context = await createTrustContext({ policy, accreditations });
          const answer = mayActOnEntry(context, {
            actor: k[actor].did,
            targetIssuer: k.target.did,
            action: 'revoke',
            at: ACTION_AT,
            targetKind: 'qualification',
          });
          const grants = modelGrants(links, actor);
          const expected = grants.some((g) => g.organisation === 'org:target' || (g.capabilities !== 'all' && g.capabilities.has('revoke-others')));
          expect(answer.allowed, `${JSON.stringify(links)} actor ${actor}: ${answer.reason}`).toBe(expected);
        },
      ),
      { numRuns: 60 },
    );
  });
});
