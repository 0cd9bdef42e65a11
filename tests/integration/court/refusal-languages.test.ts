/**
 * A refused join or a refused track reaches a Russian- or Kyrgyz-speaking participant in their
 * language: the real host answers with a coded reason (issue 22), the catalogue has its ru and ky
 * text, and the renderer's formatter (what the join screen and the session banner show) gives it.
 */
import i18next, { type TFunction } from 'i18next';
import Database from 'better-sqlite3';
import { WebSocket as NodeWebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { errorCatalogues, formatError, isErrorCode } from '../../../contract/errors/codes';
import type { SignallingError } from '../../../contract/signalling';
import {
  connectSignalling,
  problemOf,
  SignallingRequestError,
  type SignallingProblem,
} from '../../../media/transport/signalling-client';
import { readFileSync } from 'node:fs';
import {
  errorResources,
  errorsNamespace,
  errorText,
  type Nested,
  sessionOverText,
} from '../../../renderer/i18n/errors';
import { hearingHost, join, produce, type Hearing } from './support';

const cyrillic = /[\u0400-\u04FF]/;
const asciiOnly = /^[\x20-\x7E]*$/;

let hearing: Hearing;
const t: Record<'en' | 'ru' | 'ky', TFunction> = {} as never;
beforeAll(async () => {
  hearing = await hearingHost({ hearVoice: false });
  const i18n = i18next.createInstance();
  // The renderer's error catalogue, as renderer/i18n/index.ts loads it.
  const resources = Object.fromEntries(
    (['en', 'ru', 'ky'] as const).map((lng) => [
      lng,
      { translation: screenTexts(lng), [errorsNamespace]: errorResources[lng] },
    ]),
  );
  await i18n.init({
    resources,
    lng: 'en',
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  });
  for (const language of ['en', 'ru', 'ky'] as const) t[language] = i18n.getFixedT(language);
});
afterAll(() => hearing.close());

function screenTexts(language: string): Nested {
  const url = new URL(`../../../renderer/i18n/locales/${language}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as Nested;
}

/** The host's refusal as the client receives it. */
function refusal(answer: unknown): SignallingError {
  expect(answer).toMatchObject({ type: 'response', ok: false });
  return (answer as { error: SignallingError }).error;
}

/** The reason is a catalogue code with Cyrillic ru and ky text, and the screens show that text. */
function expectTranslated(error: SignallingError, code: string) {
  expect(error.reason).toMatchObject({ code });
  const reason = error.reason!;
  expect(isErrorCode(reason.code)).toBe(true);
  // The English text stays in the message, for logs and for English users.
  expect(error.message).toBe(formatError(reason as never, 'en'));
  for (const language of ['ru', 'ky'] as const) {
    const catalogue = errorCatalogues[language];
    expect(Object.keys(catalogue).some((key) => key.replace(/_\w+$/, '') === reason.code)).toBe(
      true,
    );
    // The join screen: "Could not join: …" from the connection's state when the host refused.
    const over = { reason: 'refused', message: error.message, coded: error.reason };
    const onJoinScreen = sessionOverText(t[language], over);
    expect(onJoinScreen).toContain(formatError(reason as never, language));
    // The session banner: a refused request, as court-connection passes it on.
    const inBanner = errorText(t[language], problemOf(new SignallingRequestError(error)));
    expect(inBanner).toBe(formatError(reason as never, language));
    for (const shown of [onJoinScreen, inBanner]) {
      expect(shown).toMatch(cyrillic);
      expect(shown).not.toMatch(asciiOnly);
    }
  }
  expect(errorText(t.en, { message: error.message, reason: error.reason })).toBe(error.message);
  expect(
    sessionOverText(t.en, { reason: 'refused', message: error.message, coded: error.reason }),
  ).toBe(`Could not join: ${error.message}`);
}

describe('refusals in the participant’s language', () => {
  it('an unknown code', async () => {
    const unknown = await join(hearing.host, 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345');
    expectTranslated(refusal(unknown.answer), 'join.invalid');
    unknown.client.close();
  });

  it('a revoked code and an expired one', async () => {
    const issued = await hearing.issue(hearing.participants.prosecutor);
    const revoked = await hearing.host.dispatch(
      'court:revoke-code',
      { codeId: issued.id },
      { sessionToken: hearing.clerkToken },
    );
    expect(revoked).toMatchObject({ ok: true });
    const withdrawn = await join(hearing.host, issued.code);
    expectTranslated(refusal(withdrawn.answer), 'join.revoked');
    withdrawn.client.close();

    const old = await hearing.issue(hearing.participants.accused);
    const db = new Database(hearing.dbPath);
    db.prepare('UPDATE join_codes SET expires_at = ? WHERE id = ?').run(
      '2020-01-01T00:00:00.000Z',
      old.id,
    );
    db.close();
    const late = await join(hearing.host, old.code);
    expectTranslated(refusal(late.answer), 'join.expired');
    late.client.close();
  });

  it('a code already in use on another device', async () => {
    const { code } = await hearing.issue(hearing.participants.defence);
    const first = await join(hearing.host, code);
    expect(first.answer).toMatchObject({ ok: true });
    const second = await join(hearing.host, code);
    expectTranslated(refusal(second.answer), 'join.in-use');
    first.client.close();
    second.client.close();
  });

  it('a track sent before the judge admits the participant', async () => {
    const { code } = await hearing.issue(hearing.participants.observer);
    const waiting = await join(hearing.host, code);
    expect(waiting.answer).toMatchObject({ ok: true });
    const sent = await produce(waiting.client, 'audio', 'camera', 41);
    expectTranslated(refusal(sent), 'media.wait-for-admission');
    waiting.client.close();
  });

  it('a protocol refusal (an unknown transport) has its own code; a malformed request the general one', async () => {
    const { code } = await hearing.issue(hearing.participants.witness);
    const inside = await join(hearing.host, code);
    expect(inside.answer).toMatchObject({ ok: true });
    const answer = await inside.client.request('connectWebRtcTransport', {
      transportId: 'no-such-transport',
      dtlsParameters: { fingerprints: [{ algorithm: 'sha-256', value: 'AB' }] },
    });
    const error = refusal(answer);
    expect(error).toMatchObject({ code: 'unknown-id', message: 'Unknown transport.' });
    expectTranslated(error, 'signalling.unknown-transport');
    const malformed = refusal(
      await inside.client.request('connectWebRtcTransport', { transportId: 7 } as never),
    );
    expect(malformed.reason).toEqual({ code: 'signalling.refused', params: {} });
    for (const language of ['ru', 'ky'] as const)
      expect(errorText(t[language], problemOf(new SignallingRequestError(malformed)))).toMatch(
        cyrillic,
      );
    inside.client.close();
  });

  it('too many messages at once: the host’s notice reaches the real client coded', async () => {
    // The renderer's own signalling client, on Node's WebSocket from `ws`.
    vi.stubGlobal('WebSocket', NodeWebSocket);
    const client = await connectSignalling(hearing.host.url);
    const notice = new Promise<SignallingProblem>((resolve) => client.onNotice(resolve));
    for (let i = 0; i < 150; i++)
      client.request('closeProducer', { producerId: `p${i}` }).catch(() => undefined);
    const problem = await notice;
    expect(problem.reason).toEqual({ code: 'signalling.too-many-messages', params: {} });
    expect(problem.message).toBe('Too many messages: slow down.');
    for (const language of ['ru', 'ky'] as const) {
      // What the session banner shows (court-connection passes the notice on as an error).
      const inBanner = errorText(t[language], problem);
      expect(inBanner).toBe(formatError(problem.reason as never, language));
      expect(inBanner).toMatch(cyrillic);
    }
    client.close();
    vi.unstubAllGlobals();
  });
});
