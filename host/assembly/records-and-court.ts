/** The parts that hold the court's data: the records database and the hearings in session. */
import { CourtHearings } from '../court/court-hearings.js';
import type { GalleryFeeds } from '../gallery/feeds.js';
import { galleryControls } from '../gallery/session-control.js';
import { LiveStateStore, loadOrCreateSessionKey } from '../court/live-state.js';
import { recordingsRootFor } from '../recording/layout.js';
import { RecordsRuntime } from '../records/records-runtime.js';
import { createMediaRoom } from '../session/index.js';
import { prepareTrainingRecords } from '../training/training-database.js';
import type { HostPlan } from './host-options.js';

/** The records database (created if missing), prepared for training on a training host. */
export async function openHostRecords(plan: HostPlan): Promise<RecordsRuntime | undefined> {
  if (!plan.records) return undefined;
  const records = RecordsRuntime.open(plan.records.path, plan.records.keyWrapper);
  if (!plan.training) return records;
  try {
    await prepareTrainingRecords(records);
    return records;
  } catch (error) {
    records.close();
    throw error;
  }
}

/**
 * Real hearings: the court's hearings decide who joins, each hearing in its own room on its own
 * router; a lab host (its own policy) and a host without records have no court.
 */
export function openCourtHearings(
  plan: HostPlan,
  records: RecordsRuntime | undefined,
  gallery?: GalleryFeeds,
): CourtHearings | undefined {
  if (!records || !plan.records || plan.labHost) return undefined;
  const store = new LiveStateStore(records.db, loadOrCreateSessionKey(plan.records.dataDir));
  return new CourtHearings(
    records.db,
    plan.log.child({ area: 'court' }),
    store,
    (policy, roomLog) => createMediaRoom(plan.media, policy, roomLog),
    {
      recordingsRoot: recordingsRootFor(records.path),
      signInGuard: records.signInGuard,
      ...(gallery ? { gallery: galleryControls(gallery) } : {}),
    },
  );
}
