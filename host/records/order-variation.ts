/**
 * A judge varies a witness's protective order: the new version (with the varying order's reference
 * and date) becomes the current order, the earlier versions stay, and the audit names the version.
 */
import { coded } from '../../contract/errors/codes.js';
import type { ProtectiveMeasures } from '../../contract/records/schemas.js';
import { NotFoundError } from '../errors.js';
import { auditedBy, type Actor } from './actor.js';
import { appendAudit } from './audit.js';
import type { WritableDB } from './db-types.js';
import { insertOrderVersion, saveCurrentOrder } from './queries/order-versions.js';
import { findWitness } from './queries/witnesses.js';

export function varyOrder(
  db: WritableDB,
  actor: Actor,
  witnessId: number,
  measures: ProtectiveMeasures,
): { version: number } {
  return db
    .transaction(() => {
      if (!findWitness(db, witnessId)) throw new NotFoundError(coded('order.witness-not-found'));
      saveCurrentOrder(db, witnessId, measures);
      const version = insertOrderVersion(db, {
        witnessId,
        measures,
        madeBy: actor.name,
        madeAt: new Date().toISOString(),
      });
      appendAudit(db, {
        ...auditedBy(actor),
        action: 'order.varied',
        subjectType: 'witness',
        subjectId: witnessId,
        detail: {
          version,
          orderReference: measures.orderReference ?? null,
          orderDate: measures.orderDate ?? null,
          faceStyle: measures.faceStyle,
          voicePreset: measures.voicePreset,
          closedSession: measures.closedSession,
        },
      });
      return { version };
    })
    .immediate();
}
