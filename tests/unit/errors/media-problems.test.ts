/**
 * A camera, pipeline or transport failure that carries no code of its own still reaches the
 * participant in their language: problemOf gives it the code of what failed.
 */
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { coded, formatError } from '../../../contract/errors/codes';
import { problemOf, SignallingRequestError } from '../../../media/transport/signalling-client';
import { errorResources, errorsNamespace, errorText } from '../../../renderer/i18n/errors';

const t: Record<'en' | 'ru' | 'ky', TFunction> = {} as never;
beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({
    resources: Object.fromEntries(
      (['en', 'ru', 'ky'] as const).map((lng) => [lng, { [errorsNamespace]: errorResources[lng] }]),
    ),
    lng: 'en',
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  });
  for (const language of ['en', 'ru', 'ky'] as const) t[language] = i18n.getFixedT(language);
});

describe('media failures in the participant’s language', () => {
  for (const code of ['media.camera-failed', 'media.send-failed', 'media.receive-failed'] as const)
    it(`${code}: a browser error without a code is worded by what failed`, () => {
      const problem = problemOf(new DOMException('Could not start video source'), coded(code));
      expect(problem.message).toBe('Could not start video source');
      for (const language of ['ru', 'ky'] as const) {
        const shown = errorText(t[language], problem);
        expect(shown).toBe(formatError(coded(code), language));
        expect(shown).toMatch(/[\u0400-\u04FF]/);
      }
      expect(errorText(t.en, problem)).toBe(formatError(coded(code), 'en'));
    });

  it("keeps the host's own reason over the fallback", () => {
    const refused = new SignallingRequestError({
      code: 'forbidden',
      message: 'The judge has muted you.',
      reason: coded('media.muted-by-judge'),
    });
    expect(problemOf(refused, coded('media.send-failed')).reason).toEqual(
      coded('media.muted-by-judge'),
    );
  });
});
