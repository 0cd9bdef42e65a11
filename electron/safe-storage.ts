import { safeStorage } from 'electron';
import type { KeyWrapper } from '../host/records/crypto/key-wrapper.js';

/**
 * Wraps the records data key once more with the OS key store (Keychain, DPAPI, libsecret), so a
 * copied database file is useless on another computer even with the court passphrase. Only used
 * when the OS offers real encryption.
 */
export function safeStorageKeyWrapper(): KeyWrapper | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
    return undefined;
  }
  return {
    name: 'electron-safe-storage',
    wrap: (data) => safeStorage.encryptString(data.toString('base64')),
    unwrap: (data) => Buffer.from(safeStorage.decryptString(data), 'base64'),
  };
}
