import type { ProofVerifier } from './proof-verifier.js';

/**
 * A Data Integrity proof made with eddsa-jcs-2022 (or, as `DataIntegrityProof<'eddsa-rdfc-2022'>`,
 * with another cryptosuite: `learning-passport/rdfc`'s `RdfcProof`).
 */
export interface DataIntegrityProof<Cryptosuite extends string = 'eddsa-jcs-2022'> {
  type: 'DataIntegrityProof';
  cryptosuite: Cryptosuite;
  created?: string;
  verificationMethod: string;
  proofPurpose: string;
  challenge?: string;
  domain?: string | string[];
  expires?: string;
  '@context'?: unknown;
  proofValue: string;
  [key: string]: unknown;
}

/** A credential (or presentation) secured with a Data Integrity proof. */
export type Signed<T extends object = Record<string, unknown>> = T & { proof: DataIntegrityProof };

/**
 * A credential secured with a Data Integrity proof held in a one-element array: the shape the
 * official Open Badges 3.0 JSON Schema requires (`signCredential(…, { proofAsArray: true })`).
 */
export type SignedWithProofArray<T extends object = Record<string, unknown>> = T & { proof: [DataIntegrityProof] };

/** Any JSON credential after signing. */
export type SignedCredential = Signed<Record<string, unknown>>;

/** Options of {@link signCredential}. */
export interface SignOptions {
  /** When the proof was made (default: now). A Date or a dateTimeStamp string. */
  created?: Date | string;
  /** Default `assertionMethod`; presentations use `authentication`. */
  proofPurpose?: string;
  /** Verifier-supplied nonce (presentations). */
  challenge?: string;
  /** Verifier's domain or domains (presentations). */
  domain?: string | string[];
  /** When the proof stops being acceptable. */
  expires?: Date | string;
  /**
   * Emit `proof` as a one-element array (`[proof]`) instead of an object. Both are valid VC 2.0
   * and verify the same (the proof is removed before hashing); the official Open Badges 3.0
   * AchievementCredential JSON Schema accepts only the array. Default false.
   */
  proofAsArray?: boolean;
  /**
   * LOW-LEVEL ESCAPE HATCH, UNSAFE: sign even when the document breaks a MUST of W3C VC Data
   * Model 2.0 (see `vcdmViolations`). Conforming verifiers, this library's included, will
   * reject what comes out. Only for building test vectors of invalid documents.
   */
  unsafeSkipConformance?: boolean;
}

/** Expectations of the verifier, checked against the proof. */
export interface ProofExpectations {
  /** Default `assertionMethod`. */
  expectedProofPurpose?: string;
  challenge?: string;
  domain?: string;
  /** The time to check `proof.expires` against (default: now). */
  now?: Date;
  /** Seconds of clock difference tolerated on `proof.expires` (default 60). */
  clockTolerance?: number;
  /** Verifiers for other proof formats (e.g. from `learning-passport/rdfc`); without them such proofs are "can't check". */
  proofVerifiers?: readonly ProofVerifier[];
  /** The document's issuer (or holder): among several valid proofs, the one it controls is reported. */
  signer?: string;
}

/** What a successful proof check tells about the signer. */
export interface ProofOutcome {
  /** The verification method that signed, when the proof could be read. */
  verificationMethod?: string;
  /** The DID that controls the verification method. */
  controller?: string;
  /** `proof.created`, when present. */
  created?: string;
  /** True when the signature verified. */
  valid: boolean;
}
