import type { HostContext } from '../context.js';
import { createAppHandlers } from '../app/app-handlers.js';
import { createCourtHandlers } from '../court/court-handlers.js';
import { createNetHandlers } from '../net/net-handlers.js';
import { createEvidenceHandlers } from '../evidence/evidence-handlers.js';
import { createPreferencesHandlers } from '../preferences/preferences-handlers.js';
import { createRecordsHandlers } from '../records/records-handlers.js';
import { createTrainingHandlers } from '../training/training-handlers.js';
import type { ApiHandlers } from './dispatch.js';

/** Every API channel's implementation: each domain contributes its handlers here. */
export function createApiHandlers(context: HostContext): ApiHandlers {
  return {
    ...createAppHandlers(context),
    ...createRecordsHandlers(context),
    ...createCourtHandlers(context),
    ...createNetHandlers(context),
    ...createTrainingHandlers(context),
    ...createEvidenceHandlers(context),
    ...createPreferencesHandlers(context),
  };
}
