/**
 * The recorder and the evidence export with real ffmpeg, real SFU producers and a real records
 * database: segments while recording, a sealed closed-session part, masters, a redacted copy,
 * minutes, a manifest that verify accepts until one byte changes.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportEvidence } from '../../../host/evidence/export';
import { manifest as manifestSchema } from '../../../host/evidence/manifest';
import { courtSealingKey, courtSealingPublicKey } from '../../../host/records/crypto/court-keys';
import { unsealFile, unwrapPartKey } from '../../../host/records/crypto/sealed-media';
import { verifyExport } from '../../../host/evidence/verify-export';
import { probe } from '../../../host/evidence/run-ffmpeg';
import { silentLogger } from '../../../host/logger';
import { HearingRecorder } from '../../../host/recording/hearing-recorder';
import { readHearingRecording, recordingsRootFor } from '../../../host/recording/layout';
import { markRedaction } from '../../../host/recording/redactions';
import { auditSegmentClosed, recordedSegmentHashes } from '../../../host/recording/segment-hashes';
import { resolveFfmpeg, resolveFfprobe } from '../../../host/tools/ffmpeg';
import { cliPath } from '../records/support';
import {
  liveSource,
  recordsWithHearing,
  sleep,
  type LiveSource,
  type RecordsFixture,
} from '../../../scripts/lib/recording-fixture';
import { describeSignedEvidence } from './signed-evidence.cases';

let fixture: RecordsFixture;
const sources: LiveSource[] = [];

beforeAll(async () => {
  fixture = await recordsWithHearing();
  const video = await liveSource('video');
  const audio = await liveSource('audio');
  sources.push(video, audio);
  await sleep(500);
  const recorder = new HearingRecorder({
    root: recordingsRootFor(fixture.dbPath),
    hearingId: fixture.hearingId,
    ffmpeg: resolveFfmpeg(),
    log: silentLogger(),
    roles: new Set(['witness']),
    onSegmentClosed: auditSegmentClosed(fixture.db, fixture.hearingId),
    sealingKey: () => courtSealingPublicKey(fixture.db),
  });
  const asWitness = (s: LiveSource) => ({
    producer: s.producer,
    peerId: 'p2',
    role: 'witness',
    label: `witness ${fixture.pseudonym}`,
  });
  await recorder.start(false, [asWitness(video), asWitness(audio)]);
  await sleep(6000);
  await recorder.switchPart(true, [asWitness(video), asWitness(audio)]);
  await sleep(5000);
  await recorder.stop();
}, 60_000);

afterAll(() => {
  for (const source of sources) source.stop();
});

describe('recording', () => {
  it('writes short finished segments, open and sealed parts apart', async () => {
    const parts = readHearingRecording(recordingsRootFor(fixture.dbPath), fixture.hearingId);
    expect(parts.map((p) => [p.meta.part, p.meta.closedSession])).toEqual([
      [1, false],
      [2, true],
    ]);
    expect(parts[1]!.dir.endsWith('part-0002-sealed')).toBe(true);
    const openVideo = parts[0]!.tracks.find((t) => t.meta.kind === 'video')!;
    expect(openVideo.segments.length).toBeGreaterThanOrEqual(2);
    for (const segment of openVideo.segments) {
      expect(segment.end - segment.start).toBeLessThan(4.5);
      const probed = await probe(resolveFfprobe(), join(openVideo.dir, segment.file));
      expect(probed.streams.map((s) => s.codec)).toEqual(['vp8']);
    }
    for (const part of parts)
      for (const track of part.tracks) {
        expect(track.meta.stoppedAt).toBeDefined();
        expect(track.unfinished).toEqual([]);
        expect(track.meta.label).not.toContain('Gulnara');
      }
  });
  it('hashes each segment into the audit chain as it closes', () => {
    const parts = readHearingRecording(recordingsRootFor(fixture.dbPath), fixture.hearingId);
    const finished = parts.flatMap((p) => p.tracks.flatMap((t) => t.segments));
    const recorded = recordedSegmentHashes(fixture.db, fixture.hearingId);
    expect(finished.length).toBeGreaterThanOrEqual(4);
    expect(recorded.size).toBe(finished.length);
    expect(
      [...recorded.keys()].every((path) =>
        /^part-000[12]-(open|sealed)\/.+\/seg-\d+\.webm(\.sealed)?$/.test(path),
      ),
    ).toBe(true);
  });

  it('cuts at the switch into closed session: nothing after it in the open part, the sealed part at once', () => {
    const [open, sealed] = readHearingRecording(
      recordingsRootFor(fixture.dbPath),
      fixture.hearingId,
    );
    const switchedAt = Date.parse(open!.meta.stoppedAt!);
    expect(Date.parse(sealed!.meta.startedAt)).toBeGreaterThanOrEqual(switchedAt);
    for (const track of open!.tracks) {
      const mediaEnd = Date.parse(track.meta.firstPacketAt!) + track.segments.at(-1)!.end * 1000;
      // A frame's length and the clock's jitter of slack: nothing from the closed session.
      expect(mediaEnd - switchedAt, track.meta.trackId).toBeLessThan(250);
    }
    for (const track of sealed!.tracks) {
      // The tap starts at the switch; video waits for the source's next keyframe (every 0.67 s here).
      const wait = Date.parse(track.meta.firstPacketAt!) - Date.parse(sealed!.meta.startedAt);
      expect(wait, track.meta.trackId).toBeLessThan(track.meta.kind === 'video' ? 1000 : 500);
    }
  });
});

/** A closed-session file opened into a temporary copy (the CLI's unseal is tested on its own). */
async function playable(file: string): Promise<string> {
  if (!file.endsWith('.sealed')) return file;
  const { privateKey } = courtSealingKey(fixture.db, fixture.key);
  const opened = join(fixture.dir, `opened-${Math.random().toString(36).slice(2)}.webm`);
  await unsealFile(file, opened, (wrap) => unwrapPartKey(wrap, privateKey));
  return opened;
}

const EBML_MAGIC = Buffer.from([0x1a, 0x45, 0xdf, 0xa3]);

describe('closed-session parts sealed', () => {
  it('keeps no WebM on disk for the closed session: every segment is sealed', () => {
    const parts = readHearingRecording(recordingsRootFor(fixture.dbPath), fixture.hearingId);
    const sealedPart = parts.find((p) => p.meta.closedSession)!;
    for (const track of sealedPart.tracks) {
      expect(readdirSync(track.dir).filter((f) => f.endsWith('.webm'))).toEqual([]);
      for (const segment of track.segments) {
        const bytes = readFileSync(join(track.dir, `${segment.file}.sealed`));
        expect(bytes.subarray(0, 4).equals(EBML_MAGIC)).toBe(false);
        expect(bytes.includes(Buffer.from('webm'))).toBe(false);
      }
    }
    const openTrack = parts.find((p) => !p.meta.closedSession)!.tracks[0]!;
    const openBytes = readFileSync(join(openTrack.dir, openTrack.segments[0]!.file));
    expect(openBytes.subarray(0, 4).equals(EBML_MAGIC)).toBe(true);
  });
});

describe('evidence export', () => {
  let out: string;
  let mediaStart: number;
  beforeAll(async () => {
    // Two seconds after both tracks were being recorded (on a loaded machine one ffmpeg source
    // may start seconds after the other, and the range must fall where both have media).
    const [open] = readHearingRecording(recordingsRootFor(fixture.dbPath), fixture.hearingId);
    mediaStart = Math.max(...open!.tracks.map((t) => Date.parse(t.meta.firstPacketAt!)));
    markRedaction(fixture.db, {
      hearingId: fixture.hearingId,
      from: new Date(mediaStart + 2000),
      to: new Date(mediaStart + 3500),
      reason: 'a name said aloud',
      judge: 'Judge Bakyt',
    });
    out = join(fixture.dir, 'export');
    const fractions: number[] = [];
    await exportEvidence({
      db: fixture.db,
      dbPath: fixture.dbPath,
      hearingId: fixture.hearingId,
      outDir: out,
      actor: { name: 'Clerk', role: 'clerk' },
      dataKey: fixture.key,
      onProgress: (p) => fractions.push(p.fraction),
    });
    expect(fractions.at(-1)).toBe(1);
    expect(fractions.some((f) => f > 0 && f < 1)).toBe(true);
  }, 120_000);

  it('finalises masters and a redacted copy whose durations match the recording', async () => {
    const manifest = manifestSchema.parse(
      JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')),
    );
    const masters = manifest.files.filter((f) => f.kind === 'master');
    expect(masters.map((m) => [m.file.split('/')[0], m.sealed])).toEqual([
      ['open', false],
      ['sealed', true],
    ]);
    for (const master of masters) {
      const probed = await probe(resolveFfprobe(), await playable(join(out, master.file)));
      expect(probed.streams.map((s) => `${s.kind}:${s.codec}`).sort()).toEqual([
        'audio:opus',
        'video:vp8',
      ]);
      // ffmpeg's test source is not bound to the wall clock on a loaded machine (it lags, then
      // bursts), so the master is checked against the segments' own timeline here; the E2E test,
      // with real-time browsers, checks it against the host's clock.
      const part = readHearingRecording(recordingsRootFor(fixture.dbPath), fixture.hearingId).find(
        (p) => p.meta.part === master.part,
      )!;
      const t0 = Math.min(...part.tracks.map((t) => Date.parse(t.meta.firstPacketAt!)));
      const timeline = Math.max(
        ...part.tracks.map(
          (t) => (Date.parse(t.meta.firstPacketAt!) - t0) / 1000 + (t.segments.at(-1)?.end ?? 0),
        ),
      );
      expect(Math.abs(probed.duration - timeline), master.file).toBeLessThan(0.5);
    }
    const redacted = manifest.files.filter((f) => f.kind === 'redacted');
    expect(redacted.map((r) => r.file)).toEqual([
      masters[0]!.file.replace('.webm', '.redacted.mp4'),
    ]);
    expect(redacted[0]!.streams!.sort()).toEqual(['audio:aac', 'video:h264']);
    expect(Math.abs(redacted[0]!.durationSeconds! - masters[0]!.durationSeconds!)).toBeLessThan(
      0.5,
    );
    expect(manifest.missing).toEqual([]);
    expect(manifest.redactions).toHaveLength(1);
  });

  it('blacks the picture and bleeps the sound inside the redacted range only', () => {
    const manifest = manifestSchema.parse(
      JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')),
    );
    const redacted = manifest.files.find((f) => f.kind === 'redacted')!;
    const master = manifest.files.find((f) => f.kind === 'master')!;
    const start = Date.parse(master.startedAt!);
    const inside = (mediaStart + 2750 - start) / 1000;
    const outside = (mediaStart + 4500 - start) / 1000;
    const meanLuma = (at: number) => {
      const frame = spawnSync(resolveFfmpeg(), [
        '-v',
        'error',
        '-ss',
        at.toFixed(2),
        '-i',
        join(out, redacted.file),
        '-frames:v',
        '1',
        '-f',
        'rawvideo',
        '-pix_fmt',
        'gray',
        '-',
      ]);
      return frame.stdout.reduce((sum, v) => sum + v, 0) / frame.stdout.length;
    };
    expect(meanLuma(inside)).toBeLessThan(20);
    expect(meanLuma(outside)).toBeGreaterThan(40);
    const pitch = (file: string, at: number) => {
      const pcm = spawnSync(resolveFfmpeg(), [
        '-v',
        'error',
        '-ss',
        at.toFixed(2),
        '-t',
        '0.3',
        '-i',
        join(out, file),
        '-vn',
        '-ac',
        '1',
        '-ar',
        '48000',
        '-f',
        's16le',
        '-',
      ]).stdout;
      let crossings = 0;
      for (let i = 2; i + 1 < pcm.length; i += 2)
        if (pcm.readInt16LE(i - 2) < 0 !== pcm.readInt16LE(i) < 0) crossings++;
      return crossings / 2 / (pcm.length / 2 / 48000);
    };
    expect(Math.abs(pitch(redacted.file, inside) - 1000)).toBeLessThan(60);
    expect(Math.abs(pitch(redacted.file, outside) - 440)).toBeLessThan(40);
    expect(Math.abs(pitch(master.file, inside) - 440)).toBeLessThan(40);
  });

  it('writes the minutes (by pseudonym), the audit excerpt, and the PDF or why not', () => {
    const html = readFileSync(join(out, 'minutes.html'), 'utf8');
    expect(html).toContain(fixture.pseudonym);
    expect(html).toContain('Redaction marked');
    expect(html).not.toContain('Gulnara');
    const audit = JSON.parse(readFileSync(join(out, 'audit.json'), 'utf8')) as { action: string }[];
    expect(audit.map((e) => e.action)).toContain('recording.redaction-marked');
    const manifest = manifestSchema.parse(
      JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')),
    );
    if (existsSync(join(out, 'minutes.pdf')))
      expect(readFileSync(join(out, 'minutes.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    else expect(manifest.skipped.join(' ')).toMatch(/minutes\.pdf was not made/);
    expect(readdirSync(fixture.dir).filter((n) => n.includes('.partial-'))).toEqual([]);
  });

  it('verify passes, and fails naming the file once one byte is flipped', async () => {
    expect(await verifyExport(out)).toMatchObject({ ok: true, problems: [] });
    const cli = (args: string[]) =>
      spawnSync(process.execPath, [cliPath, ...args], { encoding: 'utf8' });
    expect(cli(['export', 'verify', out]).status).toBe(0);
    const manifest = manifestSchema.parse(
      JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')),
    );
    const flipped = join(fixture.dir, 'flipped');
    cpSync(out, flipped, { recursive: true });
    const target = join(flipped, manifest.files[0]!.file);
    const bytes = readFileSync(target);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
    writeFileSync(target, bytes);
    const result = cli(['export', 'verify', flipped]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`${manifest.files[0]!.file}: SHA-256 does not match`);
  });
});

describeSignedEvidence(() => fixture);
