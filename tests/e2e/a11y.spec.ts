/**
 * Every screen, reached the way people reach it (a real host, real sign-ins, a real hearing with
 * fake cameras), checked with axe-core: no serious or critical
 * violation (WCAG 2.1 A/AA rules). The language is switched on each screen with the header's
 * switch; each screen is saved as artifacts/e2e/i18n/<screen>-<ru|ky>.png, and checked for raw
 * message keys and for text that overflows the page. Also: keyboard operation, visible focus,
 * and the live region that announces session events.
 */
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from './support/browser';
import { message, type Language } from './support/catalogues';
import { COURT_PASSPHRASE, signInJudgeSeat, stillClip } from './support/court';
import { expect, saveScreenshot, test } from './support/fixtures';
import {
  CLERK,
  JUDGE,
  setUpProtectedHearing,
  type ProtectedHearing,
} from './support/protected-hearing';
import { testdataDir } from './support/testdata';

const rawKey =
  /\b(app|home|roles|screen|witness|forms|records|clerk|judge|faceMasking|join|session|language|announce|documents|trainer|evidence)\.[a-zA-Z-]+(\.[a-zA-Z-]+)*\b/;

let hearing: ProtectedHearing;
const browsers: Browser[] = [];
const problems: string[] = [];

test.afterAll(async () => {
  for (const browser of browsers) await browser.close();
  await hearing?.host.stop();
});

async function setLanguage(page: Page, language: Language) {
  // A document preview (the app behind it inert) has its own switch: the language to print in.
  const inDocument = await page.getByTestId('document-preview').isVisible();
  await page
    .getByTestId(inDocument ? 'document-language-switch' : 'language-switch')
    .selectOption(language);
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}

/** axe in each language, a screenshot in ru and ky, no raw keys, nothing wider than the page. */
/**
 * axe once (in Kyrgyz, whose words run longest; labels, roles and contrast do not depend on the
 * language), then in ru and ky: a screenshot, no raw keys, nothing wider than the window.
 */
async function checkScreen(page: Page, screen: string, root?: string) {
  const started = Date.now();
  for (const language of ['ky', 'ru'] as const) {
    await setLanguage(page, language);
    if (language === 'ky') {
      let axe = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
      if (root) axe = axe.include(root);
      const { violations } = await axe.analyze();
      for (const v of violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'))
        report(
          `${screen} ${v.id} (${v.impact}): ${v.help} — ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join(' | ')}`,
        );
    }
    const text = await page.locator('body').innerText();
    const key = rawKey.exec(text);
    if (key) report(`${screen} [${language}] shows a raw message key: ${key[0]}`);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    if (overflow > 1) report(`${screen} [${language}] is ${overflow}px wider than the window`);
    // A document is shown as it prints.
    if (root) await page.emulateMedia({ media: 'print' });
    await saveScreenshot(page, 'i18n', `${screen}-${language}`);
    if (root) await page.emulateMedia({ media: 'screen' });
  }
  await setLanguage(page, 'en');
  console.log(`a11y: ${screen} checked in ${Date.now() - started} ms`);
}

function report(problem: string) {
  console.log(`a11y problem: ${problem}`);
  problems.push(problem);
}

async function signIn(page: Page, operator: { name: string; passphrase: string }) {
  await page.getByLabel('Operator name').fill(operator.name);
  await page.getByLabel('Your passphrase').fill(operator.passphrase);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByTestId('signed-in-as')).toContainText(operator.name);
  const unlock = page.getByLabel('Court passphrase');
  if (await unlock.isVisible().catch(() => false)) {
    await unlock.fill(COURT_PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
  }
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  hearing = await setUpProtectedHearing('a11y');
});

test('home, join, records and documents pass axe, by keyboard, in ru and ky', async () => {
  test.setTimeout(300_000);
  problems.length = 0;
  const url = hearing.host.url;
  const plain = await chromium.launch(chromiumLaunchOptions());
  browsers.push(plain);
  const page = await (await plain.newContext({ viewport: { width: 1280, height: 860 } })).newPage();

  // Home, by keyboard: the skip link first, then a visible focus ring on each control.
  await page.goto(url);
  // The app renders once its catalogues and app:info have loaded; Tab before that focuses nothing.
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement!);
      return `${style.outlineStyle} ${style.outlineWidth}`;
    });
    expect(outline).not.toMatch(/^none|\b0px$/);
  }
  await checkScreen(page, 'home');
  await page.goto(`${url}#/join`);
  await checkScreen(page, 'join');
  await page.goto(`${url}#/witness`);
  await checkScreen(page, 'witness-check');
  await page.goto(`${url}#/counsel`);
  await checkScreen(page, 'counsel-placeholder');
  // Trainer mode: the hub, the demonstration before it starts, the guide, and the mock trial (which
  // a host with real records refuses, and says so).
  for (const trainerPage of ['', '/demo', '/guide', '/mock-trial']) {
    await page.goto(`${url}#/trainer${trainerPage}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await checkScreen(page, `trainer${trainerPage.replace('/', '-') || '-hub'}`);
  }

  // The records: the sign-in gate, the clerk's screen, the judge's, and the two documents.
  await page.goto(`${url}#/hearings/${hearing.hearingId}/codes`);
  await checkScreen(page, 'records-gate');
  await signIn(page, CLERK);
  const codes = page.getByTestId('join-codes');
  await codes
    .getByTestId(`code-row-${hearing.participantIds.prosecutor}`)
    .getByRole('button', { name: 'Issue code' })
    .click();
  await expect(codes.getByTestId('issued-code-value')).toBeVisible();
  await checkScreen(page, 'clerk');
  await codes.getByRole('button', { name: 'Print join slip' }).click();
  await checkScreen(page, 'join-slip', '[data-testid="document-preview"]');
  await page.keyboard.press('Escape');
  await expect(codes.getByRole('button', { name: 'Print join slip' })).toBeFocused();

  const judgeRecords = await (await plain.newContext()).newPage();
  await judgeRecords.goto(`${url}#/judge`);
  await signIn(judgeRecords, JUDGE);
  await judgeRecords.getByRole('button', { name: new RegExp(hearing.witness.pseudonym) }).click();
  await checkScreen(judgeRecords, 'judge-records');
  await judgeRecords.getByRole('button', { name: 'Print order summary' }).click();
  await checkScreen(judgeRecords, 'order-summary', '[data-testid="document-preview"]');

  expect(problems, problems.join('\n')).toEqual([]);
});

test('the hearing screens pass axe in ru and ky, and announce session events', async () => {
  test.setTimeout(300_000);
  problems.length = 0;
  const url = hearing.host.url;
  // The hearing: judge, witness and prosecutor join with fake cameras and microphones.
  const speech = (file: string) => join(testdataDir(), 'speech', file);
  const witnessBrowser = await chromium.launch(
    chromiumLaunchOptions({
      video: stillClip(join(testdataDir(), 'faces', 'fr_obama.jpg'), join(hearing.dir, 'w.y4m')),
      audio: speech('vctk_p225_002.wav'),
    }),
  );
  const courtBrowser = await chromium.launch(
    chromiumLaunchOptions({
      video: stillClip(join(testdataDir(), 'faces', 'pil_hopper.jpg'), join(hearing.dir, 'c.y4m')),
      audio: speech('vctk_p226_002.wav'),
    }),
  );
  browsers.push(witnessBrowser, courtBrowser);
  // Codes first: the session opens with the witness's order (closed session) known.
  const sessionCodes = {
    judge: await hearing.issueCode('judge'),
    witness: await hearing.issueCode('witness'),
    prosecutor: await hearing.issueCode('prosecutor'),
  };
  const join_ = async (browser: Browser, role: 'judge' | 'witness' | 'prosecutor') => {
    const p = await (
      await browser.newContext({ viewport: { width: 1280, height: 860 } })
    ).newPage();
    await p.goto(`${url}#/join?code=${encodeURIComponent(sessionCodes[role])}`);
    await p.getByRole('button', { name: 'Join' }).click();
    return p;
  };
  const judge = await join_(courtBrowser, 'judge');
  await expect(judge.getByTestId('screen-session-judge')).toBeVisible();
  await checkScreen(judge, 'judge-seat-sign-in');
  await signInJudgeSeat(judge, JUDGE);
  const prosecutor = await join_(courtBrowser, 'prosecutor');
  const witness = await join_(witnessBrowser, 'witness');
  await expect(prosecutor.getByTestId('screen-waiting')).toBeVisible();
  await expect(witness.getByTestId('screen-waiting')).toBeVisible();
  await checkScreen(prosecutor, 'waiting-room');
  await checkScreen(witness, 'witness-waiting-room');
  await checkScreen(judge, 'judge-session-waiting');

  // The judge admits by keyboard; the prosecutor (in Russian) hears it announced.
  await setLanguage(prosecutor, 'ru');
  const admit = judge.getByTestId('participant-prosecutor').getByRole('button', { name: 'Admit' });
  await admit.focus();
  await judge.keyboard.press('Enter');
  await expect(prosecutor.getByTestId('screen-session-prosecutor')).toBeVisible();
  await expect(prosecutor.getByTestId('session-announcer')).toHaveText(
    message('ru', 'announce.admitted'),
  );
  await judge
    .getByTestId('participant-witness')
    .getByRole('button', { name: 'Call the witness in' })
    .press('Enter');
  await expect(witness.getByTestId('screen-session-witness')).toBeVisible();
  // The order put the hearing in closed session; lifting it is announced to everyone.
  await setLanguage(witness, 'ky');
  await judge.getByRole('button', { name: 'End closed session' }).press('Enter');
  await expect(witness.getByTestId('session-announcer')).toHaveText(
    message('ky', 'announce.closedOff'),
  );
  await expect(prosecutor.getByTestId('session-announcer')).toHaveText(
    message('ru', 'announce.closedOff'),
  );
  await checkScreen(judge, 'judge-session');
  await checkScreen(witness, 'witness-session');
  await checkScreen(prosecutor, 'counsel-session');

  expect(problems, problems.join('\n')).toEqual([]);
});
