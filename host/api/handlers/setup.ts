import { auditedBy } from '../../records/actor.js';
import { appendAudit } from '../../records/audit.js';
import { safetySheet, setUpCourt } from '../../records/court-setup.js';
import { readCourtTimeZone, setCourtTimeZone } from '../../records/queries/court-profile.js';
import type { ApiHandlers } from '../checked-call.js';

/**
 * The first run: sets up the court's records and first operators, then keeps the new data key, so
 * the records are unlocked for this host run as after `records:unlock` and the clerk signs in at once.
 */
export function createSetupHandlers(): Pick<
  ApiHandlers,
  'records:setup' | 'records:safety-sheet' | 'records:set-time-zone'
> {
  return {
    'records:setup': async (request, { records }) => {
      const { dataKey, sheet } = await setUpCourt(
        records.db,
        records.path,
        request,
        records.keyWrapper,
      );
      records.setDataKey(dataKey);
      return sheet;
    },
    'records:safety-sheet': (_request, { records }) => safetySheet(records.db, records.path),
    'records:set-time-zone': ({ timeZone }, { records, actor }) => {
      records.db.transaction(() => {
        const from = readCourtTimeZone(records.db);
        setCourtTimeZone(records.db, timeZone);
        appendAudit(records.db, {
          ...auditedBy(actor),
          action: 'court.time-zone-set',
          detail: { from, to: timeZone },
        });
      })();
      return { timeZone };
    },
  };
}
