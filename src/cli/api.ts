// Everything the command line uses from the library, from every public entry point: the CLI is
// a user of the published API (root and subpaths), never of the internals behind them.
export * from '../index.js';
export * from '../verify.js';
export * from '../trust.js';
export * from '../present.js';
export * from '../jwt.js';
export * from '../qr.js';
export * from '../kinds.js';
