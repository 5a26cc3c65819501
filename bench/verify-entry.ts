// The verify-only entry point as the issue defines it (learning-passport/verify: credential,
// presentation and passport verification, trust policy), built from the sources for the bundle
// size and cold import benchmarks until the package's own subpath entry is there; run.ts uses
// src/verify.ts instead when it exists.
export { verifyCredential } from '../src/verify/verify-credential.js';
export { verifyPresentation } from '../src/present/verify-presentation.js';
export { verifyPassport } from '../src/passport/verify-passport.js';
export { createTrustPolicy } from '../src/trust/create-trust-policy.js';
