import { expect, saveScreenshot, test } from './support/fixtures';

const roles = ['clerk', 'judge', 'witness', 'counsel', 'trainer'] as const;

test('home screen offers every role and each leads to its screen', async ({
  page,
  host,
  consoleErrors,
}) => {
  const response = await page.goto(host.url);
  expect(response?.headers()['content-security-policy']).toContain(
    "script-src 'self' 'wasm-unsafe-eval'",
  );
  await expect(page.getByRole('heading', { name: 'Who is using InCamera?' })).toBeVisible();
  await expect(page.getByTestId('app-info')).toContainText('Version 0.1.0');
  for (const role of roles) await expect(page.getByTestId(`role-${role}`)).toBeVisible();
  await saveScreenshot(page, 'foundation', 'home');

  for (const role of roles) {
    await page.getByTestId(`role-${role}`).click();
    await expect(page.getByTestId(`screen-${role}`)).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    await saveScreenshot(page, 'foundation', `role-${role}`);
    await page.getByRole('link', { name: /Home/ }).first().click();
    await expect(page.getByRole('heading', { name: 'Who is using InCamera?' })).toBeVisible();
  }
  expect(consoleErrors).toEqual([]);
});

test('the witness screen receives the fake camera and microphone and shows the preview', async ({
  page,
  host,
  consoleErrors,
}) => {
  await page.goto(`${host.url}#/witness`);
  await expect(page.getByTestId('camera-status')).toHaveText('not connected');
  await page.getByRole('button', { name: 'Start camera and microphone' }).click();
  await expect(page.getByTestId('camera-status')).not.toHaveText('not connected');
  await expect(page.getByTestId('microphone-status')).not.toHaveText('not connected');
  const preview = page.getByTestId('witness-preview');
  await expect
    .poll(() => preview.evaluate((video: HTMLVideoElement) => video.videoWidth))
    .toBeGreaterThan(0);
  // The preview is the face-masked output. Chromium's own fake camera shows a test pattern with
  // nobody in it, and a witness is expected in the picture: once the detector runs, every frame is
  // hidden whole for that reason (the face specs cover masking around a real face).
  const state = page.getByTestId('face-masking-state');
  await expect(state).toHaveAttribute('data-reason', 'nobody-located', { timeout: 30_000 });
  await expect(state).toHaveAttribute('data-mode', 'whole-frame');
  await saveScreenshot(page, 'foundation', 'witness-preview');
  await page.getByRole('button', { name: 'Stop camera and microphone' }).click();
  await expect(page.getByTestId('camera-status')).toHaveText('not connected');
  expect(consoleErrors).toEqual([]);
});

test('the host refuses requests from other origins and unknown channels', async ({
  request,
  host,
}) => {
  const info = await request.post(`${host.url}api/app:info`, { data: {} });
  expect(info.status()).toBe(200);
  expect((await info.json()).data.name).toBe('InCamera');
  const unknown = await request.post(`${host.url}api/records:drop`, { data: {} });
  expect(unknown.status()).toBe(404);
  const foreign = await request.post(`${host.url}api/app:info`, {
    data: {},
    headers: { Origin: 'http://evil.example' },
  });
  expect(foreign.status()).toBe(403);
});
