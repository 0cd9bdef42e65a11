import type { Migration } from './registry.js';

/**
 * Keys the audit chain and the evidence to the court key. Each entry gets an HMAC seal (NULL while
 * written with the records locked, sealed at the next unlock); audit_head remembers the last sealed
 * entry under its own HMAC, so a chain recomputed without the court key no longer passes. The keyring
 * gains the court's Ed25519 evidence-signing key and its X25519 key for closed-session media: the
 * public halves in clear, the private halves sealed with the court's data key. Existing chains start unsealed and are sealed at their first unlock.
 */
export const keyAuditChain: Migration = {
  version: 16,
  name: '0016-key-audit-chain',
  up(db) {
    db.exec(`
      ALTER TABLE audit_log ADD COLUMN mac TEXT;
      ALTER TABLE audit_head ADD COLUMN keyed_seq INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE audit_head ADD COLUMN keyed_mac TEXT;
      ALTER TABLE keyring ADD COLUMN signing_public_key BLOB;
      ALTER TABLE keyring ADD COLUMN signing_private_key BLOB;
      ALTER TABLE keyring ADD COLUMN sealing_public_key BLOB;
      ALTER TABLE keyring ADD COLUMN sealing_private_key BLOB;
    `);
  },
};
