/**
 * The clerk's hearing tabs through the real host and a real records file: today's, upcoming and
 * past hearings by the court's calendar, each in the order its tab needs, so a court with more
 * hearings than the limit still sees its newest; plus one hearing or case by id for the pages.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiChannel } from '../../../contract/api.js';
import { startHost, type RunningHost } from '../../../host/index.js';
import { silentLogger } from '../../../host/logger.js';
import { openRecordsDatabase } from '../../../host/records/open-database.js';
import { insertCase } from '../../../host/records/queries/cases.js';
import { insertHearing, localDate } from '../../../host/records/queries/hearings.js';
import { tempDir } from './support.js';

/* Replies are read loosely here; the contract's zod schemas type them in the app. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

let host: RunningHost;
let caseIds: { busy: number; other: number };
const today = localDate(new Date());
const dayOffset = (days: number) => {
  const at = new Date();
  at.setDate(at.getDate() + days);
  return localDate(at);
};

beforeAll(async () => {
  const dbPath = join(tempDir(), 'tabs.db');
  const db = openRecordsDatabase(dbPath);
  const busy = insertCase(db, { number: 'CR-BUSY', court: 'City Court', offenceCategory: 'other' });
  const other = insertCase(db, { number: 'CR-7', court: 'Oblast Court', offenceCategory: 'other' });
  caseIds = { busy: busy.id, other: other.id };
  const add = (caseId: number, scheduledAt: string, courtroom = 'Room 1') =>
    insertHearing(db, { caseId, scheduledAt, courtroom });
  db.transaction(() => {
    // 520 past hearings, one a day going back: more than the old list's 500, oldest first.
    for (let day = 520; day >= 1; day--) add(busy.id, `${dayOffset(-day)}T09:00`);
    add(busy.id, `${today}T15:30`, 'Room 2');
    add(other.id, `${today}T08:00`, 'Room 3');
    add(other.id, `${dayOffset(30)}T10:00`);
    add(busy.id, `${dayOffset(1)}T11:00`);
    add(busy.id, `${dayOffset(2)}T00:00`);
  })();
  db.close();
  host = await startHost({
    port: 0,
    staticDir: tempDir(),
    version: 'test',
    shell: 'headless',
    log: silentLogger(),
    records: { path: dbPath },
  });
});

afterAll(() => host?.close());

async function call(channel: ApiChannel, request: unknown): Promise<Loose> {
  const sessionToken = host.context.records!.sessions.open({ name: 'Clerk', role: 'clerk' }).token;
  const result = await host.dispatch(channel, request, { sessionToken });
  if (!result.ok) throw Object.assign(new Error(result.error.code), { error: result.error });
  return result.data;
}

const times = (hearings: Loose[]) => hearings.map((h: Loose) => h.scheduledAt);

describe('hearings:list by tab', () => {
  it("lists today's hearings soonest first, and only today's", async () => {
    expect(times(await call('hearings:list', { when: 'today' }))).toEqual([
      `${today}T08:00`,
      `${today}T15:30`,
    ]);
  });

  it('lists upcoming hearings soonest first, from tomorrow midnight on', async () => {
    expect(times(await call('hearings:list', { when: 'upcoming' }))).toEqual([
      `${dayOffset(1)}T11:00`,
      `${dayOffset(2)}T00:00`,
      `${dayOffset(30)}T10:00`,
    ]);
  });

  it('lists past hearings most recent first, so the limit drops the oldest, not the newest', async () => {
    const past = times(await call('hearings:list', { when: 'past' }));
    expect(past).toHaveLength(500);
    expect(past[0]).toBe(`${dayOffset(-1)}T09:00`);
    expect(past[499]).toBe(`${dayOffset(-500)}T09:00`);
    const few = times(await call('hearings:list', { when: 'past', limit: 3 }));
    expect(few).toEqual([-1, -2, -3].map((d) => `${dayOffset(d)}T09:00`));
  });

  it('searches within a tab and keeps to one case when asked', async () => {
    const room3 = await call('hearings:list', { when: 'today', query: 'Room 3' });
    expect(room3.map((h: Loose) => h.caseNumber)).toEqual(['CR-7']);
    const ofCase = await call('hearings:list', { caseId: caseIds.other });
    expect(times(ofCase)).toEqual([`${today}T08:00`, `${dayOffset(30)}T10:00`]);
    expect(await call('hearings:list', { when: 'past', caseId: caseIds.other })).toEqual([]);
  });

  it("lists as a judge picks (today-first): today's, then upcoming soonest, then the newest past", async () => {
    const listed = times(await call('hearings:list', { order: 'today-first', limit: 8 }));
    expect(listed).toEqual([
      `${today}T08:00`,
      `${today}T15:30`,
      `${dayOffset(1)}T11:00`,
      `${dayOffset(2)}T00:00`,
      `${dayOffset(30)}T10:00`,
      `${dayOffset(-1)}T09:00`,
      `${dayOffset(-2)}T09:00`,
      `${dayOffset(-3)}T09:00`,
    ]);
    await expect(call('hearings:list', { order: 'oldest' })).rejects.toThrow();
  });

  it('still answers the old call (no tab) soonest first, and refuses a limit over 500', async () => {
    const all = await call('hearings:list', {});
    expect(all).toHaveLength(500);
    expect(all[0].scheduledAt).toBe(`${dayOffset(-520)}T09:00`);
    await expect(call('hearings:list', { limit: 501 })).rejects.toThrow();
    await expect(call('hearings:list', { when: 'tomorrow' })).rejects.toThrow();
  });
});

describe('one hearing or case by id', () => {
  it('answers a hearing with its case and a case by id, and says which does not exist', async () => {
    const [first] = await call('hearings:list', { when: 'today' });
    const hearing = await call('hearings:get', { id: first.id });
    expect(hearing).toMatchObject({ caseNumber: 'CR-7', courtroom: 'Room 3', status: 'scheduled' });
    expect((await call('cases:get', { id: hearing.caseId })).number).toBe('CR-7');
    await expect(call('hearings:get', { id: 999_999 })).rejects.toThrow('hearing.not-found');
    await expect(call('cases:get', { id: 999_999 })).rejects.toThrow('case.not-found');
  });
});
