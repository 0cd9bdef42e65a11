/** A host with a real records database and one hearing: judge, witness, counsel, accused, observer. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { expect } from 'vitest';
import { startHost, type RunningHost } from '../../../host/index';
import type { HostLimits } from '../../../host/limits';
import { silentLogger, type Logger } from '../../../host/logger';
import { addOperator } from '../../../host/records/operators';
import { insertParticipant } from '../../../host/records/queries/hearings';
import { registerWitness } from '../../../host/records/witness-records';
import { routerRtpCapabilities } from '../../../host/sfu/rtp-capabilities';
import { connectTestClient, type TestSignallingClient } from '../support/signalling-client';
import { addProtectedHearing, newRecordsDatabase } from '../../../scripts/lib/records-db-fixture';

export type Hearing = {
  host: RunningHost;
  /** The UI build folder the host serves (empty; a test may put files in it). */
  staticDir: string;
  dbPath: string;
  hearingId: number;
  participants: Record<
    'judge' | 'witness' | 'prosecutor' | 'defence' | 'accused' | 'observer',
    number
  >;
  clerkToken: string;
  second: PreparedHearing['second'];
  issue(
    participantId: number,
    extra?: Record<string, unknown>,
  ): Promise<{ id: number; code: string }>;
  dbText(): string;
  close(): Promise<void>;
};

export type PreparedHearing = {
  dbPath: string;
  hearingId: number;
  participants: Hearing['participants'];
  witnessId: number;
  /** With `secondWitness`: another protected witness of the case, a participant of the hearing. */
  second?: { participantId: number; witnessId: number };
};

const measures = {
  pseudonym: true,
  closedSession: false,
  supportPerson: undefined,
  publicFeedDelayMinutes: null,
  orderReference: undefined,
  orderDate: undefined,
} as const;

export const JUDGE_OPERATOR = { operator: 'Judge Bakyt', passphrase: 'judge passphrase' };
export const CLERK_OPERATOR = { operator: 'Clerk Asel', passphrase: 'clerk passphrase' };

/** The judge's seat runs the hearing only once a judge operator has signed in on it. */
export async function signInJudgeSeat(client: TestSignallingClient): Promise<void> {
  expect(await client.request('signInJudge', JUDGE_OPERATOR)).toMatchObject({ ok: true });
}

/** A records database with one case, one hearing and its six participants (witness registered). */
export async function prepareHearingDb(options: {
  hearVoice: boolean;
  secondWitness?: boolean;
}): Promise<PreparedHearing> {
  const { dbPath, db, key } = await newRecordsDatabase('incamera-court-');
  const {
    caseId,
    hearingId,
    seats: participants,
    witness,
  } = addProtectedHearing(db, key, {
    caseNumber: 'CR-2026/6',
    courtroom: '3',
    seats: {
      judge: ['judge', 'Judge Bakyt'],
      witness: ['witness', 'Witness'],
      prosecutor: ['prosecutor', 'Prosecutor Aida'],
      defence: ['defence-counsel', 'Defence Timur'],
      accused: ['accused', 'Accused Marat'],
      observer: ['observer', 'Trainee Dana'],
    },
    identity: { name: 'Secret Name' },
    order: (seats) => ({
      voicePreset: 'strong',
      faceStyle: 'pixelate',
      screenedFromRoles: ['accused'],
      screenedFromParticipantIds: [seats.observer],
      screenedMayHearVoice: options.hearVoice,
    }),
  });
  const add = (role: Parameters<typeof insertParticipant>[1]['role'], name: string) =>
    insertParticipant(db, { hearingId, role, displayName: name }).id;
  const second = options.secondWitness
    ? {
        participantId: add('witness', 'Second witness'),
        witnessId: registerWitness(
          db,
          key,
          { name: 'clerk', role: 'clerk' },
          {
            caseId,
            identity: { name: 'Other Secret' },
            measures: {
              ...measures,
              voicePreset: 'standard',
              faceStyle: 'solid',
              screenedFromRoles: ['accused'],
              screenedFromParticipantIds: [],
              screenedMayHearVoice: true,
            },
          },
        ).id,
      }
    : undefined;
  const admin = { name: 'setup', role: 'administrator' as const };
  await addOperator(db, admin, {
    name: JUDGE_OPERATOR.operator,
    role: 'judge',
    passphrase: JUDGE_OPERATOR.passphrase,
  });
  await addOperator(db, admin, {
    name: CLERK_OPERATOR.operator,
    role: 'clerk',
    passphrase: CLERK_OPERATOR.passphrase,
  });
  db.close();

  return { dbPath, hearingId, participants, witnessId: witness.id, ...(second ? { second } : {}) };
}

export async function hearingHost(options: {
  hearVoice: boolean;
  secondWitness?: boolean;
  lan?: boolean;
  limits?: Partial<HostLimits>;
  log?: Logger;
}): Promise<Hearing> {
  const prepared = await prepareHearingDb(options);
  const { dbPath, hearingId, participants, witnessId } = prepared;
  const staticDir = mkdtempSync(joinPath(tmpdir(), 'incamera-ui-'));
  const host = await startHost({
    port: 0,
    staticDir,
    version: '9.9.9',
    shell: 'headless',
    log: options.log ?? silentLogger(),
    records: { path: dbPath },
    ...(options.lan ? { lan: { host: '127.0.0.1', port: 0 } } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
  });
  const clerkToken = host.context.records!.sessions.open({
    name: 'Clerk Asel',
    role: 'clerk',
  }).token;
  let linkedWitness = false;
  return {
    host,
    staticDir,
    dbPath,
    hearingId,
    participants,
    clerkToken,
    second: prepared.second,
    async issue(participantId, extra = {}) {
      const needsWitness = participantId === participants.witness && !linkedWitness;
      const result = await host.dispatch(
        'court:issue-code',
        {
          participantId,
          linkBase: host.url,
          ...(needsWitness ? { witnessId } : {}),
          ...extra,
        },
        { sessionToken: clerkToken },
      );
      if (!result.ok) throw new Error(result.error.message);
      if (needsWitness) linkedWitness = true;
      return result.data as { id: number; code: string };
    },
    dbText: () => readFileSync(dbPath, 'latin1') + readFileSync(`${dbPath}-wal`, 'latin1'),
    close: () => host.close(),
  };
}

/** Joins with a code; a judge's seat is signed in by the judge operator unless `signIn` is false. */
export async function join(
  host: RunningHost,
  code: string,
  seatToken?: string,
  options: { signIn?: boolean } = {},
): Promise<{
  client: TestSignallingClient;
  answer: Awaited<ReturnType<TestSignallingClient['request']>>;
}> {
  const client = await connectTestClient(host.url);
  const answer = await client.request('join', { token: code, ...(seatToken ? { seatToken } : {}) });
  if (answer.type === 'response' && answer.ok) {
    expect(
      await client.request('setRtpCapabilities', { rtpCapabilities: routerRtpCapabilities }),
    ).toMatchObject({ ok: true });
    if (seatOf(answer).self.role === 'judge' && options.signIn !== false)
      await signInJudgeSeat(client);
  }
  return { client, answer };
}

export const seatOf = (answer: unknown) =>
  (answer as { data: { seatToken: string; self: { peerId: string; role: string } } }).data;

export async function produce(
  client: TestSignallingClient,
  kind: 'audio' | 'video',
  source: string,
  ssrc: number,
) {
  const send = await client.request('createWebRtcTransport', { direction: 'send' });
  const transportId = (send as { data: { id: string } }).data.id;
  return client.request('produce', {
    transportId,
    kind,
    rtpParameters:
      kind === 'video'
        ? {
            codecs: [{ mimeType: 'video/VP8', payloadType: 96, clockRate: 90000 }],
            encodings: [{ ssrc }],
          }
        : {
            codecs: [{ mimeType: 'audio/opus', payloadType: 111, clockRate: 48000, channels: 2 }],
            encodings: [{ ssrc }],
          },
    appData: { source },
  });
}

export const isNotification = (name: string) => (m: { type: string; name?: string }) =>
  m.type === 'notification' && m.name === name;
