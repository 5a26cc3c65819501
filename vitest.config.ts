import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      // Tests run the sources directly; under Node the node:crypto backend is the one selected.
      '#ed25519-backend': fileURLToPath(new URL('./src/backend/ed25519-node.ts', import.meta.url)),
      // Examples import the package by name, as users do; tests run them against the sources.
      // (The subpath comes first: aliases match by prefix.)
      'learning-passport/rdfc': fileURLToPath(new URL('./src/rdfc/index.ts', import.meta.url)),
      ...Object.fromEntries(
        ['verify', 'trust', 'present', 'jwt', 'qr', 'kinds'].map((name) => [
          `learning-passport/${name}`,
          fileURLToPath(new URL(`./src/${name}.ts`, import.meta.url)),
        ]),
      ),
      'learning-passport': fileURLToPath(new URL('./src/index.ts', import.meta.url)),
    },
  },
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup/fast-check.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
