/**
 * A new clerk's whole day, in Russian, from an empty machine and through the screens only: first
 * run (court, passphrases, first clerk and judge) → keep-this-safe sheet → sign in → new case →
 * case page → new hearing → hearing page → participants → protected witness with its order → join
 * code and slip → the witness's practice call from the join link (fake camera with a real face, fake
 * microphone), seen by the clerk on the pre-flight section → postpone → complete → no new code.
 * Every screen: axe 0 serious/critical, and in en, ru and ky a screenshot under
 * artifacts/e2e/workflow/, no raw key, nothing too wide, no English line in ru/ky, dates dd.mm.yyyy.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, test, type Browser, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from './support/browser';
import { message } from './support/catalogues';
import { realFacesInPng, savePng, stillClip, videoFrame } from './support/court';
import { expect } from './support/fixtures';
import { startHostProcess, type HostProcess } from './support/host-process';
import { ScreenChecks } from './support/screen-checks';
import { testdataDir } from './support/testdata';

const AREA = 'workflow';
const ru = (key: string, values?: Record<string, string>) => message('ru', key, values);
const COURT = {
  name: 'Бишкекский городской суд',
  passphrase: 'Seven quiet owls guard the Naryn bridge',
};
const CLERK = { name: 'Асель Секретарь', passphrase: 'clerk own words' };
const JUDGE = { name: 'Судья Бакыт', passphrase: 'judge own words' };
const CASE = 'УД-2026/77';
const WITNESS_NAME = 'Гульнара Оченьсекретова';
const DATA = [COURT.name, CLERK.name, JUDGE.name, CASE, 'InCamera', 'ORD-2026/41'];

test.use({ actionTimeout: 20_000 });
let host: HostProcess;
let browser: Browser;
test.afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

/** A calendar day `days` from now, as Russian users type it. */
function ruDate(days: number): string {
  const at = new Date();
  at.setDate(at.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(at.getDate())}.${pad(at.getMonth() + 1)}.${at.getFullYear()}`;
}

async function setUpCourt(page: Page, checks: ScreenChecks) {
  const form = page.locator('form[aria-labelledby="setup-title"]');
  await expect(form.getByRole('heading')).toHaveText(message('en', 'setup.title'));
  await page.getByTestId('language-switch').selectOption('ru');
  await checks.screen(page, 'first-run-setup');
  // A weak court passphrase, an unticked box, a mistyped clerk's passphrase: each said by field.
  await form.locator('input[name="court-name"]').fill(COURT.name);
  await form.locator('input[name="court-passphrase"]').fill('password1234');
  await expect(page.getByTestId('strength')).toContainText('слишком легко угадать');
  await form.locator('input[name="court-passphrase-confirm"]').fill('password1234');
  for (const [role, person] of [
    ['clerk', CLERK],
    ['judge', JUDGE],
  ] as const) {
    await form.locator(`input[name="${role}-name"]`).fill(person.name);
    await form.locator(`input[name="${role}-passphrase"]`).fill(person.passphrase);
    await form.locator(`input[name="${role}-passphrase-confirm"]`).fill(person.passphrase);
  }
  await form.locator('input[name="clerk-passphrase-confirm"]').fill('a different one');
  await form.getByRole('button', { name: ru('setup.submit') }).click();
  await expect(form.getByText(ru('setup.understoodRequired'))).toBeVisible();
  await form.getByLabel(ru('setup.understood')).check();
  await form.getByRole('button', { name: ru('setup.submit') }).click();
  await expect(form.locator('.field-error')).toHaveCount(2);
  await checks.screen(page, 'first-run-setup-errors', {
    data: DATA,
    axeWithin: 'form[aria-labelledby="setup-title"]',
  });

  await form.locator('input[name="court-passphrase"]').fill(COURT.passphrase);
  await expect(page.getByTestId('strength')).toContainText(/хорошая|высокая/);
  await form.locator('input[name="court-passphrase-confirm"]').fill(COURT.passphrase);
  await form.locator('input[name="clerk-passphrase-confirm"]').fill(CLERK.passphrase);
  await form.getByRole('button', { name: ru('setup.submit') }).click();

  // The sheet: the court key's fingerprint, where the records live, the operators; no passphrase.
  const sheet = page.getByTestId('court-document');
  await expect(sheet).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('sheet-fingerprint')).toHaveText(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);
  const fingerprint = await page.getByTestId('sheet-fingerprint').innerText();
  await expect(sheet).toContainText(COURT.name);
  await expect(sheet).toContainText('records.db');
  await expect(sheet).toContainText(CLERK.name);
  await expect(sheet).toContainText(JUDGE.name);
  for (const secret of [COURT.passphrase, CLERK.passphrase, JUDGE.passphrase])
    expect(await page.locator('body').innerText()).not.toContain(secret);
  await checks.screen(page, 'first-run-sheet', {
    switchId: 'document-language-switch',
    within: '[data-testid="document-preview"]',
    data: [...DATA, fingerprint],
    showsDate: true,
    print: true,
  });
  await page.getByRole('button', { name: ru('documents.close') }).click();
  return fingerprint;
}

async function signIn(page: Page, fingerprint: string) {
  await page.getByRole('button', { name: ru('setup.continue') }).click();
  await page.getByLabel(ru('records.operatorName')).fill(CLERK.name);
  await page.getByLabel(ru('records.operatorPassphrase')).fill(CLERK.passphrase);
  await page.getByRole('button', { name: ru('records.signIn'), exact: true }).click();
  await expect(page.getByTestId('signed-in-as')).toContainText(CLERK.name);
  // Set up in this host run: already unlocked, no restart.
  await expect(page.getByRole('button', { name: ru('records.unlock') })).toHaveCount(0);
  // The sheet prints again once signed in, with the same fingerprint.
  await page.getByRole('button', { name: ru('setup.printSheet') }).click();
  await expect(page.getByTestId('sheet-fingerprint')).toHaveText(fingerprint);
  await page.getByRole('button', { name: ru('documents.close') }).click();
}

test('a new clerk sets up the court and takes a protected hearing from first run to completed', async () => {
  test.setTimeout(420_000);
  // A fresh, empty records file: exactly what `npm start` meets on a new machine.
  host = await startHostProcess([], { INCAMERA_SCRYPT_COST: '10' });
  const dir = mkdtempSync(join(tmpdir(), 'incamera-e2e-workflow-'));
  browser = await chromium.launch(
    chromiumLaunchOptions({
      video: stillClip(join(testdataDir(), 'faces', 'fr_obama.jpg'), join(dir, 'w.y4m')),
      audio: join(testdataDir(), 'speech', 'vctk_p225_002.wav'),
    }),
  );
  const checks = new ScreenChecks(AREA, 'ru');
  const clerk = await (
    await browser.newContext({ viewport: { width: 1280, height: 900 } })
  ).newPage();
  const consoleErrors: string[] = [];
  clerk.on('console', (m) => {
    if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) consoleErrors.push(m.text());
  });
  clerk.on('pageerror', (error) => consoleErrors.push(error.message));

  // First run, the sheet, sign in.
  await clerk.goto(`${host.url}#/clerk`);
  const fingerprint = await setUpCourt(clerk, checks);
  await signIn(clerk, fingerprint);
  await expect(clerk.getByTestId('hearing-tab-today')).toHaveAttribute('aria-current', 'page');
  await expect(clerk.getByText(ru('clerk.hearings.none'))).toBeVisible();

  // New case on the hearings list → the case's page → a hearing scheduled there.
  const caseForm = clerk.locator('section[aria-labelledby="case-form-title"]');
  await caseForm.locator('input[name="case-number"]').fill(CASE);
  await caseForm.locator('input[name="court"]').fill(COURT.name);
  await caseForm.locator('select[name="offence"]').selectOption('trafficking-in-persons');
  await caseForm.getByRole('button', { name: ru('clerk.case.submit') }).click();
  await caseForm.getByTestId('open-new-case').click();
  const casePage = clerk.getByTestId('case-page');
  await expect(clerk.getByTestId('case-title')).toContainText(CASE);
  const hearingDay = ruDate(5);
  const scheduled = casePage.locator('input[name="scheduled-at"]');
  await scheduled.fill('31.02.2027');
  await scheduled.blur();
  await expect(casePage.locator('.field-error')).toContainText('ДД.ММ.ГГГГ');
  await scheduled.fill(hearingDay);
  await casePage.locator('input[name="scheduled-at-time"]').fill('10:00');
  await casePage.locator('input[name="courtroom"]').fill('Зал 4');
  await casePage.getByRole('button', { name: ru('clerk.hearing.submit') }).click();
  await expect(casePage.getByTestId('hearing-list').locator('tbody tr')).toHaveCount(1);
  await expect(casePage.getByTestId('hearing-list')).toContainText(`${hearingDay} 10:00`);
  await checks.screen(clerk, 'clerk-case', { data: DATA, showsDate: true });
  await casePage.getByTestId('open-new-hearing').click();

  // The hearing's page: sections as links, no hearing picker.
  const hearingPage = clerk.getByTestId('hearing-page');
  await expect(clerk.getByTestId('hearing-title')).toContainText(CASE);
  const hearingId = Number(await hearingPage.getAttribute('data-hearing-id'));
  await expect(clerk.getByTestId('section-link-overview')).toHaveAttribute('aria-current', 'page');
  await expect(hearingPage.locator('select[name$="hearing"]')).toHaveCount(0);
  await expect(clerk.locator('ol.next-steps')).toBeVisible();
  await checks.screen(clerk, 'clerk-hearing-overview', { data: DATA, showsDate: true });

  // The hearings list: today, upcoming, past (an address of its own), search; back by its row.
  await clerk
    .getByRole('navigation', { name: ru('clerk.nav.breadcrumb') })
    .getByRole('link')
    .first()
    .click();
  const list = clerk.getByTestId('hearing-list');
  await expect(clerk.getByText(ru('clerk.hearings.none'))).toBeVisible();
  await clerk.getByTestId('hearing-tab-upcoming').click();
  await expect(clerk.getByTestId('hearing-tab-upcoming')).toHaveAttribute('aria-current', 'page');
  await expect(list.getByTestId(`hearing-row-${hearingId}`)).toContainText('Зал 4');
  await clerk.getByTestId('hearing-tab-past').click();
  await expect(clerk).toHaveURL(/#\/hearings\?when=past$/);
  await expect(clerk.getByText(ru('clerk.hearings.none'))).toBeVisible();
  await clerk.getByTestId('hearing-tab-upcoming').click();
  await clerk.getByRole('searchbox').fill('нет такого зала');
  await expect(clerk.getByText(ru('clerk.hearings.none'))).toBeVisible();
  await clerk.getByRole('searchbox').fill(CASE);
  await expect(list.locator('tbody tr')).toHaveCount(1);
  await checks.screen(clerk, 'clerk-hearings', { data: DATA, showsDate: true });
  await list.getByTestId(`hearing-row-${hearingId}`).getByRole('link').first().click();

  // Participants: the witness's seat and the accused the witness is screened from.
  await clerk.getByTestId('section-link-participants').click();
  await expect(clerk.getByRole('heading', { level: 3 })).toBeFocused();
  const participants = clerk.getByTestId('hearing-section-participants');
  for (const [role, name] of [
    ['witness', 'Свидетель А'],
    ['accused', 'Подсудимый Марат'],
  ] as const) {
    await participants.locator('select[name="participant-role"]').selectOption(role);
    await participants.locator('input[name="participant-name"]').fill(name);
    await participants.getByRole('button', { name: ru('clerk.participant.submit') }).click();
    await expect(participants.getByTestId('participant-list')).toContainText(name);
  }
  await checks.screen(clerk, 'clerk-hearing-participants', { data: DATA });

  // The protected witness and the court's order; the identity is sealed, the pseudonym shown.
  await clerk.getByTestId('section-link-witnesses').click();
  const witnesses = clerk.getByTestId('hearing-section-witnesses');
  await witnesses.locator('input[name="witness-name"]').fill(WITNESS_NAME);
  await witnesses.locator('input[name="witness-birthDate"]').fill('14.03.1999');
  await witnesses.getByLabel(ru('clerk.measures.closedSession')).check();
  await witnesses.getByLabel(ru('clerk.participantRoles.accused'), { exact: true }).check();
  await witnesses.locator('input[name="order-reference"]').fill('ORD-2026/41');
  await witnesses.locator('input[name="order-date"]').fill(ruDate(-1));
  await witnesses.getByRole('button', { name: ru('clerk.witness.submit') }).click();
  const pseudonym = await witnesses.getByTestId('witness-pseudonym').innerText();
  await expect(witnesses.getByTestId('case-witness-list')).toContainText(pseudonym);
  await expect(witnesses).not.toContainText('Оченьсекретова');
  await checks.screen(clerk, 'clerk-hearing-witnesses', { data: [...DATA, pseudonym] });

  // The witness's join code, linked to the registered witness, and its slip.
  await clerk.getByTestId('section-link-codes').click();
  const codes = clerk.getByTestId('join-codes');
  const witnessRow = codes.locator('tr', { hasText: 'Свидетель А' });
  await witnessRow.getByLabel(ru('clerk.codes.witness')).selectOption({ label: pseudonym });
  await witnessRow.getByRole('button', { name: ru('clerk.codes.issue') }).click();
  const code = await codes.getByTestId('issued-code-value').innerText();
  const link = await codes.getByTestId('issued-code-link').innerText();
  await expect(witnessRow).toContainText(ru('clerk.codes.statuses.unused'));
  await checks.screen(clerk, 'clerk-hearing-codes', {
    data: [...DATA, pseudonym, code, link],
    showsDate: true,
  });
  await codes.getByRole('button', { name: ru('documents.slip.open') }).click();
  await expect(clerk.getByTestId('slip-code')).toHaveText(code);
  await expect(clerk.getByTestId('slip-witness-steps')).toBeVisible();
  await checks.screen(clerk, 'clerk-join-slip', {
    switchId: 'document-language-switch',
    within: '[data-testid="document-preview"]',
    data: [...DATA, pseudonym, code, link],
    showsDate: true,
    print: true,
  });
  await clerk.getByRole('button', { name: ru('documents.close') }).click();

  // The witness, days before: the practice call from the join link, in a browser of their own.
  const witnessContext = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  await witnessContext.addInitScript(() => localStorage.setItem('incamera:language', 'ru'));
  const witness = await witnessContext.newPage();
  await witness.goto(link);
  await practise(witness, checks, [...DATA, pseudonym, code]);
  await witnessContext.close();

  // The clerk sees the call on the pre-flight section.
  await clerk.getByTestId('section-link-preflight').click();
  const calls = clerk.getByTestId('practice-calls');
  await expect(calls.getByTestId('practice-call-row')).toHaveCount(1);
  await expect(calls.getByTestId('practice-figures')).toBeVisible();
  await expect(calls).toContainText(ru('practice.clerk.title'));
  await expect(clerk.getByTestId('preflight-status')).toHaveAttribute('data-done', 'no');
  await checks.screen(clerk, 'clerk-hearing-preflight', { data: DATA, showsDate: true });
  for (const section of ['gallery', 'evidence'] as const) {
    await clerk.getByTestId(`section-link-${section}`).click();
    await expect(clerk.getByTestId(`hearing-section-${section}`)).toBeVisible();
    await expect(clerk.getByRole('heading', { level: 3 })).toBeFocused();
  }
  await expect(clerk.getByTestId('recording-parts')).toContainText(
    ru('evidence.parts_many', { count: '0' }),
  );

  // Postpone (a new date typed as Russian users write it, a reason), then mark completed.
  await clerk.getByTestId('section-link-overview').click();
  const lifecycle = clerk.getByTestId(`lifecycle-${hearingId}`);
  await lifecycle.getByRole('button', { name: ru('lifecycle.postpone') }).click();
  const newDay = ruDate(12);
  await lifecycle.getByLabel(ru('lifecycle.newTime')).fill(newDay);
  await lifecycle.getByLabel(ru('dates.time')).fill('14:30');
  await lifecycle.getByLabel(ru('lifecycle.reason')).fill('Переводчик не может прийти');
  await checks.screen(clerk, 'clerk-postpone', {
    data: DATA,
    showsDate: true,
    axeWithin: `[data-testid="lifecycle-${hearingId}"]`,
  });
  await lifecycle
    .getByRole('button', { name: ru('lifecycle.postpone'), exact: true })
    .last()
    .click();
  const overview = clerk.getByTestId('hearing-overview');
  await expect(overview).toContainText(ru('hearing.status.postponed'));
  await expect(lifecycle).toContainText('Переводчик не может прийти');
  await expect(overview).toContainText(`${newDay} 14:30`);
  await lifecycle.getByRole('button', { name: ru('lifecycle.complete') }).click();
  await lifecycle
    .getByRole('button', { name: ru('lifecycle.submit.complete'), exact: true })
    .last()
    .click();
  await expect(overview).toContainText(ru('hearing.status.completed'));
  // Nothing more to do for it: no life-cycle actions, no next steps.
  await expect(lifecycle.getByRole('group')).toHaveCount(0);
  await expect(clerk.locator('ol.next-steps')).toHaveCount(0);
  await checks.screen(clerk, 'clerk-completed', {
    data: DATA,
    showsDate: true,
    axeWithin: '[data-testid="hearing-section-overview"]',
  });

  // A completed hearing refuses a new code, saying so in Russian.
  // The practice never used the code; completing the hearing leaves it unused, and refuses another.
  await clerk.getByTestId('section-link-codes').click();
  await expect(witnessRow).toContainText(ru('clerk.codes.statuses.unused'));
  await witnessRow.getByRole('button', { name: ru('clerk.codes.reissue') }).click();
  await expect(codes.getByRole('alert')).toBeVisible();
  await expect(codes.getByRole('alert')).toContainText(/[\u0400-\u04FF]/);
  await expect(codes.getByTestId('issued-code-value')).toHaveCount(0);

  // The deep link survives a reload: sign in again and land on the same section.
  await clerk.reload();
  await clerk.getByLabel(ru('records.operatorName')).fill(CLERK.name);
  await clerk.getByLabel(ru('records.operatorPassphrase')).fill(CLERK.passphrase);
  await clerk.getByRole('button', { name: ru('records.signIn'), exact: true }).click();
  await expect(clerk).toHaveURL(new RegExp(`#/hearings/${hearingId}/codes$`));
  await expect(clerk.locator('form[aria-labelledby="setup-title"]')).toHaveCount(0);
  await expect(clerk.getByTestId('section-link-codes')).toHaveAttribute('aria-current', 'page');

  const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;
  console.log(
    `workflow: screen checks ${seconds(checks.spentMs.all)} (axe ${seconds(checks.spentMs.axe)}, ` +
      `screenshots ${seconds(checks.spentMs.screenshots)})`,
  );
  expect(consoleErrors).toEqual([]);
  expect(checks.problems, checks.problems.join('\n')).toEqual([]);
});

async function practise(page: Page, checks: ScreenChecks, data: string[]) {
  await expect(page.locator('input[name="join-code"]')).not.toHaveValue('');
  await checks.screen(page, 'witness-join', { data });
  await page.getByTestId('practice-open').click();
  await expect(page.getByTestId('screen-practice')).toBeVisible();
  await checks.screen(page, 'practice-intro', { data, axeWithin: 'main' });
  await page.getByTestId('practice-start').click();
  await expect(page.getByTestId('practice-preview')).toHaveAttribute('data-has-track', 'yes', {
    timeout: 60_000,
  });
  // What comes back through the host is the masked picture: no face the detector can find.
  await expect
    .poll(async () => (await videoFrame(page, 'practice-preview'))?.width ?? 0, { timeout: 30_000 })
    .toBeGreaterThan(0);
  const frame = (await videoFrame(page, 'practice-preview'))!;
  const png = savePng(AREA, 'practice-preview-ru', frame.png);
  expect(await realFacesInPng(png, frame.width, frame.height)).toEqual([]);
  const result = page.getByTestId('practice-result');
  await expect(result).toBeVisible({ timeout: 90_000 });
  for (const item of ['camera', 'microphone', 'disguisedVoice'])
    await expect(result.locator(`[data-item="${item}"]`)).toHaveAttribute('data-grade', 'pass');
  // The link's grade depends on this machine's load; its figures and path must be there.
  await expect(result.locator('[data-item="link"]')).toContainText(
    ru('practice.path.direct', { protocol: 'UDP' }),
  );
  await expect(result.locator('[data-item="link"]')).not.toContainText(
    `${ru('practice.noFigure')} `,
  );
  await expect(result.locator('[data-item="maskedPreview"]')).toHaveAttribute(
    'data-grade',
    /pass|warn/,
  );
  await checks.screen(page, 'practice-result', { data });
}
