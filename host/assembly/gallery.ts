/** The hearings' public feeds, built once records are open; running feeds resume here. */
import { dirname, join } from 'node:path';
import { GalleryFeeds } from '../gallery/feeds.js';
import { recordingsRootFor } from '../recording/layout.js';
import type { RecordsRuntime } from '../records/records-runtime.js';
import { resolveFfmpeg } from '../tools/ffmpeg.js';
import type { HostPlan } from './host-options.js';

export const galleryRootFor = (dbPath: string) => join(dirname(dbPath), 'gallery');

export async function openGalleryFeeds(
  plan: HostPlan,
  records: RecordsRuntime | undefined,
): Promise<GalleryFeeds | undefined> {
  if (!records || plan.labHost) return undefined;
  return GalleryFeeds.open({
    db: records.db,
    recordingsRoot: recordingsRootFor(records.path),
    feedsRoot: galleryRootFor(records.path),
    ffmpeg: () => resolveFfmpeg(),
    log: plan.log.child({ area: 'gallery' }),
    training: plan.training,
  });
}
