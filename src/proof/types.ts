/** A Data Integrity proof made with eddsa-jcs-2022. */
export interface DataIntegrityProof {
  type: 'DataIntegrityProof';
  cryptosuite: 'eddsa-jcs-2022';
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
}
