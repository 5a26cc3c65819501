/**
 * `learning-passport/jwt`: entries as VC-JOSE-COSE JWTs (vc+jwt) and SD-JWT VC for field-level
 * disclosure. Loads jose and `@sd-jwt` only when a function here is first called.
 * @packageDocumentation
 */
export * from './jwt/index.js';
