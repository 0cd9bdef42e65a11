/**
 * A varied order, through the app: a judge varies the witness's order and the order document shows
 * both versions (a clerk's postpone and complete are in workflow.spec.ts). Screenshots in en, ru
 * and ky under artifacts/e2e/workflow/ (dates in the local form, no raw key, nothing wider than the
 * window); axe finds nothing serious or critical.
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

test('a judge varies the order; the document shows both versions', async ({ browser }) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await openAs(page, 'judge', 'ky');
  await page.getByRole('button', { name: hearing.witness.pseudonym }).click();
  const form = page.locator('form.vary-order');
  await form.getByLabel(message('ky', 'clerk.measures.face')).selectOption('blur');
  await form.getByLabel(message('ky', 'clerk.measures.orderReference')).fill('ORD-2026/41-1');
  await form.getByLabel(message('ky', 'clerk.measures.orderDate')).fill('03.12.2026');
  await form.getByRole('button', { name: message('ky', 'varyOrder.submit') }).click();
  await expect(form.locator('p.success')).toBeVisible();
  await checkPage(page, 'judge-vary-ky');
  for (const language of ['ky', 'ru', 'en'] as const) {
    await page.getByTestId('language-switch').selectOption(language);
    await page.getByRole('button', { name: message(language, 'documents.order.open') }).click();
    const history = page.getByTestId('order-history');
    await expect(history).toContainText('ORD-2026/41-1');
    await expect(history).toContainText(language === 'en' ? '2026-12-03' : '03.12.2026');
    await page.emulateMedia({ media: 'print' });
    await saveScreenshot(page, 'workflow', `order-history-${language}`);
    await page.emulateMedia({ media: 'screen' });
    await page.keyboard.press('Escape');
  }
  await context.close();
});
