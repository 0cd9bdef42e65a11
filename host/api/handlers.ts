import type { HostContext } from './context.js';
import type { ApiHandlers } from './checked-call.js';
import { createAppHandlers } from './handlers/app.js';
import { createCourtHandlers } from './handlers/court.js';
import { createEvidenceHandlers } from './handlers/evidence.js';
import { createGalleryHandlers } from './handlers/gallery.js';
import { createLifecycleHandlers } from './handlers/lifecycle.js';
import { createNetHandlers } from './handlers/net.js';
import { createPreferencesHandlers } from './handlers/preferences.js';
import { createRecordsHandlers } from './handlers/records.js';
import { createSetupHandlers } from './handlers/setup.js';
import { createTrainingHandlers } from './handlers/training.js';

/** Every API channel's implementation: each domain contributes its handlers here. */
export function createApiHandlers(context: HostContext): ApiHandlers {
  return {
    ...createAppHandlers(context),
    ...createRecordsHandlers(),
    ...createSetupHandlers(),
    ...createCourtHandlers(context),
    ...createLifecycleHandlers(context),
    ...createNetHandlers(context),
    ...createTrainingHandlers(context),
    ...createEvidenceHandlers(context),
    ...createGalleryHandlers(context),
    ...createPreferencesHandlers(),
  };
}
