// Hostile options on every public verifier: a getter or proxy that throws is a caller mistake
// and gives the same TypeError everywhere, never the caller's own error from deep inside a check
// (review r16, M1). A list read once cannot change between two checks.
import { describe, expect, it } from 'vitest';
import { PassportError } from '../../src/index.js';
import { verifyCredential, verifyPassport, verifyPresentation } from '../../src/verify.js';
import { evaluateTrust } from '../../src/trust.js';
import { verifySdJwt, verifyVcJwt } from '../../src/jwt.js';
import { verifyVpJwt } from '../../src/present.js';
import { CHALLENGE, DOMAIN, getWorld, NOW } from './fixtures.js';

class Boom extends Error {}
const boom = (): never => {
  throw new Boom('getter boom');
};
const throwingProxy = (target: object = {}) => new Proxy(target, { get: boom, has: boom, ownKeys: boom, getOwnPropertyDescriptor: boom, getPrototypeOf: boom });

describe('hostile options on every verifier', async () => {
  const w = await getWorld();
  const base = { policy: w.policy, accreditations: [w.accreditation], now: NOW };
  const shapes: Record<string, () => object> = {
    'the options object is a throwing proxy': () => throwingProxy(),
    'a getter on policy throws': () => ({
      get policy() {
        return boom();
      },
    }),
    'a getter on context throws': () => ({
      get context() {
        return boom();
      },
    }),
    'a getter on now throws': () => ({
      ...base,
      get now() {
        return boom();
      },
    }),
    'a getter on statusLists throws': () => ({
      ...base,
      get statusLists() {
        return boom();
      },
    }),
    'statusLists is a throwing proxy of a list': () => ({ ...base, statusLists: throwingProxy([]) }),
    'knownContexts is a throwing proxy of a list': () => ({ ...base, knownContexts: throwingProxy([]) }),
    'proofVerifiers is a throwing proxy of a list': () => ({ ...base, proofVerifiers: throwingProxy([]) }),
  };
  // Presentations also need their request: added beside the hostile members (getters kept as
  // getters); the throwing proxy is passed as it is (a missing request is a TypeError too).
  const plus = (extra: object, o: object) => (proxied.has(o) ? o : Object.defineProperties({ ...extra }, Object.getOwnPropertyDescriptors(o)));
  const proxied = new WeakSet<object>();
  const verifiers: Record<string, (o: object) => Promise<unknown>> = {
    verifyCredential: (o) => verifyCredential(w.entry, o as never),
    evaluateTrust: (o) => evaluateTrust(w.entry, o as never),
    verifyPassport: (o) => verifyPassport(w.passport, o as never),
    verifyPresentation: (o) => verifyPresentation(w.presentation, plus({ challenge: CHALLENGE, domain: DOMAIN }, o) as never),
    verifyVcJwt: (o) => verifyVcJwt(w.vcJwt, o as never),
    verifyVpJwt: (o) => verifyVpJwt(w.vpJwt, plus({ challenge: CHALLENGE, domain: DOMAIN }, o) as never),
    verifySdJwt: (o) => verifySdJwt(w.sdJwt, plus({ nonce: CHALLENGE, aud: DOMAIN }, o) as never),
  };

  for (const [verifier, run] of Object.entries(verifiers)) {
    for (const [shape, make] of Object.entries(shapes)) {
      it(`${verifier}: ${shape} gives a TypeError or a result, never the caller's error`, async () => {
        const options = make();
        if (shape.startsWith('the options object')) proxied.add(options);
        let outcome: unknown;
        try {
          outcome = await run(options);
        } catch (error) {
          outcome = error;
        }
        expect(outcome).not.toBeInstanceOf(Boom);
        if (outcome instanceof Error) expect(outcome instanceof TypeError || outcome instanceof PassportError).toBe(true);
        else expect(outcome).toHaveProperty('verdict');
      });
    }
  }
});
