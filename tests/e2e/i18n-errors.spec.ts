/**
 * Field messages in the clerk's language: each clerk form submitted empty, and the witness form
 * with an impossible birth date, in Russian and in Kyrgyz. The host answers with codes; every
 * message on screen must be the catalogue's text in that language, never an English sentence.
 * Screenshots: artifacts/e2e/i18n/clerk-errors-<form>-<lang>.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { errorCatalogues } from '../../contract/errors/codes';
import { message, type Language } from './support/catalogues';
import { COURT_PASSPHRASE } from './support/court';
import { artifactsDir, expect, test } from './support/fixtures';
import { CLERK, setUpProtectedHearing, type ProtectedHearing } from './support/protected-hearing';

const forms = ['case', 'hearing', 'participant', 'witness'] as const;
/** Where each form lives: new case and hearing on the hearings list, the others on a hearing's page. */
const formPlace = {
  case: { section: '', locator: 'section[aria-labelledby="case-form-title"]' },
  hearing: { section: '', locator: 'section[aria-labelledby="hearing-form-title"]' },
  participant: { section: 'participants', locator: '[data-testid="hearing-section-participants"]' },
  witness: { section: 'witnesses', locator: '[data-testid="hearing-section-witnesses"]' },
} as const;
/** An ASCII-only sentence: English that reached the screen untranslated. */
const englishSentence = /^[\x20-\x7E]*[A-Za-z]{3,}[\x20-\x7E]*\.$/;
let hearing: ProtectedHearing;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  hearing = await setUpProtectedHearing('i18n-errors');
});
test.afterAll(async () => {
  await hearing?.host.stop();
});

/** A clerk's page by its address, in the same signed-in document (no reload). */
async function showPage(page: Page, hash: string) {
  await page.evaluate((to) => (window.location.hash = to), hash);
}

async function openClerkScreen(page: Page, language: Language) {
  await page.goto(`${hearing.host.url}#/hearings`);
  await page.getByLabel(message(language, 'records.operatorName')).fill(CLERK.name);
  await page.getByLabel(message(language, 'records.operatorPassphrase')).fill(CLERK.passphrase);
  await page
    .getByRole('button', { name: message(language, 'records.signIn'), exact: true })
    .click();
  await expect(page.getByTestId('signed-in-as')).toContainText(CLERK.name);
  await page.getByTestId('language-switch').selectOption(language);
  const unlock = page.getByLabel(message(language, 'records.courtPassphrase'));
  if (await unlock.isVisible().catch(() => false)) {
    await unlock.fill(COURT_PASSPHRASE);
    await page.getByRole('button', { name: message(language, 'records.unlock') }).click();
  }
  await expect(page.getByTestId('screen-clerk')).toBeVisible();
}

/** Every field message and form alert in a section, once the host has answered. */
async function messagesIn(section: Locator): Promise<string[]> {
  await expect(section.locator('.field-error').first()).toBeVisible();
  const texts = await section.locator('.field-error, p.error[role="alert"]').allTextContents();
  return texts.map((text) => text.trim()).filter(Boolean);
}

function expectInLanguage(texts: string[], language: Language) {
  expect(texts.length).toBeGreaterThan(0);
  for (const text of texts) {
    expect(text, `"${text}" is English`).not.toMatch(englishSentence);
    expect(text, `"${text}" has no Cyrillic`).toMatch(/[\u0400-\u04FF]/);
  }
  expect(texts.join('\n')).not.toContain(errorCatalogues.en['field.required']!);
  void language;
}

async function screenshot(section: Locator, name: string) {
  const dir = join(artifactsDir, 'i18n');
  mkdirSync(dir, { recursive: true });
  await section.screenshot({ path: join(dir, `${name}.png`) });
}

for (const language of ['ru', 'ky'] as const) {
  test(`clerk forms say what to fix in ${language}`, async ({ browser }) => {
    test.setTimeout(90_000);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(
      (lang) => window.localStorage.setItem('incamera:language', lang),
      language,
    );
    const page = await context.newPage();
    await openClerkScreen(page, language);
    const catalogue = errorCatalogues[language];

    for (const form of forms) {
      const place = formPlace[form];
      await showPage(
        page,
        place.section ? `#/hearings/${hearing.hearingId}/${place.section}` : '#/hearings',
      );
      const section = page.locator(place.locator);
      await section.locator('button[type="submit"]').click();
      const texts = await messagesIn(section);
      expectInLanguage(texts, language);
      await screenshot(section, `clerk-errors-${form}-empty-${language}`);
    }
    // The witness form, shown last: its name is required.
    const witnessSection = page.locator(formPlace.witness.locator);
    expect(await witnessSection.locator('.field-error').allTextContents()).toContain(
      catalogue['field.required'],
    );

    // A birth date that cannot be: in the future.
    const witness = page.locator(formPlace.witness.locator);
    await witness.locator('input[name="witness-name"]').fill('Айгүл Тестова');
    await witness.locator('input[name="witness-birthDate"]').fill('2999-01-01');
    await witness.locator('button[type="submit"]').click();
    await expect(witness.getByText(catalogue['date.in-future']!)).toBeVisible();
    expectInLanguage(await messagesIn(witness), language);
    await screenshot(witness, `clerk-errors-witness-bad-date-${language}`);

    // Switching the language re-words the messages already on screen.
    const other = language === 'ru' ? 'ky' : 'ru';
    await page.getByTestId('language-switch').selectOption(other);
    await expect(witness.getByText(errorCatalogues[other]['date.in-future']!)).toBeVisible();
    await context.close();
  });
}
