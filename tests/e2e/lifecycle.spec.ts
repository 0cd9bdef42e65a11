/**
 * A hearing's life cycle through the app: a clerk postpones a hearing (typing the date as Russian
 * users write it) and then marks it completed. (A judge varying an order: order-variation.spec.ts.)
 * Screenshots in en, ru and ky under
 * artifacts/e2e/workflow/ (dates in the local form, no raw key, nothing wider than the window);
 * axe finds nothing serious or critical.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { message, type Language } from './support/catalogues';
import { COURT_PASSPHRASE } from './support/court';
import { expect, saveScreenshot, test } from './support/fixtures';
import {
  CLERK,
  JUDGE,
  setUpProtectedHearing,
  type ProtectedHearing,
} from './support/protected-hearing';

let hearing: ProtectedHearing;
const rawKey = /\b(?:lifecycle|dates|varyOrder|orderHistory|correctIdentity)\.[a-zA-Z.]+\b/;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  hearing = await setUpProtectedHearing('lifecycle');
});
test.afterAll(async () => {
  await hearing?.host.stop();
});

async function openAs(page: Page, screen: 'clerk' | 'judge', language: Language) {
  const operator = screen === 'clerk' ? CLERK : JUDGE;
  // The clerk's actions sit on the hearing's own page.
  const address = screen === 'clerk' ? `hearings/${hearing.hearingId}` : screen;
  await page.goto(`${hearing.host.url}#/${address}`);
  // A new machine starts in English; the operator switches once signed in.
  await page.getByLabel(message('en', 'records.operatorName')).fill(operator.name);
  await page.getByLabel(message('en', 'records.operatorPassphrase')).fill(operator.passphrase);
  await page.getByRole('button', { name: message('en', 'records.signIn'), exact: true }).click();
  await expect(page.getByTestId('signed-in-as')).toContainText(operator.name);
  await page.getByTestId('language-switch').selectOption(language);
  const unlock = page.getByLabel(message(language, 'records.courtPassphrase'));
  if (await unlock.isVisible().catch(() => false)) {
    await unlock.fill(COURT_PASSPHRASE);
    await page.getByRole('button', { name: message(language, 'records.unlock') }).click();
  }
}

async function checkPage(page: Page, name: string) {
  const text = await page.locator('body').innerText();
  expect(rawKey.exec(text)?.[0], 'a raw message key').toBeUndefined();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, 'wider than the window').toBeLessThanOrEqual(1);
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' | ')}`)).toEqual([]);
  await saveScreenshot(page, 'workflow', name);
}

test('a clerk postpones a hearing in Russian, then marks it completed', async ({ browser }) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await openAs(page, 'clerk', 'ru');
  const row = page.getByTestId(`lifecycle-${hearing.hearingId}`);
  await row.getByRole('button', { name: message('ru', 'lifecycle.postpone') }).click();
  const date = row.getByLabel(message('ru', 'lifecycle.newTime'));
  await date.fill('31.02.2027');
  await date.blur();
  await expect(row.locator('.field-error')).toContainText('ДД.ММ.ГГГГ');
  await date.fill('14.01.2027');
  await row.getByLabel(message('ru', 'dates.time')).fill('10:00');
  await row.getByLabel(message('ru', 'lifecycle.reason')).fill('Переводчик не может прийти');
  await checkPage(page, 'clerk-postpone-ru');
  await row
    .getByRole('button', { name: message('ru', 'lifecycle.postpone'), exact: true })
    .last()
    .click();
  await expect(row).toContainText(message('ru', 'hearing.status.postponed'));
  await expect(row).toContainText('14.01.2027 10:00');
  await expect(row).toContainText('Переводчик не может прийти');

  for (const language of ['en', 'ky'] as const) {
    await page.getByTestId('language-switch').selectOption(language);
    await expect(row).toContainText(language === 'en' ? '2027-01-14 10:00' : '14.01.2027 10:00');
    await row.getByRole('button', { name: message(language, 'lifecycle.postpone') }).click();
    await checkPage(page, `clerk-postpone-${language}`);
    await row.getByRole('button', { name: message(language, 'lifecycle.back') }).click();
  }
  await page.getByTestId('language-switch').selectOption('ru');
  await row.getByRole('button', { name: message('ru', 'lifecycle.complete') }).click();
  await row
    .getByRole('button', { name: message('ru', 'lifecycle.submit.complete'), exact: true })
    .last()
    .click();
  await expect(row).toContainText(message('ru', 'hearing.status.completed'));
  await checkPage(page, 'clerk-completed-ru');
  await context.close();
});
