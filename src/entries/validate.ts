// PLACEHOLDER — owned by the entries work: recognises a learning-passport entry and validates it
// against its kind's schema. Credentials from other systems are reported as kind 'external'.

/** The outcome of validating a credential against the entry schemas. */
export interface EntrySchemaOutcome {
  /** The entry kind, or 'external' for a credential that is not a learning-passport entry. */
  kind: string;
  /** Empty when the credential is valid for its kind. */
  issues: { path: (string | number)[]; message: string }[];
}

/** Validates a (snapshotted, plain JSON) credential against its kind's schema. */
export function checkEntrySchema(_credential: Record<string, unknown>): EntrySchemaOutcome {
  return { kind: 'external', issues: [] };
}
