/**
 * Unlocking the records keys this process's audit log: from then on every entry is sealed as it is
 * written, and the entries written while the records were locked (failed sign-ins, a hearing run
 * before unlock) are sealed now, provided their hash chain is still intact. Sealing them is itself
 * an audit entry, so who vouched for which entries is on the record.
 */
import { appendAudit } from './audit.js';
import { sealPendingEntries } from './audit-chain.js';
import { forgetAuditKey, rememberAuditKey } from './audit-key.js';
import { auditedBy, type Actor } from './actor.js';
import type { WritableDB } from './db-types.js';

export function keyAuditLog(db: WritableDB, dataKey: Buffer, actor: Actor): void {
  const key = rememberAuditKey(db, dataKey);
  try {
    db.transaction(() => {
      const sealed = sealPendingEntries(db, key);
      if (sealed)
        appendAudit(db, {
          ...auditedBy(actor),
          action: 'audit.sealed',
          detail: sealed,
        });
    }).immediate();
  } catch (error) {
    forgetAuditKey(db);
    throw error;
  }
}
