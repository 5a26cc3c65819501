/**
 * `learning-passport/present`: sharing with employers and others. Audience selection, the
 * privacy linter, Data Integrity and vp+jwt presentations, identity objects and the print pack.
 * @packageDocumentation
 */
export * from './present/index.js';
