import { join } from 'node:path';
import type { Page } from '@playwright/test';
import {
  averageSpectrumBands,
  centsBetween,
  medianF0,
  spectrumDistance,
} from '../../scripts/voice-eval/pitch';
import { chromiumLaunchOptions } from './support/browser';
import { expect, saveScreenshot, test } from './support/fixtures';
import { speechDir } from '../../scripts/lib/testdata';

// The fake microphone loops a real VCTK recording (p226, male, 48 kHz).
const sourceWav = join(speechDir(), 'vctk_p226_003.wav');
test.use({ launchOptions: chromiumLaunchOptions({ audio: sourceWav }) });
// Each run draws a fresh hearing seed; whatever it is, the F0 normaliser moves this (low, male) voice
// well away from its own pitch (tests/unit/voice/f0-normaliser.test.ts covers every seed and pitch).

type Capture = { sampleRate: number; source: number[]; sent: number[] };

/** Records the raw fake microphone and the sent (anonymised) track side by side, in the page. */
function captureSourceAndSent(page: Page, seconds: number): Promise<Capture> {
  return page.evaluate(async (seconds) => {
    const hooks = (
      window as unknown as {
        incameraTestHooks?: { voice: { outputTrack: MediaStreamTrack } | null };
      }
    ).incameraTestHooks;
    const sentTrack = hooks?.voice?.outputTrack;
    if (!sentTrack) throw new Error('no voice anonymiser on the page');
    const microphone = await navigator.mediaDevices.getUserMedia({
      audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false },
    });
    const context = new AudioContext();
    const record = (track: MediaStreamTrack) => {
      const samples: number[] = [];
      const node = context.createScriptProcessor(4096, 1, 1);
      node.onaudioprocess = (event) => samples.push(...event.inputBuffer.getChannelData(0));
      context.createMediaStreamSource(new MediaStream([track])).connect(node);
      const sink = context.createGain();
      sink.gain.value = 0;
      node.connect(sink).connect(context.destination);
      return samples;
    };
    const source = record(microphone.getAudioTracks()[0]!);
    const sent = record(sentTrack);
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    for (const track of microphone.getTracks()) track.stop();
    await context.close();
    return { sampleRate: context.sampleRate, source, sent };
  }, seconds);
}

function rms(samples: number[]): number {
  let sum = 0;
  for (const sample of samples) sum += sample * sample;
  return Math.sqrt(sum / Math.max(1, samples.length));
}

async function startWitness(page: Page, url: string) {
  await page.goto(`${url}#/witness`);
  await page.getByRole('button', { name: 'Start camera and microphone' }).click();
  await expect(page.getByTestId('voice-state')).toHaveText('Voice disguised');
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    window.localStorage.setItem('incamera:test-hooks', '1');
    window.localStorage.setItem('incamera:microphone-processing', 'off');
  });
});

test('the witness sends a disguised voice: not silent, other pitch, other formants', async ({
  page,
  host,
  consoleErrors,
}) => {
  await startWitness(page, host.url);
  await expect
    .poll(() =>
      page.getByTestId('voice-sent-level').evaluate((meter: HTMLMeterElement) => meter.value),
    )
    .toBeGreaterThan(0.005);
  await saveScreenshot(page, 'voice', 'witness-voice-disguised');

  const capture = await captureSourceAndSent(page, 4);
  const source = Float32Array.from(capture.source);
  const sent = Float32Array.from(capture.sent);
  expect(rms(capture.source)).toBeGreaterThan(0.01);
  expect(rms(capture.sent)).toBeGreaterThan(0.2 * rms(capture.source));

  const sourceF0 = medianF0(source, capture.sampleRate);
  const sentF0 = medianF0(sent, capture.sampleRate);
  expect(sourceF0).not.toBeNull();
  expect(sentF0).not.toBeNull();
  // The F0 normaliser never leaves the pitch within 175 cents of the source's (its floor, after drift).
  expect(Math.abs(centsBetween(sourceF0!, sentF0!))).toBeGreaterThan(150);
  const formantShift = spectrumDistance(
    averageSpectrumBands(source, capture.sampleRate),
    averageSpectrumBands(sent, capture.sampleRate),
  );
  expect(formantShift).toBeGreaterThan(1.5);
  console.log(
    `voice e2e: F0 ${sourceF0!.toFixed(0)} -> ${sentF0!.toFixed(0)} Hz, envelope distance ${formantShift.toFixed(1)} dB`,
  );
  expect(consoleErrors).toEqual([]);
});

for (const mode of ['throw', 'stall'] as const) {
  test(`breaking the voice processor (${mode}) mid-stream silences the sent track`, async ({
    page,
    host,
  }) => {
    await startWitness(page, host.url);
    const before = await captureSourceAndSent(page, 1.5);
    expect(rms(before.source)).toBeGreaterThan(0.005);
    expect(rms(before.sent)).toBeGreaterThan(0.2 * rms(before.source));

    await page.evaluate((mode) => {
      const hooks = (
        window as unknown as {
          incameraTestHooks?: { voice: { breakForTest(m: string): void } | null };
        }
      ).incameraTestHooks;
      hooks?.voice?.breakForTest(mode);
    }, mode);
    await expect(page.getByTestId('voice-state')).toHaveText('Muted: voice protection not running');
    await expect(page.getByTestId('voice-state')).toHaveAttribute('data-phase', 'muted');
    const after = await captureSourceAndSent(page, 1.5);
    expect(rms(after.source)).toBeGreaterThan(0.005);
    expect(after.sent.reduce((peak, value) => Math.max(peak, Math.abs(value)), 0)).toBe(0);
    await saveScreenshot(page, 'voice', `witness-voice-muted-${mode}`);
  });
}
