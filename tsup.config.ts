import { defineConfig } from 'tsup';

// Two builds: the library (ESM + CJS, runtime-neutral) and the Node-only command line tool.
// The crypto backends are separate entries so that package.json "imports" (#ed25519-backend)
// can pick node:crypto under Node and WebCrypto / @noble/ed25519 everywhere else at run time.
export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      'backend/ed25519-node': 'src/backend/ed25519-node.ts',
      'backend/ed25519-web': 'src/backend/ed25519-web.ts',
    },
    format: ['esm', 'cjs'],
    dts: { entry: { index: 'src/index.ts' } },
    target: 'es2022',
    platform: 'neutral',
    sourcemap: true,
    clean: false,
    treeshake: true,
    splitting: false,
    external: ['#ed25519-backend', 'node:crypto'],
  },
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
