// The shapes of the sharing area that several of its modules name: a presentation and the
// request that makes one (in a file of their own, so that the modules sharing them import no
// operation).
import type { VC_V2_CONTEXT } from '../constants.js';
import type { SigningKeyPair } from '../keys/types.js';
import type { Signed } from '../proof/types.js';
import type { LintDisclosureOptions } from './lint-disclosure.js';
import type { Audience } from './presentation-rules.js';

/** An unsigned Verifiable Presentation of learning-passport entries. */
export interface PresentationDocument {
  '@context': [typeof VC_V2_CONTEXT];
  type: ['VerifiablePresentation'];
  /** The holder's DID. */
  holder: string;
  verifiableCredential?: Record<string, unknown>[];
  [key: string]: unknown;
}

/** A signed presentation. */
export type VerifiablePresentation = Signed<PresentationDocument>;

/** Input of {@link createPresentation}. */
export interface CreatePresentationInput {
  /** The holder's key pair (did:key), which signs the presentation. */
  holderKey: SigningKeyPair;
  /** The entries to choose from (the passport's entries, or a hand-picked list). */
  entries: readonly unknown[];
  audience: Audience;
  /** The verifier's one-time value (nonce). Required; never defaulted. */
  challenge: string;
  /** The verifier's domain (e.g. `jobs.example.co.uk`). Required; never defaulted. */
  domain: string;
  /** CIDs or credential ids the holder chooses to share although they would be left out. */
  include?: readonly string[];
  /** When the presentation was made (default now). */
  created?: Date | string;
  /** Linter options (issuer roles, custody-associated issuers, private periods). */
  lint?: LintDisclosureOptions;
  /**
   * Accreditations to carry inside the presentation (for example the passport's), so the
   * verifier needs nothing but its root keys. Only those on the chain of an issuer whose entry is
   * shared are included: an accreditation names its issuer's role, and a prison's role must not
   * travel with entries that leave the prison out. The linter always reads them too, so for an
   * employer an entry signed under a custody role (prison, probation) is left out unless named in
   * `include`, and that issuer's accreditation travels only when it is.
   */
  accreditations?: readonly unknown[];
}
