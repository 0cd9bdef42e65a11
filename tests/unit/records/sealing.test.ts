import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { decrypt, encrypt } from '../../../host/records/crypto/aead.js';
import {
  prepareKeyring,
  readKeyring,
  unlockWaitSeconds,
  unwrapDataKey,
  insertKeyring,
} from '../../../host/records/crypto/keyring.js';
import type { KeyWrapper } from '../../../host/records/crypto/key-wrapper.js';
import { hashPassphrase, verifyPassphrase } from '../../../host/records/crypto/passphrase-hash.js';
import { openIdentity, sealIdentity } from '../../../host/records/crypto/sealed-identity.js';
import { openRecordsDatabase } from '../../../host/records/open-database.js';
import { PSEUDONYM_ALPHABET, randomPseudonym } from '../../../host/records/pseudonym.js';
import { verifyAuditChain } from '../../../host/records/audit.js';
import { WrongPassphraseError, TooManyAttemptsError } from '../../../host/records/errors.js';
import { initialiseRecords, unlockRecords } from '../../../host/records/unlock.js';

beforeAll(() => {
  process.env.INCAMERA_SCRYPT_COST = '10';
});

const admin = { name: 'test', role: 'administrator' as const };

describe('AES-256-GCM sealing', () => {
  const key = randomBytes(32);
  it('round-trips and never contains the plaintext', () => {
    const identity = { name: 'Aigul Sealedname', birthDate: '1990-04-23' };
    const sealed = sealIdentity(key, 1, 'W-7K3Q', identity);
    expect(sealed.includes(Buffer.from('Aigul'))).toBe(false);
    expect(openIdentity(key, 1, 'W-7K3Q', sealed)).toEqual(identity);
  });

  it('refuses a wrong key, an altered blob, or a blob moved to another witness', () => {
    const sealed = sealIdentity(key, 1, 'W-7K3Q', { name: 'A' });
    expect(() => openIdentity(randomBytes(32), 1, 'W-7K3Q', sealed)).toThrow(/could not be opened/);
    expect(() => openIdentity(key, 1, 'W-2222', sealed)).toThrow(/could not be opened/);
    const altered = Buffer.from(sealed);
    altered[altered.length - 1]! ^= 1;
    expect(() => openIdentity(key, 1, 'W-7K3Q', altered)).toThrow(/could not be opened/);
  });

  it('uses a fresh IV each time', () => {
    const plain = Buffer.from('same');
    expect(encrypt(key, plain, 'a').equals(encrypt(key, plain, 'a'))).toBe(false);
    expect(decrypt(key, Buffer.from([9, 9, 9]), 'a')).toBeUndefined();
  });
});

describe('the data key and the court passphrase', () => {
  it('unwraps only with the right passphrase and stores its scrypt cost', async () => {
    const keyring = await prepareKeyring('court passphrase');
    const db = openRecordsDatabase(':memory:');
    insertKeyring(db, keyring);
    const row = readKeyring(db)!;
    expect(row.cost_log2).toBe(10);
    const good = await unwrapDataKey(row, 'court passphrase');
    expect(good.ok && good.dataKey.equals(keyring.dataKey)).toBe(true);
    expect(await unwrapDataKey(row, 'Court passphrase')).toEqual({
      ok: false,
      reason: 'wrong-passphrase',
    });
  });

  it('an extra key wrapper (Electron safeStorage) is required once used', async () => {
    const mask = randomBytes(1)[0]! | 1;
    const wrapper: KeyWrapper = {
      name: 'test-store',
      wrap: (data) => Buffer.from(data.map((byte) => byte ^ mask)),
      unwrap: (data) => Buffer.from(data.map((byte) => byte ^ mask)),
    };
    const keyring = await prepareKeyring('court passphrase', wrapper);
    const db = openRecordsDatabase(':memory:');
    insertKeyring(db, keyring);
    const row = readKeyring(db)!;
    expect(await unwrapDataKey(row, 'court passphrase')).toEqual({
      ok: false,
      reason: 'wrapper-missing',
    });
    const good = await unwrapDataKey(row, 'court passphrase', wrapper);
    expect(good.ok).toBe(true);
  });

  it('a wrong passphrase is audited, changes nothing else, and repeated failures must wait', async () => {
    const db = openRecordsDatabase(':memory:');
    await initialiseRecords(db, ':memory:', 'court passphrase', admin);
    await expect(unlockRecords(db, ':memory:', 'nope', admin)).rejects.toThrow(
      WrongPassphraseError,
    );
    await expect(unlockRecords(db, ':memory:', 'nope', admin)).rejects.toThrow(
      WrongPassphraseError,
    );
    await expect(unlockRecords(db, ':memory:', 'nope', admin)).rejects.toThrow(
      WrongPassphraseError,
    );
    await expect(unlockRecords(db, ':memory:', 'court passphrase', admin)).rejects.toThrow(
      TooManyAttemptsError,
    );
    const actions = db.prepare(`SELECT action FROM audit_log ORDER BY seq`).pluck().all();
    expect(actions).toEqual([
      'records.initialised',
      'records.unlock-failed',
      'records.unlock-failed',
      'records.unlock-failed',
      'records.unlock-throttled',
    ]);
    expect(verifyAuditChain(db).intact).toBe(true);
    db.prepare(`UPDATE keyring SET last_failed_at = 0`).run();
    await expect(unlockRecords(db, ':memory:', 'court passphrase', admin)).resolves.toHaveLength(
      32,
    );
    expect(readKeyring(db)!.failed_attempts).toBe(0);
  });

  it('refuses a court passphrase that is too short', async () => {
    const db = openRecordsDatabase(':memory:');
    await expect(initialiseRecords(db, ':memory:', 'short', admin)).rejects.toThrow(/at least 8/);
    expect(readKeyring(db)).toBeUndefined();
  });

  it('waits grow after the third failure', () => {
    const now = 1_000_000;
    expect(unlockWaitSeconds(2, now, now)).toBe(0);
    expect(unlockWaitSeconds(3, now, now)).toBe(1);
    expect(unlockWaitSeconds(6, now, now)).toBe(8);
    expect(unlockWaitSeconds(30, now, now)).toBe(300);
    expect(unlockWaitSeconds(6, now, now + 9000)).toBe(0);
  });
});

describe('operator passphrases', () => {
  it('are scrypt-hashed with their cost and verified in constant time', async () => {
    const stored = await hashPassphrase('judge passphrase');
    expect(stored).toMatch(/^scrypt\$10\$8\$1\$/);
    expect(stored).not.toContain('judge passphrase');
    expect(await verifyPassphrase('judge passphrase', stored)).toBe(true);
    expect(await verifyPassphrase('judge passphrasE', stored)).toBe(false);
    expect(await verifyPassphrase('x', 'garbage')).toBe(false);
  });
});

describe('pseudonyms', () => {
  it('look like W-7K3Q, use an unambiguous alphabet and vary', () => {
    // 2000 draws from 27^4 codes expect ~3.8 birthday collisions (Poisson); 25 or more has odds ~1e-12.
    const seen = new Set<string>();
    const letterCounts = new Map<string, number>();
    for (let i = 0; i < 2000; i++) {
      const pseudonym = randomPseudonym();
      expect(pseudonym).toMatch(/^W-[2346789ABCDEFGHJKMNPQRTWXYZ]{4}$/);
      seen.add(pseudonym);
      for (const letter of pseudonym.slice(2))
        letterCounts.set(letter, (letterCounts.get(letter) ?? 0) + 1);
    }
    expect(2000 - seen.size).toBeLessThan(25);
    // Each of the 27 symbols is expected ~296 times in 8000; below 200 is over 5.5 standard deviations off.
    for (const letter of PSEUDONYM_ALPHABET)
      expect(letterCounts.get(letter) ?? 0).toBeGreaterThan(200);
    for (const ambiguous of ['0', 'O', '1', 'I', 'L', 'S', '5', 'U', 'V']) {
      expect(PSEUDONYM_ALPHABET).not.toContain(ambiguous);
    }
  });
});
