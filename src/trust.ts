/**
 * `learning-passport/trust`: trust without a central database. Policies and roots,
 * accreditations and their withdrawal, trust contexts, key history, status lists, trust lists,
 * who may act on an entry, and evaluateTrust.
 * @packageDocumentation
 */
export * from './trust/index.js';
