// The public surface of @helm4/provenance. Importing it has no side effects; it does load openpgp.js (~70 ms),
// so the CLI imports this package lazily, only for commands that sign or verify.
export { PROVENANCE_CODES, type ProvenanceCode } from './codes.js';
export { digestFile, provenanceDigest } from './digest.js';
export { defaultKeyringPath, type Keyring, type KeyringKey, readKeyring } from './keyring/keyring.js';
export {
  decryptSigningKey,
  type PassphraseSource,
  type PassphraseStdin,
  readPassphraseFile,
} from './keyring/passphrase.js';
export { selectSigningKey } from './keyring/select-key.js';
export type { ProvenanceMetadata } from './message/go-metadata.js';
export { type MessageBlock, marshalPluginMetadata, parseMessageBlock } from './message/message-block.js';
export { provenanceMessage, type SignProvenanceOptions, signProvenance } from './sign/sign-provenance.js';
export {
  type ProvenanceVerification,
  type VerifyProvenanceOptions,
  verifyProvenance,
} from './verify/verify-provenance.js';
