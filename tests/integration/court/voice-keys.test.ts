/**
 * Each protected witness seat gets its own voice key in its own join answer, and no other seat ever
 * receives it: every message every client receives is scanned for the key, as are the host's log,
 * the audit log and the database file.
 */
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../host/logger';
import type { TestSignallingClient } from '../support/signalling-client';
import { hearingHost, join, produce, seatOf, type Hearing } from './support';

const logLines: string[] = [];
const logSink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    logLines.push(chunk.toString());
    done();
  },
});

type Seat = 'judge' | 'witness' | 'second' | 'prosecutor' | 'defence' | 'accused' | 'observer';
const seats: Seat[] = [
  'judge',
  'witness',
  'second',
  'prosecutor',
  'defence',
  'accused',
  'observer',
];
const clients = new Map<Seat, TestSignallingClient>();
const received = new Map<Seat, string[]>();
const answers = new Map<Seat, unknown>();
let hearing: Hearing;

const keyOf = (answer: unknown) =>
  (answer as { data?: { witnessProtection?: { voiceSeed?: string } } }).data?.witnessProtection
    ?.voiceSeed;
/** The forms a key's bytes could take in a message, a log line or a file. */
const formsOf = (hex: string) => {
  const bytes = Buffer.from(hex, 'hex');
  return [hex, hex.toUpperCase(), bytes.toString('base64'), bytes.toString('base64url')];
};

async function joinSeat(seat: Seat, code: string): Promise<void> {
  const { client, answer } = await join(hearing.host, code);
  expect(answer).toMatchObject({ ok: true });
  // The join answer itself counts as received; then every later message, raw.
  received.set(seat, [...(received.get(seat) ?? []), JSON.stringify(answer)]);
  client.socket.on('message', (raw: Buffer) => received.get(seat)!.push(raw.toString()));
  clients.set(seat, client);
  answers.set(seat, answer);
}

beforeAll(async () => {
  hearing = await hearingHost({
    hearVoice: true,
    secondWitness: true,
    log: createLogger({ level: 'trace', destination: logSink }),
  });
  const { participants, second } = hearing;
  const participantOf = (seat: Seat) =>
    seat === 'second' ? second!.participantId : participants[seat];
  for (const seat of seats) {
    const extra = seat === 'second' ? { witnessId: second!.witnessId } : {};
    await joinSeat(seat, (await hearing.issue(participantOf(seat), extra)).code);
  }
  const judge = clients.get('judge')!;
  const peer = (seat: Seat) => seatOf(answers.get(seat)).self.peerId;
  for (const seat of ['prosecutor', 'defence', 'accused', 'observer'] as const)
    expect(await judge.request('admit', { peerId: peer(seat) })).toMatchObject({ ok: true });
  for (const seat of ['witness', 'second'] as const)
    expect(await judge.request('callWitness', { peerId: peer(seat) })).toMatchObject({ ok: true });
  // Both witnesses send their disguised voice; everyone admitted hears of it.
  expect(await produce(clients.get('witness')!, 'audio', 'processed', 21)).toMatchObject({
    ok: true,
  });
  expect(await produce(clients.get('second')!, 'audio', 'processed', 22)).toMatchObject({
    ok: true,
  });
  await new Promise((r) => setTimeout(r, 300));
}, 60_000);
afterAll(() => hearing?.close());

describe('a voice key per protected witness seat', () => {
  it('gives each witness seat its own key in its own join answer', () => {
    for (const seat of seats)
      if (seat !== 'witness' && seat !== 'second') expect(keyOf(answers.get(seat))).toBeUndefined();
    const first = keyOf(answers.get('witness'));
    const second = keyOf(answers.get('second'));
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(second).toMatch(/^[0-9a-f]{64}$/);
    expect(second).not.toBe(first);
  });

  it('sends a witness key to no other seat, in any message', () => {
    // Everyone heard of the hearing and of the witnesses' voices being sent.
    for (const seat of seats) expect(received.get(seat)!.join('\n')).toContain('hearingState');
    expect(received.get('prosecutor')!.join('\n')).toContain('newProducer');
    for (const owner of ['witness', 'second'] as const) {
      const key = keyOf(answers.get(owner))!;
      for (const seat of seats) {
        if (seat === owner) continue;
        const text = received.get(seat)!.join('\n');
        for (const form of formsOf(key))
          expect(text, `${seat} got ${owner}'s key`).not.toContain(form);
      }
      // The owner's join answer is the only message that carries it.
      expect(received.get(owner)!.filter((m) => m.includes(key))).toHaveLength(1);
    }
  });

  it('keeps the key out of the log, the audit log and the database file', () => {
    const db = hearing.host.context.records!.db;
    const audit = JSON.stringify(db.prepare(`SELECT * FROM audit_log`).all());
    const drawn = db
      .prepare(`SELECT detail FROM audit_log WHERE action = 'session.voice-key-drawn'`)
      .all() as { detail: string }[];
    expect(drawn.map((row) => JSON.parse(row.detail).why)).toEqual(['first', 'first']);
    const logs = logLines.join('');
    expect(logs).toContain('room.peer-joined');
    const file = Buffer.concat([
      readFileSync(hearing.dbPath),
      readFileSync(`${hearing.dbPath}-wal`),
    ]);
    for (const owner of ['witness', 'second'] as const) {
      const key = keyOf(answers.get(owner))!;
      for (const form of formsOf(key)) {
        expect(logs).not.toContain(form);
        expect(audit).not.toContain(form);
        expect(file.includes(form)).toBe(false);
      }
      expect(file.includes(Buffer.from(key, 'hex'))).toBe(false);
    }
    expect(db.prepare(`SELECT count(*) AS n FROM live_voice_keys`).get()).toEqual({ n: 2 });
  });

  it('keeps the same key for a code re-issued to the same witness', async () => {
    const before = keyOf(answers.get('witness'));
    clients.get('witness')!.close();
    await joinSeat('witness', (await hearing.issue(hearing.participants.witness)).code);
    expect(keyOf(answers.get('witness'))).toBe(before);
  });
});
