// Property tests draw random inputs. Locally each run uses a fresh seed, so repeated runs keep
// exploring; under CI the seed is fixed (or taken from FC_SEED) so a run can be reproduced
// exactly. A failure prints its seed and path: re-run with FC_SEED=<seed> to replay it.
import fc from 'fast-check';

const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : process.env.CI ? 20_261_123 : undefined;
if (seed !== undefined && Number.isFinite(seed)) fc.configureGlobal({ seed });
