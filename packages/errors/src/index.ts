export type { Helm4ErrorOptions } from './helm4-error.js';
export { Helm4Error, isHelm4Error, wrapError } from './helm4-error.js';
