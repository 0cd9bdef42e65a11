import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Seat } from '../../../host/court/court-policy.js';
import { LiveStateStore } from '../../../host/court/live-state.js';
import {
  WitnessProtections,
  type ProtectedHearing,
} from '../../../host/court/witness-protection.js';
import type { WritableDB } from '../../../host/records/db-types.js';
import { migrations } from '../../../host/records/migrations/index.js';
import { runPendingMigrations } from '../../../host/records/migrations/registry.js';

function hearingDb(): WritableDB {
  const db = new Database(':memory:') as WritableDB;
  db.pragma('foreign_keys = ON');
  runPendingMigrations(db, migrations);
  db.exec(`
    INSERT INTO cases (id, number, court, offence_category, created_at) VALUES (1, 'T-1', 'C', 'other', 'x');
    INSERT INTO hearings (id, case_id, scheduled_at, courtroom, created_at)
      VALUES (1, 1, 'x', 'r', 'x');
    INSERT INTO participants (id, hearing_id, role, display_name, created_at) VALUES
      (1, 1, 'witness', 'W one', 'x'), (2, 1, 'witness', 'W two', 'x');
    INSERT INTO witnesses (id, case_id, pseudonym, sealed_identity, created_at, updated_at)
      VALUES (7, 1, 'W-AB23', x'00', 'x', 'x'), (8, 1, 'W-CD46', x'00', 'x', 'x');
  `);
  return db;
}

const seat = (participantId: number): Seat => ({
  participantId,
  peerId: `p${participantId}`,
  role: 'witness',
  recordsRole: 'witness',
  displayName: 'W',
  status: 'waiting',
  connected: false,
  muted: false,
  removed: false,
});

describe('the witness protection a seat is told on joining', () => {
  const db = hearingDb();
  const sessionKey = randomBytes(32);
  const audits: { action: string; detail: Record<string, unknown> }[] = [];
  const hearing: ProtectedHearing = {
    hearingId: 1,
    protections: new Map([['p1', { faceStyle: 'pixelate', voicePreset: 'strong' }]]),
    witnessLinks: new Map([['p1', 7]]),
  };
  const open = (key: Buffer) =>
    new WitnessProtections(db, new LiveStateStore(db, key), 1, (action, detail) =>
      audits.push({ action, detail }),
    );
  const protections = open(sessionKey);

  it("carries the order's concealment and the seat's key, drawn once and audited without it", () => {
    const first = protections.forSeat(hearing, seat(1));
    expect(first).toEqual({
      faceStyle: 'pixelate',
      voicePreset: 'strong',
      voiceSeed: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(protections.forSeat(hearing, seat(1))).toEqual(first);
    expect(open(sessionKey).forSeat(hearing, seat(1))).toEqual(first);
    expect(audits).toEqual([
      { action: 'session.voice-key-drawn', detail: { participantId: 1, why: 'first' } },
    ]);
    expect(JSON.stringify(audits)).not.toContain(first.voiceSeed);
  });

  it('gives a seat with no order the strongest defaults and a key of its own', () => {
    const other = protections.forSeat(hearing, seat(2));
    expect(other).toMatchObject({ faceStyle: 'solid', voicePreset: 'standard' });
    expect(other.voiceSeed).not.toBe(protections.forSeat(hearing, seat(1)).voiceSeed);
  });

  it('draws a new key when another witness is linked to the seat, or the old key cannot be opened', () => {
    const before = protections.forSeat(hearing, seat(1)).voiceSeed;
    hearing.witnessLinks.set('p1', 8);
    const relinked = protections.forSeat(hearing, seat(1)).voiceSeed;
    expect(relinked).not.toBe(before);
    const reopened = open(randomBytes(32)).forSeat(hearing, seat(1)).voiceSeed;
    expect(reopened).not.toBe(relinked);
    expect(audits.slice(-2).map((a) => a.detail.why)).toEqual(['relinked', 'unreadable']);
  });
});
