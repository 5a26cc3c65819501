/**
 * `learning-passport/kinds`: the 17 entry kinds (their zod field schemas, definitions and
 * derived tables), the credential reader (subject, kind, issuer, learning-passport fields),
 * schema checks, the prohibited-data firewall and the VC 2.0 entry credential schema.
 * @packageDocumentation
 */
export * from './entries/index.js';
