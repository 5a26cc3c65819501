// jose is needed only by the JOSE formats (VC-JWT, VP-JWT, SD-JWT key binding) and by key files.
// Importing it costs ~35 ms in Node and ~20 KB gzipped in a browser bundle, so it is loaded on
// first use from inside the async functions that need it, never at import of the library.
type JoseLib = typeof import('./jose-lib.js');

let jose: Promise<JoseLib> | undefined;

/** The jose functions the library uses, imported once on first use. */
export function loadJose(): Promise<JoseLib> {
  return (jose ??= import('./jose-lib.js'));
}
