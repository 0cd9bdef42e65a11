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
  // The preview is the face-masked output: whole frames stay hidden until the detector is ready.
  await expect(page.getByTestId('face-masking-state')).toHaveAttribute(
    'data-mode',
    'masking-faces',
    { timeout: 30_000 },
  );
  // Whole frames hidden by the fail-closed guard (scene cuts, a late detector) look alike, so
  // compare grabs half a second apart until the picture moves.
  const frameIsMoving = () =>
    preview.evaluate(async (video: HTMLVideoElement) => {
      const canvas = document.createElement('canvas');
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
      const context = canvas.getContext('2d', { willReadFrequently: true })!;
      const grab = () => {
        context.drawImage(video, 0, 0);
        return context.getImageData(0, 0, canvas.width, canvas.height).data;
      };
      const first = grab();
      await new Promise((resolve) => setTimeout(resolve, 500));
      const second = grab();
      let changed = 0;
      for (let i = 0; i < first.length; i += 4) if (first[i] !== second[i]) changed++;
      return changed > 0;
    });
  await expect.poll(frameIsMoving, { timeout: 15_000 }).toBe(true);
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
