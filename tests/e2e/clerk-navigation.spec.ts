/**
 * The clerk's hearing-centred pages, driven as a clerk does with a real host and records file:
 * the hearings list (today, upcoming, past; search), a hearing's page section by section, a deep
 * link that survives a reload, and a case's page. Each page: axe (0 serious/critical), and in
 * en, ru and ky a screenshot under artifacts/e2e/workflow/, no raw message key, no overflow.
 */
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from './support/browser';
import type { Language } from './support/catalogues';
import { COURT_PASSPHRASE } from './support/court';
import { expect, saveScreenshot, test } from './support/fixtures';
import { CLERK, setUpProtectedHearing, type ProtectedHearing } from './support/protected-hearing';

const rawKey =
  /\b(app|home|roles|records|clerk|hearing|join|documents|trainer|evidence|forms)\.[a-zA-Z-]+(\.[a-zA-Z-]+)*\b/;

let hearing: ProtectedHearing;
let browser: Browser;
const problems: string[] = [];

function localDate(offsetDays: number): string {
  const at = new Date();
  at.setDate(at.getDate() + offsetDays);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  hearing = await setUpProtectedHearing('clerk-nav');
  browser = await chromium.launch(chromiumLaunchOptions());
});

test.afterAll(async () => {
  await browser?.close();
  await hearing?.host.stop();
});

async function signIn(page: Page) {
  await page.getByLabel('Operator name').fill(CLERK.name);
  await page.getByLabel('Your passphrase').fill(CLERK.passphrase);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByTestId('signed-in-as')).toContainText(CLERK.name);
  const unlock = page.getByLabel('Court passphrase');
  if (await unlock.isVisible().catch(() => false)) {
    await unlock.fill(COURT_PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
  }
}

/** axe once, then in each language: a screenshot, no raw keys, nothing wider than the window. */
async function checkPage(page: Page, name: string) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  for (const v of violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'))
    problems.push(`${name} ${v.id} (${v.impact}): ${v.nodes.map((n) => n.target).join(' | ')}`);
  for (const language of ['en', 'ru', 'ky'] as Language[]) {
    await page.getByTestId('language-switch').selectOption(language);
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    const key = rawKey.exec(await page.locator('main').innerText());
    if (key) problems.push(`${name} [${language}] shows a raw message key: ${key[0]}`);
    if (language !== 'en')
      for (const said of await page.locator('main [role="status"]').allInnerTexts())
        if (!/[\u0400-\u04FF]/.test(said))
          problems.push(`${name} [${language}] says in English: ${said}`);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    if (overflow > 1) problems.push(`${name} [${language}] is ${overflow}px wider than the window`);
    await saveScreenshot(page, 'workflow', `${name}-${language}`);
  }
  await page.getByTestId('language-switch').selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
}

test('the clerk goes from the hearings list to a hearing, its sections and its case', async () => {
  test.setTimeout(300_000);
  const [theCase] = await hearing.api.call<{ id: number; number: string }[]>('cases:list', {});
  const caseId = theCase!.id;
  const today = await hearing.api.call<{ id: number }>('hearings:create', {
    caseId,
    scheduledAt: `${localDate(0)}T14:30`,
    courtroom: 'Courtroom 7',
  });
  await hearing.api.call('hearings:create', {
    caseId,
    scheduledAt: `${localDate(3)}T09:15`,
    courtroom: 'Courtroom 2',
  });
  const page = await (
    await browser.newContext({ viewport: { width: 1280, height: 900 } })
  ).newPage();

  // The list opens on today's hearings; the tabs are links, the one shown marked for readers.
  await page.goto(`${hearing.host.url}#/hearings`);
  await signIn(page);
  const list = page.getByTestId('hearing-list');
  await expect(page.getByTestId('hearing-tab-today')).toHaveAttribute('aria-current', 'page');
  await expect(list.locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId(`hearing-row-${today.id}`)).toContainText('Courtroom 7');
  await page.getByTestId('hearing-tab-upcoming').click();
  await expect(list).toContainText('Courtroom 2');
  await page.getByTestId('hearing-tab-past').click();
  await expect(page).toHaveURL(/#\/hearings\?when=past$/);
  await expect(list.locator('tbody tr')).toHaveCount(1);
  await expect(list).toContainText('Courtroom 4');
  await page.getByRole('searchbox').fill('no such courtroom');
  await expect(page.getByText('No hearings match.')).toBeVisible();
  await page.getByRole('searchbox').fill('Courtroom 4');
  await expect(list).toContainText(hearing.caseNumber);
  await checkPage(page, 'clerk-hearings');

  // A hearing's page: no hearing picker anywhere, sections as links.
  await page.getByTestId(`hearing-row-${hearing.hearingId}`).getByRole('link').first().click();
  const hearingPage = page.getByTestId('hearing-page');
  await expect(page.getByTestId('hearing-title')).toContainText(hearing.caseNumber);
  await expect(page.getByTestId('section-link-overview')).toHaveAttribute('aria-current', 'page');
  await expect(hearingPage.locator('select[name$="hearing"]')).toHaveCount(0);
  await checkPage(page, 'clerk-hearing-overview');

  await page.getByTestId('section-link-participants').click();
  const participants = page.getByTestId('hearing-section-participants');
  await expect(participants.getByTestId('participant-list')).toContainText('Prosecutor Aida');
  await participants.locator('select[name="participant-role"]').selectOption('interpreter');
  await participants.locator('input[name="participant-name"]').fill('Interpreter Nurlan');
  await participants.getByRole('button', { name: 'Add participant' }).click();
  await expect(participants.getByTestId('participant-list')).toContainText('Interpreter Nurlan');

  await page.getByTestId('section-link-witnesses').click();
  await expect(page.getByTestId('case-witness-list')).toContainText(hearing.witness.pseudonym);
  await expect(page.getByTestId('hearing-section-witnesses')).not.toContainText('Verysecretova');

  await page.getByTestId('section-link-codes').click();
  const codes = page.getByTestId('join-codes');
  await codes
    .getByTestId(`code-row-${hearing.participantIds.prosecutor}`)
    .getByRole('button', { name: 'Issue code' })
    .click();
  await expect(codes.getByTestId('issued-code-value')).toBeVisible();
  await checkPage(page, 'clerk-hearing-codes');

  // The deep link survives a reload: sign in again and land on the same section.
  await page.reload();
  await signIn(page);
  await expect(page).toHaveURL(new RegExp(`#/hearings/${hearing.hearingId}/codes$`));
  await expect(page.getByTestId('hearing-section-codes')).toBeVisible();
  await expect(page.getByTestId('section-link-codes')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId(`code-row-${hearing.participantIds.prosecutor}`)).toContainText(
    'Not used yet',
  );

  for (const section of ['preflight', 'evidence', 'gallery'] as const) {
    await page.getByTestId(`section-link-${section}`).click();
    await expect(page.getByTestId(`hearing-section-${section}`)).toBeVisible();
    await expect(page.getByRole('heading', { level: 3 })).toBeFocused();
  }
  await page.getByTestId('section-link-evidence').click();
  await expect(page.getByTestId('recording-parts')).toContainText('0 recorded parts');
  await expect(page.getByTestId('preflight-status')).toHaveCount(0);
  await page.getByTestId('section-link-preflight').click();
  await expect(page.getByTestId('preflight-status')).toHaveAttribute('data-done', 'no');

  // The case's page: its hearings and its witnesses; a new hearing is scheduled from here.
  await page.getByRole('navigation', { name: 'You are here' }).getByRole('link').nth(1).click();
  await expect(page).toHaveURL(new RegExp(`#/cases/${caseId}$`));
  const casePage = page.getByTestId('case-page');
  await expect(casePage.getByTestId('hearing-list').locator('tbody tr')).toHaveCount(3);
  await expect(casePage.getByTestId('case-witness-list')).toContainText(hearing.witness.pseudonym);
  await casePage.locator('input[name="scheduled-at"]').fill(`${localDate(10)}T11:00`);
  await casePage.locator('input[name="courtroom"]').fill('Courtroom 9');
  await casePage.getByRole('button', { name: 'Schedule hearing' }).click();
  await expect(casePage.getByTestId('hearing-list').locator('tbody tr')).toHaveCount(4);
  await checkPage(page, 'clerk-case');
  await casePage.getByTestId('open-new-hearing').click();
  await expect(page.getByTestId('hearing-title')).toContainText('Courtroom 9');

  expect(problems, problems.join('\n')).toEqual([]);
});
