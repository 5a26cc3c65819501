// The layer rule (docs/architecture.md): a folder of src/ imports only folders below it.
// An import that runs up a layer, or sideways between two feature folders, fails CI.
// Bottom to top; src/index.ts and the subpath entry files sit above every layer.
const LAYERS = [
  '(errors|constants|result)\\.ts|internal/',
  'backend/',
  'keys/',
  'proof/',
  'entries/',
  'qr/',
  'trust/',
  'verify/',
  'passport/',
  'jwt/',
  'present/',
  'rdfc/',
  'cli/',
];

const forbidden = LAYERS.map((layer, rank) => ({
  name: `layer-${rank}-imports-up-or-sideways`,
  comment: `src/${layer} may import only the layers below it`,
  severity: 'error',
  from: { path: `^src/(${layer})` },
  to: { path: `^src/(${LAYERS.filter((_, other) => other > rank).join('|')})` },
})).slice(0, -1); // the top layer has nothing above it

// Sideways imports cannot happen: every feature folder has a rank of its own, so an import
// between two of them runs up from one side. A file may always import its own folder.
forbidden.push({
  name: 'no-circular',
  comment: 'no import cycles anywhere in src/',
  severity: 'error',
  from: { path: '^src/' },
  to: { circular: true },
});

module.exports = {
  forbidden,
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
