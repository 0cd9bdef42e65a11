/**
 * A new court from an empty machine, with nothing but the app: the clerk's screen offers to set up
 * the court, refuses a weak or mistyped passphrase with field messages, sets it up, shows the
 * "keep this safe" sheet (never a passphrase), and the new clerk signs in at once, unlocked.
 * Screenshots in en, ru and ky under artifacts/e2e/workflow/; axe on the form and on the sheet.
 */
import AxeBuilder from '@axe-core/playwright';
import { test as base, type Page } from '@playwright/test';
import { message, type Language } from './support/catalogues';
import { expect, saveScreenshot } from './support/fixtures';
import { startHostProcess, type HostProcess } from './support/host-process';

const COURT = 'Seven quiet owls guard the Naryn bridge';
const CLERK = { name: 'Asel Clerk', passphrase: 'clerk own words' };
const JUDGE = { name: 'Judge Bakyt', passphrase: 'judge own words' };

const test = base.extend<{ consoleErrors: string[] }, { emptyHost: HostProcess }>({
  emptyHost: [
    async ({}, use) => {
      // A fresh, empty records file: exactly what `npm start` meets on a new machine.
      const host = await startHostProcess([], { INCAMERA_SCRYPT_COST: '10' });
      await use(host);
      await host.stop();
    },
    { scope: 'worker' },
  ],
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) errors.push(m.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await use(errors);
  },
});

async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  let axe = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  if (include) axe = axe.include(include);
  const { violations } = await axe.analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

/** Each language: a screenshot, no raw message key, nothing wider than the window. */
async function inEveryLanguage(page: Page, name: string, switchId: string, print = false) {
  for (const language of ['ru', 'ky', 'en'] as Language[]) {
    await page.getByTestId(switchId).selectOption(language);
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    // The database's own file name (records.db) is on the sheet; a raw key is not.
    const text = (await page.locator('body').innerText()).replace(/\S*records\.db\S*/g, '');
    expect(text, `${name} in ${language}`).not.toMatch(/\b(setup|documents|records)\.[a-zA-Z-]+/);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `${name} in ${language} overflows`).toBeLessThanOrEqual(1);
    if (print) await page.emulateMedia({ media: 'print' });
    await saveScreenshot(page, 'workflow', `${name}-${language}`);
    if (print) await page.emulateMedia({ media: 'screen' });
  }
}

test('a new court is set up in the app, its sheet printed, and its clerk signs in', async ({
  page,
  emptyHost,
  consoleErrors,
}) => {
  test.setTimeout(180_000);
  await page.goto(`${emptyHost.url}#/clerk`);
  const form = page.getByRole('form', { name: 'Set up this court' });
  await expect(form).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await inEveryLanguage(page, 'first-run-setup', 'language-switch');
  await expect(form.getByRole('heading')).toHaveText(message('en', 'setup.title'));

  // A weak court passphrase: the meter says so, and the host refuses it by field.
  await form.getByLabel('Name of the court').fill('Bishkek City Court');
  await form.getByLabel('Court passphrase', { exact: true }).fill('password1234');
  await expect(page.getByTestId('strength')).toContainText('too easy to guess');
  await form.getByLabel('Court passphrase again').fill('password1234');
  await form.getByLabel("Clerk's name").fill(CLERK.name);
  await form.getByLabel("Clerk's passphrase", { exact: true }).fill(CLERK.passphrase);
  await form.getByLabel("Clerk's passphrase again").fill('a different one');
  await form.getByLabel("Judge's name").fill(JUDGE.name);
  await form.getByLabel("Judge's passphrase", { exact: true }).fill(JUDGE.passphrase);
  await form.getByLabel("Judge's passphrase again").fill(JUDGE.passphrase);
  await form.getByRole('button', { name: 'Set up the court' }).click();
  await expect(
    form.getByText('Tick this box once the court passphrase is written down.'),
  ).toBeVisible();
  await form.getByLabel(/I have written the court passphrase down/).check();
  await form.getByRole('button', { name: 'Set up the court' }).click();
  await expect(form.getByText(/Too easy to guess\. Use a sentence/)).toBeVisible();
  await expect(
    form.getByText('The two passphrases are not the same. Type them again.'),
  ).toBeVisible();
  await saveScreenshot(page, 'workflow', 'first-run-setup-errors-en');

  await form.getByLabel('Court passphrase', { exact: true }).fill(COURT);
  await expect(page.getByTestId('strength')).toContainText(/Strength: (good|strong)/);
  await form.getByLabel('Court passphrase again').fill(COURT);
  await form.getByLabel("Clerk's passphrase again").fill(CLERK.passphrase);
  await form.getByRole('button', { name: 'Set up the court' }).click();

  // The sheet: the court key's fingerprint, where the records live, the operators; no passphrase.
  const sheet = page.getByTestId('court-document');
  await expect(sheet).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('sheet-fingerprint')).toHaveText(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);
  const printed = await page.getByTestId('sheet-fingerprint').innerText();
  await expect(sheet).toContainText('Bishkek City Court');
  await expect(sheet).toContainText('records.db');
  await expect(sheet).toContainText(`${CLERK.name} (clerk), ${JUDGE.name} (judge)`);
  for (const secret of [COURT, CLERK.passphrase, JUDGE.passphrase])
    expect(await page.locator('body').innerText()).not.toContain(secret);
  expect(await seriousViolations(page, '[data-testid="document-preview"]')).toEqual([]);
  await inEveryLanguage(page, 'first-run-sheet', 'document-language-switch', true);
  await page.getByRole('button', { name: 'Close' }).click();

  // Straight on to sign in: no restart, and the records are already unlocked.
  await page.getByRole('button', { name: 'Continue to sign in' }).click();
  await page.getByLabel('Operator name').fill(CLERK.name);
  await page.getByLabel('Your passphrase').fill(CLERK.passphrase);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByTestId('signed-in-as')).toContainText(CLERK.name);
  await expect(page.getByRole('button', { name: 'Unlock' })).toHaveCount(0);
  await saveScreenshot(page, 'workflow', 'first-run-signed-in-en');
  // The sheet can be printed again once signed in, with the same fingerprint.
  const fingerprint = await page.getByTestId('sheet-fingerprint').count();
  expect(fingerprint).toBe(0);
  await page.getByRole('button', { name: 'Keep-this-safe sheet' }).click();
  await expect(page.getByTestId('sheet-fingerprint')).toHaveText(printed);
  await page.getByRole('button', { name: 'Close' }).click();

  // Set up once only: a reload asks for a sign-in, never for a second set-up.
  await page.reload();
  await expect(page.getByLabel('Operator name')).toBeVisible();
  await expect(page.getByRole('form', { name: 'Set up this court' })).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});
