import { defineConfig, type Options } from 'tsup';

// Two builds: the library (ESM + CJS, runtime-neutral) and the Node-only command line tool.
// The crypto backends are separate entries so that package.json "imports" (#ed25519-backend)
// can pick node:crypto under Node and WebCrypto / @noble/ed25519 everywhere else at run time.
// The package's entry points: the root and one subpath per area (package.json "exports").
const entryPoints = {
  index: 'src/index.ts',
  verify: 'src/verify.ts',
  trust: 'src/trust.ts',
  present: 'src/present.ts',
  jwt: 'src/jwt.ts',
  qr: 'src/qr.ts',
  kinds: 'src/kinds.ts',
  // The JSON-LD subpath (learning-passport/rdfc): its own entry, so the others never load jsonld.
  rdfc: 'src/rdfc/index.ts',
};

const library = {
  entry: {
    ...entryPoints,
    'backend/ed25519-node': 'src/backend/ed25519-node.ts',
    'backend/ed25519-web': 'src/backend/ed25519-web.ts',
    // The worker thread verifyPassport's `workers` option starts (Node, ESM build).
    'verify-worker': 'src/passport/verify-worker.ts',
  },
  dts: { entry: entryPoints },
  target: 'es2022',
  platform: 'neutral',
  sourcemap: true,
  clean: false,
  treeshake: true,
  external: ['#ed25519-backend', 'node:crypto'],
} satisfies Options;

export default defineConfig([
  // ESM with code splitting: the modules the library imports dynamically (jose, @sd-jwt) become
  // chunks of their own, so importing the library does not load them, and bundlers of the ESM
  // build keep only the parts of them that are used.
  { ...library, format: ['esm'], splitting: true },
  // CJS with code splitting too: the library code the rdfc entry shares with the main entry lives
  // in chunks both require, so there is one copy of it (one PassportError class: isPassportError
  // and instanceof hold across the two entries). Dynamic imports become require() calls made on
  // first use.
  { ...library, format: ['cjs'], splitting: true },
  {
    // The CLI bundles the library sources; the crypto backend stays external so that
    // package.json "imports" selects node:crypto for it as for the library.
    entry: { 'cli/index': 'src/cli/index.ts' },
    format: ['esm'],
    target: 'node22',
    platform: 'node',
    sourcemap: true,
    clean: false,
    banner: { js: '#!/usr/bin/env node' },
    external: ['#ed25519-backend'],
  },
]);
