import { describe, expect, it } from 'vitest';
import type { PracticeClientReport, PracticeHostView } from '../../../contract/practice';
import { gradeLink, gradePractice } from '../../../host/court/practice-grades';
import { PracticeTally } from '../../../host/court/practice-tally';

const good: PracticeClientReport = {
  durationMs: 20_000,
  camera: true,
  microphone: true,
  picture: 'masked',
  voice: 'anonymised',
  previewFrames: 300,
  previewAudioPackets: 900,
  rttMs: 20,
  lossPercent: 0,
  jitterMs: 5,
  path: { local: 'host', remote: 'host', protocol: 'udp' },
};
const host: PracticeHostView = { videoPackets: 900, audioPackets: 1000, lossPercent: 0, kbps: 600 };

describe('grading a practice call', () => {
  it('passes a good call', () => {
    expect(gradePractice(good, host).overall).toBe('pass');
  });

  it('warns on a hidden whole frame, a relayed or TCP path, a strained link', () => {
    expect(gradePractice({ ...good, picture: 'whole-frame' }, host).grades.maskedPreview).toBe(
      'warn',
    );
    expect(gradeLink({ ...good, path: { ...good.path!, local: 'relay' } }, host)).toBe('warn');
    expect(gradeLink({ ...good, path: { ...good.path!, protocol: 'tcp' } }, host)).toBe('warn');
    expect(gradeLink({ ...good, rttMs: 500 }, host)).toBe('warn');
    expect(gradeLink({ ...good, jitterMs: 50 }, host)).toBe('warn');
  });

  it('fails closed: missing figures, the host seeing no media, its own loss over the report', () => {
    expect(gradeLink({ ...good, rttMs: null }, host)).toBe('fail');
    expect(gradeLink({ ...good, path: null }, host)).toBe('fail');
    expect(gradeLink(good, { ...host, lossPercent: 12 })).toBe('fail');
    const unseen = gradePractice(good, { ...host, videoPackets: 0, audioPackets: 0 });
    expect(unseen.grades).toMatchObject({ maskedPreview: 'fail', disguisedVoice: 'fail' });
    expect(unseen.overall).toBe('fail');
    expect(gradePractice({ ...good, picture: 'blocked' }, host).grades.maskedPreview).toBe('fail');
    expect(gradePractice({ ...good, voice: 'silenced' }, host).grades.disguisedVoice).toBe('fail');
    expect(gradePractice({ ...good, camera: false }, host).grades.camera).toBe('fail');
  });

  it('needs no camera where the order allows no picture', () => {
    const card = { ...good, camera: false, picture: 'no-picture' as const };
    expect(gradePractice(card, host).grades).toMatchObject({
      camera: 'pass',
      maskedPreview: 'pass',
    });
  });
});

describe("the host's own count", () => {
  const packet = (sequenceNumber: number) => ({
    header: { sequenceNumber, timestamp: 0, marker: false },
    payload: Buffer.alloc(100),
  });

  it('counts loss from sequence gaps, across the 16-bit wrap', () => {
    const tally = new PracticeTally();
    for (const seq of [65530, 65531, 65533, 65535, 0, 1, 3]) tally.video.onProducerRtp(packet(seq));
    // 65530..3 is 10 packets; 7 arrived.
    expect(tally.view()).toMatchObject({ videoPackets: 7, audioPackets: 0, lossPercent: 30 });
  });

  it('has no loss figure before any packet', () => {
    expect(new PracticeTally().view().lossPercent).toBeNull();
  });
});
