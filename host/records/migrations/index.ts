import { createCases } from './0001-create-cases.js';
import { createHearings } from './0002-create-hearings.js';
import { createParticipants } from './0003-create-participants.js';
import { createWitnesses } from './0004-create-witnesses.js';
import { createProtectiveOrders } from './0005-create-protective-orders.js';
import { createOperators } from './0006-create-operators.js';
import { createKeyring } from './0007-create-keyring.js';
import { createAuditLog } from './0008-create-audit-log.js';
import { createJoinCodes } from './0009-create-join-codes.js';
import { createLiveSessions } from './0010-create-live-sessions.js';
import { createWitnessRoomChecks } from './0011-create-witness-room-checks.js';
import { createRedactions } from './0012-create-redactions.js';
import { addOperatorLanguage } from './0013-add-operator-language.js';
import { addSilhouetteAndNoPicture } from './0014-add-silhouette-and-no-picture.js';
import { createLiveVoiceKeys } from './0015-create-live-voice-keys.js';
import { keyAuditChain } from './0016-key-audit-chain.js';
import { createCourtProfile } from './0017-create-court-profile.js';
import { createPracticeCalls } from './0018-create-practice-calls.js';
import { createGalleryLinks } from './0019-create-gallery-links.js';
import { hearingLifecycleAndOrderVersions } from './0020-hearing-lifecycle-and-order-versions.js';
import { courtTimeZone } from './0021-court-time-zone.js';
import { dropOldHearingStatus } from './0022-drop-old-hearing-status.js';
import { checkMigrationOrder, latestVersion, type Migration } from './registry.js';

/** Every migration, in order. A new one is a new file, appended here. */
export const migrations: readonly Migration[] = [
  createCases,
  createHearings,
  createParticipants,
  createWitnesses,
  createProtectiveOrders,
  createOperators,
  createKeyring,
  createAuditLog,
  createJoinCodes,
  createLiveSessions,
  createWitnessRoomChecks,
  createRedactions,
  addOperatorLanguage,
  addSilhouetteAndNoPicture,
  createLiveVoiceKeys,
  keyAuditChain,
  createCourtProfile,
  createPracticeCalls,
  createGalleryLinks,
  hearingLifecycleAndOrderVersions,
  courtTimeZone,
  dropOldHearingStatus,
];
checkMigrationOrder(migrations);

export const LATEST_SCHEMA_VERSION = latestVersion(migrations);
