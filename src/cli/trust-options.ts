// The trust flags shared by `verify` and the trust-list commands: pinned roots, accreditation
// files, status list snapshots and the authority's trust list.
import { isPlainObject } from '../internal/json.js';
import { createTrustPolicy, parseDidKey, verifyTrustList, type TrustList, type TrustListVerification, type TrustPolicy } from './api.js';
import { colour, line, printJson, readJson, Refusal, UsageError, warn } from './io.js';
import { list, loadCredentials } from './load.js';

/** parseArgs options for the trust flags. */
export const trustFlags = {
  accreditations: { type: 'string', multiple: true },
  'status-list': { type: 'string', multiple: true },
  'trust-list': { type: 'string' },
  'previous-trust-list': { type: 'string' },
  'accept-stale-trust-list': { type: 'boolean' },
} as const;

/** What verification needs from the trust flags. */
export interface TrustSetup {
  policy?: TrustPolicy;
  accreditations?: Record<string, unknown>[];
  statusLists?: Record<string, unknown>[];
  trustList?: TrustList;
}

/**
 * Checks `--trust-list` against the pinned `roots` (the operator's key: `--root` or `--trust`)
 * and builds the policy. A list that does not verify — another signer, older than
 * `--previous-trust-list`, past its next update without `--accept-stale-trust-list` — stops
 * here with its reason: a verifier is never left trusting it silently.
 */
export async function trustFrom(values: Record<string, unknown>, roots: string[], json: boolean): Promise<TrustSetup> {
  const accreditations = loadCredentials(values.accreditations, '--accreditations');
  const statusLists = loadCredentials(values['status-list'], '--status-list');
  let trustList: TrustList | undefined;
  if (typeof values['trust-list'] === 'string') {
    if (roots.length === 0) throw new UsageError('--trust-list needs the authority’s key you trust: --root <did> or --trust roots.json');
    const document = readJson(values['trust-list'], 'trust list');
    const previous = typeof values['previous-trust-list'] === 'string' ? readJson(values['previous-trust-list'], 'previous trust list') : undefined;
    const result = await verifyTrustList(document, {
      operator: roots,
      ...(previous !== undefined ? { previous } : {}),
      acceptStale: values['accept-stale-trust-list'] === true,
    });
    if (!result.trustList) {
      // The one line a person reads names no key; which key signed it, and which was expected, go
      // on a details line (as the checker page folds them under "Details").
      const issuer = isPlainObject(document) ? (isPlainObject(document.issuer) ? document.issuer.id : document.issuer) : undefined;
      const details = `details: signed by ${typeof issuer === 'string' ? issuer : 'no key'}; the key you trust: ${roots.join(', ')}`;
      const reason = result.summary.replace(/did:key:[\w…]+/g, 'another key');
      throw new TrustListRefused(`trust list ${values['trust-list']} refused: ${reason} [${result.errors[0]?.code ?? 'ERR_TRUST_LIST_INVALID'}]`, details);
    }
    for (const w of result.warnings) if (!json) warn(line`${colour.yellow('warning:')} ${w.message}`);
    trustList = result.trustList;
  }
  const policy = trustList ? createTrustPolicy({ roots, trustList }) : roots.length > 0 ? createTrustPolicy({ roots }) : undefined;
  return {
    ...(policy ? { policy } : {}),
    ...(accreditations.length ? { accreditations } : {}),
    ...(statusLists.length ? { statusLists } : {}),
    ...(trustList ? { trustList } : {}),
  };
}

/** A trust list that did not verify: the command exits 1 (invalid), with the reason. */
export class TrustListRefused extends Refusal {
  constructor(
    message: string,
    /** The keys involved, for a details line (never in the message a person reads first). */
    readonly details?: string,
  ) {
    super(message, /\[(\w+)\]$/.exec(message)?.[1] ?? 'ERR_TRUST_LIST_INVALID');
  }
}

/** The DIDs named by repeatable --operator flags. */
export function operatorsFrom(values: Record<string, unknown>): string[] {
  return list(values.operator);
}

/** Runs `trustFrom`; a refused trust list is reported (as JSON with --json) and gives exit 1. */
export async function trustOrExit(values: Record<string, unknown>, roots: string[], json: boolean): Promise<TrustSetup | number> {
  try {
    return await trustFrom(values, roots, json);
  } catch (err) {
    if (!(err instanceof TrustListRefused)) throw err;
    if (json)
      printJson({
        verified: false,
        error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) },
      });
    else {
      warn(line`${colour.red('✗')} ${err.message}`);
      if (err.details) warn(line`  ${colour.dim(err.details)}`);
    }
    return 1;
  }
}

/** The did:key a trust list names as its signer, or a refusal (nothing of the list is shown). */
function signerOf(document: unknown, path: string): string {
  const issuer = isPlainObject(document) ? (isPlainObject(document.issuer) ? document.issuer.id : document.issuer) : undefined;
  try {
    return parseDidKey(issuer).did;
  } catch {
    throw new Refusal(`${path} is not signed by a did:key, so it cannot be a trust list`, 'ERR_TRUST_LIST_INVALID');
  }
}

/**
 * A trust list read from a file, its signature checked before a word of it is used or shown:
 * against the pinned `roots` when given, else against the key the list names (then `pinned` is
 * false: the list is intact, but nothing says its signer is an authority the reader trusts). A
 * list that fails (forged, tampered, another signer, past its next update unless `acceptStale`)
 * is a {@link Refusal} carrying the reason and its code.
 */
export async function checkedTrustList(
  document: unknown,
  path: string,
  roots: readonly string[],
  options: { acceptStale?: boolean; previous?: unknown } = {},
): Promise<{ result: TrustListVerification & { trustList: TrustList }; pinned: boolean }> {
  const operator = roots.length > 0 ? [...roots] : [signerOf(document, path)];
  const result = await verifyTrustList(document, {
    operator,
    acceptStale: options.acceptStale === true,
    ...(options.previous !== undefined ? { previous: options.previous } : {}),
  });
  if (!result.verified || !result.trustList) {
    throw new Refusal(`trust list ${path} refused: ${result.summary}`, result.errors[0]?.code ?? 'ERR_TRUST_LIST_INVALID');
  }
  return { result: result as TrustListVerification & { trustList: TrustList }, pinned: roots.length > 0 };
}
