import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { coded, formatError } from '../../../contract/errors/codes';
import { errorResources, errorsNamespace } from '../../../renderer/i18n/errors';

describe('numbers in error messages are written in the reader language', () => {
  it('the CLI and logs group thousands as each language does', () => {
    const tooLong = coded('field.too-long', { count: 1200 });
    expect(formatError(tooLong, 'en')).toBe('At most 1,200 characters.');
    expect(formatError(tooLong, 'ru')).toMatch(/1\s200/u);
    expect(formatError(tooLong, 'ru')).not.toMatch(/1,200|1200/);
    expect(formatError(tooLong, 'ky')).toMatch(/1\s200/u);
  });

  it('the screens format counts with i18next and still choose the plural by them', async () => {
    const t = await i18next.createInstance().init({
      lng: 'ru',
      resources: { ru: { [errorsNamespace]: errorResources.ru } },
      interpolation: { escapeValue: false },
    });
    const text = t('field.too-long', { ns: errorsNamespace, count: 1200 });
    expect(text).toMatch(/1\s200/u);
    expect(text).toBe(formatError(coded('field.too-long', { count: 1200 }), 'ru'));
  });
});
