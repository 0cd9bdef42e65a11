/** The lint rule that keeps UI text in the catalogues really fires on renderer JSX (and only there). */
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));

async function literalErrors(code: string, file = 'renderer/screens/Probe.tsx') {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(code, { filePath: `${root}${file}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'i18next/no-literal-string');
}

describe('no string literals in JSX', () => {
  it('flags text, readable attributes and literal branches', async () => {
    const errors = await literalErrors(`
      export function Probe({ on }: { on: boolean }) {
        return (
          <div aria-label="Close the hearing" title="Help">
            Hello court {on ? 'Yes' : 'No'}
            <img alt="QR code" src="x.svg" />
          </div>
        );
      }
    `);
    expect(errors.length).toBe(6);
  });

  it('allows t(), keys, punctuation and technical attributes', async () => {
    const errors = await literalErrors(`
      import { useTranslation } from 'react-i18next';
      export function Probe({ on }: { on: boolean }) {
        const { t } = useTranslation();
        return (
          <div className="panel" data-testid="probe" role="status" aria-live="polite">
            {t('app.name')} · {t(on ? 'join.submit' : 'join.leave')} — ←
            <input type="date" name="birthDate" autoComplete="off" />
          </div>
        );
      }
    `);
    expect(errors).toEqual([]);
  });
});
