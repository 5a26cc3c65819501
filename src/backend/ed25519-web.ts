// The default backend outside Node: WebCrypto Ed25519 where the runtime has it, otherwise
// @noble/ed25519. The choice is made once, on first use, so importing costs nothing.
import { nobleBackend } from './noble.js';
import type { CryptoBackend } from './types.js';
import { webcryptoBackend, webcryptoHasEd25519 } from './webcrypto.js';

let chosen: CryptoBackend | undefined;
async function pick(): Promise<CryptoBackend> {
  chosen ??= (await webcryptoHasEd25519()) ? webcryptoBackend : nobleBackend;
  return chosen;
}

/** WebCrypto when it supports Ed25519, else @noble/ed25519. */
export const backend: CryptoBackend = {
  get name() {
    return chosen?.name ?? 'webcrypto';
  },
  async sha256(data) {
    return webcryptoBackend.sha256(data);
  },
  randomBytes(length) {
    return webcryptoBackend.randomBytes(length);
  },
  async getPublicKey(seed) {
    return (await pick()).getPublicKey(seed);
  },
  async sign(seed, message) {
    return (await pick()).sign(seed, message);
  },
  async importPublicKey(publicKey) {
    return (await pick()).importPublicKey(publicKey);
  },
  async verify(key, signature, message) {
    return (await pick()).verify(key, signature, message);
  },
};
