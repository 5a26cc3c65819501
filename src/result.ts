// The shape every verification returns. Verification never throws on untrusted data: each
// check says pass, fail or unknown ("could not check"), and unknown is never counted as pass.
import type { PassportErrorCode } from './errors.js';

/** The checks a verification can run. */
export type CheckName =
  | 'shape'
  | 'context'
  | 'signature'
  | 'issuer-key'
  | 'schema'
  | 'validity-period'
  | 'issuer-trust'
  | 'status'
  | 'holder-binding'
  | 'challenge'
  | 'domain'
  | 'lifecycle';

/** The outcome of one check. */
export interface Check {
  check: CheckName;
  status: 'pass' | 'fail' | 'unknown';
  /** Present unless the check passed. */
  code?: PassportErrorCode;
  /** Plain English: what was checked, and what was found. */
  message: string;
}

/** A problem found during verification: a stable code and a plain-English message. */
export interface VerificationError {
  code: PassportErrorCode;
  message: string;
}

/** What {@link verifyCredential} returns. */
export interface VerificationResult {
  /** True only when every check passed: no failure and nothing left unknown. */
  verified: boolean;
  checks: Check[];
  /** The failed and unknown checks, as codes and messages. */
  errors: VerificationError[];
  /** One line an employer can read: "Valid — …", "Not valid — …" or "Can't check — …". */
  summary: string;
}

/** Collects checks and derives `verified` and `errors` from them. */
export class CheckList {
  readonly checks: Check[] = [];

  pass(check: CheckName, message: string): void {
    this.checks.push({ check, status: 'pass', message });
  }

  fail(check: CheckName, code: PassportErrorCode, message: string): void {
    this.checks.push({ check, status: 'fail', code, message });
  }

  unknown(check: CheckName, code: PassportErrorCode, message: string): void {
    this.checks.push({ check, status: 'unknown', code, message });
  }

  get failed(): boolean {
    return this.checks.some((c) => c.status === 'fail');
  }

  get verified(): boolean {
    return this.checks.length > 0 && this.checks.every((c) => c.status === 'pass');
  }

  get errors(): VerificationError[] {
    return this.checks.filter((c) => c.status !== 'pass').map((c) => ({ code: c.code!, message: c.message }));
  }

  /** The first failure, or else the first unknown check. */
  get firstProblem(): Check | undefined {
    return this.checks.find((c) => c.status === 'fail') ?? this.checks.find((c) => c.status === 'unknown');
  }
}
