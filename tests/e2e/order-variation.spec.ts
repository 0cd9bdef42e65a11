/**
 * A judge varies a protective order while the hearing is live: the witness (a real face on a fake
 * camera) is masked with a solid block; the judge records a varied order asking for a silhouette on
 * the judge's records screen; the witness's outgoing picture turns into a silhouette without the
 * witness re-joining (checked by pixels on the judge's received video), the witness's screen says in
 * Russian that the court varied the measures and what now applies, and the order document shows
 * both versions in ky, ru and en, with the court's time zone (Asia/Bishkek, not this machine's).
 * Screenshots under artifacts/e2e/workflow/; axe on both screens.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from '@playwright/test';
import { PREFLIGHT_ITEMS } from '../../contract/api/training';
import { resolveFfmpeg } from '../../host/tools/ffmpeg';
import { chromiumLaunchOptions } from './support/browser';
import { message, type Language } from './support/catalogues';
import {
  COURT_PASSPHRASE,
  realFacesInPng,
  savePng,
  signInJudgeSeat,
  stillFrame,
  videoFrame,
} from './support/court';
import { expect, saveScreenshot, test } from './support/fixtures';
import {
  decodeRgb,
  flatShareIn,
  meanDifference,
  skinShare,
  type Box,
  type RgbImage,
} from './support/frame-pixels';
import { JUDGE, setUpProtectedHearing, type ProtectedHearing } from './support/protected-hearing';
import { testdataDir } from './support/testdata';

const AREA = 'workflow';
const [W, H] = [640, 480];
const WHOLE: Box = { x: 0, y: 0, width: W, height: H };
/** The shirt and tie under the witness's face in the fixture below: kept by a solid mask, not by a silhouette. */
const TORSO: Box = { x: 295, y: 280, width: 45, height: 80 };
const rawKey = /\b(?:session|varyOrder|orderHistory|clerk)\.[a-zA-Z.]+\b/;
let hearing: ProtectedHearing<'judge' | 'witness'> | undefined;
const browsers: Browser[] = [];

test.afterAll(async () => {
  for (const browser of browsers) await browser.close();
  await hearing?.host.stop();
});

type Picture = 'solid' | 'silhouette' | 'hidden-whole' | 'wrong';

/** A frame's kind: the face hidden either way; the torso kept (solid) or one flat shape (silhouette). */
function judgeFrames(camera: RgbImage, face: Box) {
  return (frame: RgbImage): { kind: Picture; why: string } => {
    const faceHidden = skinShare(frame, face) < 0.03 && flatShareIn(frame, face) > 0.9;
    const torsoFlat = flatShareIn(frame, TORSO);
    const torsoKept = meanDifference(frame, camera, TORSO);
    const why = `face hidden: ${faceHidden}; torso ${(torsoFlat * 100).toFixed(0)} % flat, differs from the camera by ${torsoKept.toFixed(0)} levels`;
    if (flatShareIn(frame, WHOLE) > 0.9) return { kind: 'hidden-whole', why };
    if (!faceHidden) return { kind: 'wrong', why };
    if (torsoKept < 25) return { kind: 'solid', why };
    if (torsoFlat > 0.9) return { kind: 'silhouette', why };
    return { kind: 'wrong', why };
  };
}

/** A fake camera: the witness's portrait in front of a patterned "room" (colour bars). */
function witnessInRoom(output: string): string {
  const result = spawnSync(resolveFfmpeg(), [
    ...['-v', 'error', '-y', '-f', 'lavfi', '-i', `smptebars=s=${W}x${H}:r=10:d=1`],
    ...['-loop', '1', '-framerate', '10', '-t', '1', '-i'],
    join(testdataDir(), 'faces', 'fr_obama.jpg'),
    '-filter_complex',
    `[1]scale=-2:360[p];[0][p]overlay=x=(W-w)/2:y=H-h,format=yuv420p[v]`,
    ...['-map', '[v]', '-t', '1', '-f', 'yuv4mpegpipe', output],
  ]);
  if (result.status !== 0) throw new Error(`ffmpeg failed: ${result.stderr.toString()}`);
  return output;
}

async function checkPage(page: Page, name: string) {
  const text = await page.locator('body').innerText();
  expect(rawKey.exec(text)?.[0], 'a raw message key').toBeUndefined();
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' | ')}`)).toEqual([]);
  await saveScreenshot(page, AREA, name);
}

/** The judge's records screen, signed in as the judge operator, in Kyrgyz, the records unlocked. */
async function openJudgeRecords(page: Page, language: Language) {
  await page.goto(`${hearing!.host.url}#/judge`);
  await page.getByLabel(message('en', 'records.operatorName')).fill(JUDGE.name);
  await page.getByLabel(message('en', 'records.operatorPassphrase')).fill(JUDGE.passphrase);
  await page.getByRole('button', { name: message('en', 'records.signIn'), exact: true }).click();
  await expect(page.getByTestId('signed-in-as')).toContainText(JUDGE.name);
  await page.getByTestId('language-switch').selectOption(language);
  const unlock = page.getByLabel(message(language, 'records.courtPassphrase'));
  if (await unlock.isVisible().catch(() => false)) {
    await unlock.fill(COURT_PASSPHRASE);
    await page.getByRole('button', { name: message(language, 'records.unlock') }).click();
  }
}

test('a judge varies the order in session: the witness turns into a silhouette without re-joining and is told so', async () => {
  test.setTimeout(300_000);
  hearing = await setUpProtectedHearing('order-variation', {
    roles: ['judge', 'witness'],
    measures: {
      voicePreset: 'standard',
      faceStyle: 'solid',
      orderReference: 'ORD-2026/41',
      orderDate: '2026-11-20',
    },
  });
  const { dir, host } = hearing;
  // The court's zone, not this machine's (UTC here), is what its documents show.
  await hearing.api.call('records:set-time-zone', { timeZone: 'Asia/Bishkek' });
  const check = (await hearing.api.call('hearings:record-preflight', {
    hearingId: hearing.hearingId,
    items: Object.fromEntries(PREFLIGHT_ITEMS.map((item) => [item, true])),
  })) as { completedAt: string };
  const checkTimeInBishkek = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Bishkek',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(check.completedAt));
  const clip = witnessInRoom(join(dir, 'witness.y4m'));
  const cameraPng = join(dir, 'camera.png');
  stillFrame(clip, cameraPng);
  const camera = decodeRgb(cameraPng, W, H);
  const [face] = await realFacesInPng(cameraPng, W, H);
  expect(face, 'the camera picture has a face to hide').toBeDefined();
  expect(flatShareIn(camera, TORSO), 'the camera torso is no flat shape').toBeLessThan(0.6);
  const judgeFrame = judgeFrames(camera, face!);

  const witnessBrowser = await chromium.launch(chromiumLaunchOptions({ video: clip }));
  const judgeBrowser = await chromium.launch(chromiumLaunchOptions());
  browsers.push(witnessBrowser, judgeBrowser);
  const open = async (browser: Browser, code: string, language: Language): Promise<Page> => {
    // Pages of their own contexts: axe needs one.
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error(`[page] ${error.message}`));
    await page.addInitScript((lng) => localStorage.setItem('incamera:language', lng), language);
    await page.goto(`${host.url}?session-diagnostics#/join?code=${encodeURIComponent(code)}`);
    await page.getByRole('button', { name: message(language, 'join.submit') }).click();
    return page;
  };
  const judge = await open(judgeBrowser, await hearing.issueCode('judge'), 'en');
  const witness = await open(witnessBrowser, await hearing.issueCode('witness'), 'ru');
  await expect(judge.getByTestId('screen-session-judge')).toBeVisible();
  await signInJudgeSeat(judge);
  // The judge's seat has no records of its own: the hearing tells it the court's zone.
  await expect(judge.getByTestId('witness-room-check')).toContainText(checkTimeInBishkek);
  await judge
    .getByTestId('participant-witness')
    .getByRole('button', { name: message('en', 'session.judge.callWitness') })
    .click();
  await expect(witness.getByTestId('screen-session-witness')).toBeVisible();

  /** Polls the judge's received witness video until it shows one of `wanted`; none on the way is wrong. */
  const judgeSees = async (wanted: Picture[], name: string, timeout: number) => {
    const seen: Array<{ kind: Picture; why: string }> = [];
    await expect
      .poll(
        async () => {
          const shown = await videoFrame(judge, 'witness-video');
          if (!shown || shown.width !== W) return false;
          const verdict = judgeFrame(decodeRgb(savePng(AREA, name, shown.png), W, H));
          seen.push(verdict);
          return wanted.includes(verdict.kind);
        },
        { timeout, intervals: [500] },
      )
      .toBe(true);
    expect(seen.filter((v) => v.kind === 'wrong')).toEqual([]);
    const kinds = seen.map((v) => v.kind).join(' ');
    console.log(`order variation, ${name}: ${seen.at(-1)!.why}; frames: ${kinds}`);
  };
  // The order says solid: the face is covered and the rest of the picture kept (or, while the
  // detector is unsure, as on a loaded machine, the whole frame hidden).
  const pictureState = witness.getByTestId('protection-state').locator('li').first();
  await expect(pictureState).toHaveAttribute('data-style', 'solid', { timeout: 60_000 });
  await judgeSees(['solid', 'hidden-whole'], 'order-variation-judge-received-before', 60_000);
  await expect(witness.getByTestId('order-varied-notice')).toBeEmpty();

  const records = await (
    await judgeBrowser.newContext({ viewport: { width: 1280, height: 900 } })
  ).newPage();
  await openJudgeRecords(records, 'ky');
  await records.getByRole('button', { name: hearing.witness.pseudonym }).click();
  const form = records.locator('form.vary-order');
  await form.getByLabel(message('ky', 'clerk.measures.face')).selectOption('silhouette');
  await form.getByLabel(message('ky', 'clerk.measures.orderReference')).fill('ORD-2026/41-1');
  await form.getByLabel(message('ky', 'clerk.measures.orderDate')).fill('03.12.2026');
  await form.getByRole('button', { name: message('ky', 'varyOrder.submit') }).click();
  await expect(form.locator('p.success')).toContainText(
    message('ky', 'varyOrder.doneLive', { version: '2' }),
  );
  await checkPage(records, 'judge-vary-ky');

  // The witness is told, in their language, what now applies; their picture changes in place.
  const notice = witness.getByTestId('order-varied-notice');
  await expect(notice).toContainText(message('ru', 'session.witness.orderVaried.title'));
  await expect(notice).toContainText(
    message('ru', 'session.witness.orderVaried.now', {
      face: message('ru', 'clerk.measures.faceStyles.silhouette'),
      voice: message('ru', 'clerk.measures.voicePresets.standard'),
    }),
  );
  await judgeSees(['silhouette'], 'order-variation-judge-received-after', 120_000);
  await expect(pictureState).toHaveAttribute('data-style', 'silhouette');
  const joins = await witness.evaluate(() =>
    (
      window as unknown as { incameraSessionDiagnostics: { joins(): number } }
    ).incameraSessionDiagnostics.joins(),
  );
  expect(joins, 'the witness never re-joined').toBe(1);
  await checkPage(witness, 'witness-order-varied-ru');

  // The order document shows both versions, its dates as each language writes them.
  for (const language of ['ky', 'ru', 'en'] as const) {
    await records.getByTestId('language-switch').selectOption(language);
    await records.getByRole('button', { name: message(language, 'documents.order.open') }).click();
    const history = records.getByTestId('order-history');
    await expect(history).toContainText('ORD-2026/41');
    await expect(history).toContainText('ORD-2026/41-1');
    await expect(history).toContainText(language === 'en' ? '2026-12-03' : '03.12.2026');
    await expect(history).toContainText(language === 'en' ? '2026-11-20' : '20.11.2026');
    await expect(records.getByTestId('order-time-zone')).toHaveText('Asia/Bishkek, UTC+06:00');
    await records.emulateMedia({ media: 'print' });
    await saveScreenshot(records, AREA, `order-history-${language}`);
    await records.emulateMedia({ media: 'screen' });
    await records.keyboard.press('Escape');
  }
});
