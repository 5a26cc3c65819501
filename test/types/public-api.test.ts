// Type tests for the public result and option types. `npm run typecheck` checks this file (tsc
// over test/), so a change to a public type that breaks these expectations fails CI; the
// runtime part checks the size of the root entry point.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type {
  Check,
  CredentialVerificationResult,
  EntryKind,
  PassportCounts,
  PassportReport,
  PassportReportEntry,
  PresentationVerificationResult,
  TrustOptions,
  VerificationResult,
  VerifyCredentialOptions,
  VerifyPassportOptions,
  VerifyPresentationOptions,
  Verdict,
} from 'learning-passport';
import { entryKindOf } from 'learning-passport';
import type { SdJwtVerificationResult, VcJwtVerificationResult, VerifySdJwtOptions, VerifyVcJwtOptions } from 'learning-passport/jwt';
import type { FoldedEntries, PresentedEntryResult, VerifyVpJwtOptions } from 'learning-passport/present';
import { foldCustodyEntries, verifyVpJwt } from 'learning-passport/present';
import type { EvaluateTrustOptions, TrustEvaluation, TrustListVerification } from 'learning-passport/trust';

/** The trust options part of an options type: equal to TrustOptions when nothing is missing or retyped. */
type TrustPart<T> = Pick<T, keyof TrustOptions & keyof T>;

describe('public types', () => {
  it('every verifier takes the one TrustOptions, whole', () => {
    expectTypeOf<TrustPart<VerifyCredentialOptions>>().toEqualTypeOf<TrustOptions>();
    // A passport's own entries are where verifyPassport reads checkpoints from.
    expectTypeOf<TrustPart<VerifyPassportOptions>>().toEqualTypeOf<Omit<TrustOptions, 'entries'>>();
    expectTypeOf<TrustPart<VerifyPresentationOptions>>().toEqualTypeOf<TrustOptions>();
    expectTypeOf<TrustPart<VerifyVcJwtOptions>>().toEqualTypeOf<TrustOptions>();
    expectTypeOf<TrustPart<VerifyVpJwtOptions>>().toEqualTypeOf<TrustOptions>();
    expectTypeOf<TrustPart<VerifySdJwtOptions>>().toEqualTypeOf<TrustOptions>();
    expectTypeOf<TrustPart<EvaluateTrustOptions>>().toEqualTypeOf<TrustOptions>();
    expectTypeOf<keyof TrustOptions>().toEqualTypeOf<
      'now' | 'policy' | 'context' | 'accreditations' | 'statusLists' | 'checkpoints' | 'entries' | 'fetchStatusList' | 'maxStatusAge' | 'knownContexts'
    >();
  });

  it('no public option skips a signature check or takes an internal class', () => {
    expectTypeOf<EvaluateTrustOptions>().not.toHaveProperty('signatureVerified');
    expectTypeOf<EvaluateTrustOptions>().not.toHaveProperty('checks');
    expectTypeOf<EvaluateTrustOptions>().not.toHaveProperty('kind');
    expectTypeOf<keyof EvaluateTrustOptions>().toEqualTypeOf<keyof TrustOptions | 'entryCid'>();
  });

  it('VerifyPassportOptions has no index signature: unknown options are type errors', () => {
    expectTypeOf<string extends keyof VerifyPassportOptions ? true : false>().toEqualTypeOf<false>();
    // @ts-expect-error a misspelt option is caught by the compiler
    const misspelt: VerifyPassportOptions = { polcy: undefined };
    void misspelt;
  });

  it('results share the VerificationResult shape', () => {
    expectTypeOf<VerificationResult>().toEqualTypeOf<{
      verified: boolean;
      verdict: Verdict;
      headline: string;
      checks: Check[];
      errors: VerificationResult['errors'];
      summary: string;
    }>();
    expectTypeOf<Verdict>().toEqualTypeOf<'valid' | 'not-valid' | 'cant-check'>();
    expectTypeOf<Check['status']>().toEqualTypeOf<'pass' | 'fail' | 'unknown' | 'skipped'>();
    expectTypeOf<CredentialVerificationResult>().toMatchTypeOf<VerificationResult>();
    expectTypeOf<CredentialVerificationResult['trust']>().toEqualTypeOf<TrustEvaluation | undefined>();
    expectTypeOf<PresentationVerificationResult>().toMatchTypeOf<VerificationResult>();
    expectTypeOf<VcJwtVerificationResult>().toMatchTypeOf<VerificationResult>();
    expectTypeOf<SdJwtVerificationResult>().toMatchTypeOf<VerificationResult>();
    expectTypeOf<PassportReport['verified']>().toEqualTypeOf<boolean>();
    expectTypeOf<PassportReport['entries'][number]['result']>().toEqualTypeOf<CredentialVerificationResult>();
    expectTypeOf<TrustEvaluation['checks']>().toEqualTypeOf<Check[]>();
  });

  it('every public result has a verdict, a headline and a summary that is a string', () => {
    /** What a person reads of any result. */
    interface Said {
      verdict: Verdict;
      headline: string;
      summary: string;
    }
    expectTypeOf<VerificationResult>().toMatchTypeOf<Said>();
    expectTypeOf<CredentialVerificationResult>().toMatchTypeOf<Said>();
    expectTypeOf<PresentationVerificationResult>().toMatchTypeOf<Said>();
    expectTypeOf<Awaited<ReturnType<typeof verifyVpJwt>>>().toMatchTypeOf<Said>();
    expectTypeOf<PresentedEntryResult>().toMatchTypeOf<Said>();
    expectTypeOf<VcJwtVerificationResult>().toMatchTypeOf<Said>();
    expectTypeOf<SdJwtVerificationResult>().toMatchTypeOf<Said>();
    expectTypeOf<PassportReport>().toMatchTypeOf<Said>();
    expectTypeOf<PassportReportEntry>().toMatchTypeOf<Said>();
    expectTypeOf<TrustEvaluation>().toMatchTypeOf<Said>();
    expectTypeOf<TrustListVerification>().toMatchTypeOf<Said>();
    // The summary is a line to read everywhere, never an object (the passport's counts are apart).
    expectTypeOf<PassportReport['summary']>().toEqualTypeOf<string>();
    expectTypeOf<TrustEvaluation['summary']>().toEqualTypeOf<string>();
    expectTypeOf<PresentedEntryResult['summary']>().toEqualTypeOf<string>();
    expectTypeOf<PassportReport['counts']>().toEqualTypeOf<PassportCounts>();
    expectTypeOf<keyof PassportCounts>().toEqualTypeOf<
      'total' | 'current' | 'valid' | 'notValid' | 'cantCheck' | 'revoked' | 'superseded' | 'conflicts' | 'leftOut'
    >();
    // A passport entry and a trust evaluation are whole results: checks and errors at the top.
    expectTypeOf<PassportReportEntry>().toMatchTypeOf<VerificationResult>();
    expectTypeOf<TrustEvaluation>().toMatchTypeOf<VerificationResult>();
    expectTypeOf<PresentedEntryResult['checked']>().toEqualTypeOf<boolean>();
    expectTypeOf(foldCustodyEntries<PassportReportEntry>).returns.toEqualTypeOf<FoldedEntries<PassportReportEntry>>();
  });

  it('entryKindOf names a kind, "external" or "unknown"', () => {
    expectTypeOf(entryKindOf).returns.toEqualTypeOf<EntryKind | 'external' | 'unknown'>();
    expectTypeOf(entryKindOf).parameter(0).toEqualTypeOf<unknown>();
  });
});

describe('entry points', () => {
  it('the root exports at most half of the 326 names of 0.1.0 (161 of them runtime values)', async () => {
    const root = await import('learning-passport');
    expect(Object.keys(root).length).toBeLessThanOrEqual(80);
  });
});
