/**
 * Fuzzes the host's HTTP API (POST /api/<channel>) with valid bodies for every channel, mutated,
 * and with broken headers, unknown channels and bodies that are not JSON, signed in as a clerk or
 * not. Every answer must be the typed JSON envelope with a message a person can read (no stack
 * trace, no 'internal' failure); a refused call must leave the records untouched; the host must
 * keep answering.
 */
import { apiChannels } from '../../contract/api.js';
import { auditActionsSince, readDbState } from './db-state.js';
import { openFuzzHearing } from './hearing.js';
import { measureMemory, type MemoryFigures } from './memory.js';
import { createFuzzer, type Fuzzer } from './random.js';
import { mutate, nastyString, randomJson } from './values.js';

export type ApiFuzzReport = {
  cases: number;
  outcomes: Record<string, number>;
  failures: string[];
  memory: { before: MemoryFigures; after: MemoryFigures };
  audit: Record<string, number>;
  elapsedMs: number;
};

/** Failed sign-ins and unlocks count in these (by design); the records are the other tables. */
const COUNTER_TABLES = ['operators', 'keyring'];
const STACK_TRACE = /\n\s+at |\.ts:\d+|\.js:\d+|node:internal/;

function validBody(f: Fuzzer, channel: string): unknown {
  const id = f.pick([1, 1, 2, 3, 999999]);
  switch (channel) {
    case 'session:sign-in':
      return { operator: f.pick(['Clerk', nastyString(f)]), passphrase: nastyString(f) || 'x' };
    case 'records:unlock':
      return { passphrase: f.pick(['wrong', nastyString(f) || 'x']) };
    case 'cases:create':
      return { number: `CR-${f.int(1, 1e6)}`, court: 'Court', offenceCategory: 'other' };
    case 'cases:list':
    case 'hearings:list':
    case 'witnesses:list':
      return f.chance(0.5) ? {} : { query: nastyString(f) };
    case 'hearings:create':
      return { caseId: id, scheduledAt: '2026-12-01T09:30', courtroom: nastyString(f) || '1' };
    case 'hearings:add-participant':
      return { hearingId: id, role: 'observer', displayName: nastyString(f) || 'x' };
    case 'hearings:participants':
    case 'court:codes':
      return { hearingId: id };
    case 'witnesses:register':
      return {
        caseId: id,
        identity: {
          name: nastyString(f) || 'x',
          birthDate: f.pick(['1990-04-23', '2026-02-30', '']),
        },
        measures: { voicePreset: 'strong', faceStyle: 'blur', screenedFromRoles: ['accused'] },
      };
    case 'witnesses:correct':
      return {
        id,
        identity: { name: nastyString(f) || 'x', contact: nastyString(f) },
        reason: nastyString(f),
      };
    case 'witnesses:reveal':
      return { id, reason: nastyString(f) };
    case 'witnesses:audit-trail':
      return { id };
    case 'court:issue-code':
      return {
        participantId: id,
        validHours: f.pick([0, 1, 24, 169]),
        linkBase: 'http://127.0.0.1:4180',
      };
    case 'court:revoke-code':
      return { codeId: id };
    default:
      return {};
  }
}

export async function fuzzApi(options: { cases: number; seed: string }): Promise<ApiFuzzReport> {
  const started = Date.now();
  const hearing = await openFuzzHearing();
  const failures: string[] = [];
  const outcomes: Record<string, number> = {};
  try {
    const { host, clerkToken } = hearing;
    await host.dispatch(
      'records:unlock',
      { passphrase: 'court passphrase' },
      { sessionToken: clerkToken },
    );
    const startSeq = readDbState(hearing.dbPath).auditSeq;
    const memoryBefore = measureMemory();
    const channels = [...apiChannels, 'records:drop', 'app:info/../records:list', '__proto__', ''];
    for (let index = 0; index < options.cases; index++) {
      const f = createFuzzer(`${options.seed}:api:${index}`);
      const channel = f.pick(channels);
      const body = f.chance(0.25) ? validBody(f, channel) : mutate(f, validBody(f, channel));
      const token = f.pick([clerkToken, clerkToken, undefined, 'A'.repeat(40), nastyString(f)]);
      const headers: Record<string, string> = {
        'Content-Type': f.chance(0.95)
          ? 'application/json'
          : f.pick(['text/plain', '', 'application/jsonx']),
      };
      if (token && /^[\x20-\x7e]*$/.test(token)) headers.Authorization = `Bearer ${token}`;
      const text = f.chance(0.05)
        ? f.pick([
            '{',
            '',
            'null',
            '[]',
            '"x"',
            JSON.stringify(randomJson(f)) ?? '',
            'x'.repeat(70_000),
          ])
        : (JSON.stringify(body) ?? '');
      const before = readDbState(hearing.dbPath, COUNTER_TABLES);
      let status = 0;
      let reply: unknown;
      try {
        const response = await fetch(`${host.url}api/${encodeURIComponent(channel)}`, {
          method: f.chance(0.03) ? 'PUT' : 'POST',
          headers,
          body: text,
        });
        status = response.status;
        const answer = await response.text();
        if (answer === '' && (status === 431 || status === 400)) {
          // Node's own HTTP parser refused it (e.g. a 40 KB header) before the host saw it.
          outcomes[`${status}:http-parser`] = (outcomes[`${status}:http-parser`] ?? 0) + 1;
          continue;
        }
        reply = JSON.parse(answer);
      } catch (error) {
        failures.push(
          `case ${index} (${channel}): no JSON answer (${status}): ${String(error).slice(0, 100)}`,
        );
        continue;
      }
      const envelope = reply as { ok?: unknown; error?: { kind?: string; message?: string } };
      const key = envelope.ok === true ? `${status}:ok` : `${status}:${envelope.error?.kind}`;
      outcomes[key] = (outcomes[key] ?? 0) + 1;
      if (typeof envelope.ok !== 'boolean')
        failures.push(`case ${index} (${channel}): not the envelope`);
      if (envelope.ok === false) {
        const message = envelope.error?.message ?? '';
        if (envelope.error?.kind === 'internal')
          failures.push(`case ${index} (${channel}): the handler failed inside`);
        if (!message || STACK_TRACE.test(message))
          failures.push(
            `case ${index} (${channel}): unhelpful message ${JSON.stringify(message.slice(0, 120))}`,
          );
        if (readDbState(hearing.dbPath, COUNTER_TABLES).digest !== before.digest)
          failures.push(`case ${index} (${channel}): refused, yet the records changed`);
      }
      if (index % 50 === 49) {
        const info = await host.dispatch('app:info', {});
        if (!info.ok) failures.push(`after ${index + 1} cases app:info failed`);
      }
    }
    const memoryAfter = measureMemory();
    return {
      cases: options.cases,
      outcomes,
      failures,
      memory: { before: memoryBefore, after: memoryAfter },
      audit: auditActionsSince(hearing.dbPath, startSeq),
      elapsedMs: Date.now() - started,
    };
  } finally {
    await hearing.close();
  }
}
