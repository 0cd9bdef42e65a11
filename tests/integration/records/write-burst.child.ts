/**
 * Child process for the crash test: registers witnesses as fast as it can and prints each id only
 * after its transaction committed. The parent kills it with SIGKILL mid-burst.
 */
import { openRecordsDatabase } from '../../../host/records/open-database.js';
import { findCaseByNumber, insertCase } from '../../../host/records/queries/cases.js';
import { unlockRecords } from '../../../host/records/unlock.js';
import { registerWitness } from '../../../host/records/witness-records.js';
import { appendAudit } from '../../../host/records/audit.js';

const [path, passphrase] = process.argv.slice(2) as [string, string];
const db = openRecordsDatabase(path);
const clerk = { name: 'burst-clerk', role: 'clerk' as const };
const dataKey = await unlockRecords(db, path, passphrase, clerk);
const caseId =
  findCaseByNumber(db, 'CR-CRASH')?.id ??
  insertCase(db, {
    number: 'CR-CRASH',
    court: 'Test court',
    offenceCategory: 'trafficking-in-persons',
  }).id;
process.stdout.write('ready\n');
for (let i = 0; ; i++) {
  const { id, pseudonym } = registerWitness(db, dataKey, clerk, {
    caseId,
    identity: { name: `Crash Witness ${i}`, notes: 'x'.repeat(200) },
    measures: {
      voicePreset: 'strong',
      faceStyle: 'solid',
      pseudonym: true,
      closedSession: true,
      screenedFromRoles: ['accused'],
      screenedFromParticipantIds: [],
      screenedMayHearVoice: true,
      supportPerson: undefined,
      publicFeedDelayMinutes: 30,
      orderReference: `ORD-${i}`,
      orderDate: undefined,
    },
  });
  appendAudit(db, {
    actor: clerk.name,
    actorRole: clerk.role,
    action: 'burst.tick',
    subjectType: 'witness',
    subjectId: id,
  });
  process.stdout.write(`committed ${id} ${pseudonym}\n`);
}
