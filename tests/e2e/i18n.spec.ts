/**
 * Russian and Kyrgyz end to end: the language chosen before sign-in is remembered on this computer
 * and then with the operator (another computer signs them in in their language), dates follow the
 * language, and the printable documents — the protective-measures order summary and a witness's
 * join slip — render in ru and ky and print to A4 PDF (artifacts/e2e/i18n/*.pdf).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { message, type Language } from './support/catalogues';
import { COURT_PASSPHRASE } from './support/court';
import { artifactsDir, expect, test } from './support/fixtures';
import {
  CLERK,
  JUDGE,
  setUpProtectedHearing,
  type ProtectedHearing,
} from './support/protected-hearing';

const AREA = 'i18n';
let hearing: ProtectedHearing;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  hearing = await setUpProtectedHearing('i18n');
});
test.afterAll(async () => {
  await hearing?.host.stop();
});

async function signIn(
  page: Page,
  language: Language,
  operator: { name: string; passphrase: string },
) {
  await page.getByLabel(message(language, 'records.operatorName')).fill(operator.name);
  await page.getByLabel(message(language, 'records.operatorPassphrase')).fill(operator.passphrase);
  await page
    .getByRole('button', { name: message(language, 'records.signIn'), exact: true })
    .click();
}

/** Signs in, then picks the language (sign-in applies the operator's last choice, maybe another). */
async function signInSpeaking(
  page: Page,
  language: Language,
  operator: { name: string; passphrase: string },
) {
  await signIn(page, language, operator);
  await expect(page.getByTestId('signed-in-as')).toContainText(operator.name);
  await page.getByTestId('language-switch').selectOption(language);
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}

async function unlock(page: Page, language: Language) {
  const field = page.getByLabel(message(language, 'records.courtPassphrase'));
  // The court passphrase is asked once per host run: only the first sign-in sees it.
  if (await field.isVisible().catch(() => false)) {
    await field.fill(COURT_PASSPHRASE);
    await page.getByRole('button', { name: message(language, 'records.unlock') }).click();
  }
}

async function savePdf(page: Page, name: string): Promise<Buffer> {
  const dir = join(artifactsDir, AREA);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.pdf`);
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path, format: 'A4', printBackground: true, preferCSSPageSize: true });
  // What the printed page looks like, for people to look at.
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  return readFileSync(path);
}

/** One A4 page (595 x 842 pt), fonts embedded: what a court printer gets. */
function expectOneA4Page(pdf: Buffer) {
  const text = pdf.toString('latin1');
  expect(text.startsWith('%PDF-')).toBe(true);
  expect(text.match(/\/Type\s*\/Page\b/g)?.length).toBe(1);
  expect(text).toMatch(/\/MediaBox\s*\[\s*0 0 59[45](\.\d+)? 84[12](\.\d+)?\s*\]/);
  expect(text).toMatch(/\/FontFile2|\/FontFile3/);
}

test('the language follows the operator from this computer to another', async ({ browser }) => {
  // Before anyone signs in: the switch, remembered in this browser.
  const first = await browser.newContext();
  const page = await first.newPage();
  await page.goto(`${hearing.host.url}#/clerk`);
  await page.getByTestId('language-switch').selectOption('ky');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ky');
  await page.reload();
  await expect(page.getByRole('button', { name: message('ky', 'records.signIn') })).toBeVisible();
  // Signing in keeps the choice with the operator, who had none yet.
  await signIn(page, 'ky', CLERK);
  await expect(page.getByTestId('signed-in-as')).toContainText(CLERK.name);
  // Changing it while signed in, with the keyboard, updates the operator's record.
  await page.getByTestId('language-switch').focus();
  await page.keyboard.press('ArrowUp'); // ky → ru
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(page.getByTestId('signed-in-as')).toContainText('Вы вошли как');
  await expect
    .poll(() => {
      const db = new Database(hearing.db, { readonly: true });
      try {
        return (
          db.prepare(`SELECT language FROM operators WHERE name = ?`).get(CLERK.name) as {
            language: string | null;
          }
        ).language;
      } finally {
        db.close();
      }
    })
    .toBe('ru');
  await first.close();

  // Another computer (nothing remembered there) in English: signing in brings back Russian.
  const second = await browser.newContext();
  const other = await second.newPage();
  await other.goto(`${hearing.host.url}#/clerk`);
  await expect(other.locator('html')).toHaveAttribute('lang', 'en');
  await signIn(other, 'en', CLERK);
  await expect(other.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(other.getByTestId('signed-in-as')).toContainText('Вы вошли как Clerk Asel');
  await expect(other.getByTestId('language-switch')).toHaveValue('ru');
  await second.close();
});

for (const language of ['ru', 'ky'] as const) {
  test(`the order summary and a witness's join slip print in ${language}`, async ({ browser }) => {
    test.setTimeout(90_000);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(
      (lang) => window.localStorage.setItem('incamera:language', lang),
      language,
    );

    // The judge: the witness's protective order, by pseudonym.
    const judge = await context.newPage();
    await judge.goto(`${hearing.host.url}#/judge`);
    await signInSpeaking(judge, language, JUDGE);
    await unlock(judge, language);
    await judge.getByRole('button', { name: new RegExp(hearing.witness.pseudonym) }).click();
    await judge.getByRole('button', { name: message(language, 'documents.order.open') }).click();
    const order = judge.getByTestId('court-document');
    await expect(order.getByRole('heading', { level: 1 })).toHaveText(
      message(language, 'documents.order.title'),
    );
    await expect(
      judge.getByRole('button', { name: message(language, 'documents.print') }),
    ).toBeFocused();
    await expect(order.getByTestId('order-pseudonym')).toHaveText(hearing.witness.pseudonym);
    for (const key of ['closedSession', 'pseudonym', 'screenedHearVoice'])
      await expect(order).toContainText(message(language, `documents.order.${key}`));
    await expect(order).toContainText(
      message(language, 'documents.order.voice', {
        preset: message(language, 'clerk.measures.voicePresets.standard'),
      }),
    );
    await expect(order).toContainText('Psychologist Dinara');
    await expect(order).toContainText('ORD-2026/41');
    // The order's date as the language writes it in forms and documents (dd.mm.yyyy), not ISO.
    await expect(order).toContainText('20.11.2026');
    await expect(order).not.toContainText('2026-11-20');
    await expect(order).not.toContainText('Gulnara');
    expectOneA4Page(await savePdf(judge, `order-summary-${language}`));
    await judge.keyboard.press('Escape');
    await expect(judge.getByTestId('document-preview')).toHaveCount(0);

    // The clerk: a code for the witness, and its slip with the witness-room instructions.
    const clerk = await context.newPage();
    await clerk.goto(`${hearing.host.url}#/hearings/${hearing.hearingId}/codes`);
    await signInSpeaking(clerk, language, CLERK);
    await unlock(clerk, language);
    const panel = clerk.getByTestId('join-codes');
    const row = panel.getByTestId(`code-row-${hearing.participantIds.witness}`);
    await row.locator('select').selectOption(String(hearing.witness.id));
    await row.getByRole('button', { name: message(language, 'clerk.codes.issue') }).click();
    const code = (await panel.getByTestId('issued-code-value').textContent())!;
    expect(code).toMatch(/^(\w{4}-){6}\w{4}$/);
    await panel.getByRole('button', { name: message(language, 'documents.slip.open') }).click();
    const slip = clerk.getByTestId('court-document');
    await expect(slip.getByTestId('slip-code')).toHaveText(code);
    await expect(
      slip.getByRole('img', { name: message(language, 'documents.slip.qr') }),
    ).toBeVisible();
    for (const step of ['witness1', 'witness3', 'witness4'])
      await expect(slip).toContainText(message(language, `documents.slip.${step}`));
    await expect(slip).toContainText(`${hearing.host.url}#/join?code=`);
    expectOneA4Page(await savePdf(clerk, `join-slip-witness-${language}`));
    await clerk.getByRole('button', { name: message(language, 'documents.close') }).click();
    await expect(clerk.getByTestId('document-preview')).toHaveCount(0);
    await context.close();
  });
}
