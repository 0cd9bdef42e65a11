/**
 * The recorder and the evidence export with real ffmpeg, real SFU producers and a real records
 * database: segments while recording, a sealed closed-session part, masters, a redacted copy,
 * minutes, a manifest that verify accepts until one byte changes.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportEvidence } from '../../../host/evidence/export';
import { manifest as manifestSchema, type Manifest } from '../../../host/evidence/manifest';
import {
  courtPublicKey,
  courtSealingKey,
  courtSealingPublicKey,
  keyFingerprint,
} from '../../../host/records/crypto/court-keys';
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
import { FIXTURE_PASSPHRASE } from '../../../scripts/lib/records-db-fixture';

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

describe('signed evidence', () => {
  let out: string;
  let fingerprint: string;
  const cli = (args: string[]) =>
    spawnSync(process.execPath, [cliPath, ...args], { encoding: 'utf8' });
  /** A copy of the export with one byte of FILE changed and its hash rewritten in the manifest. */
  const tamperedCopy = (name: string, file: string, rehash: boolean) => {
    const copy = join(fixture.dir, name);
    cpSync(out, copy, { recursive: true });
    const bytes = readFileSync(join(copy, file));
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
    writeFileSync(join(copy, file), bytes);
    if (rehash) {
      const manifest = JSON.parse(readFileSync(join(copy, 'manifest.json'), 'utf8')) as Manifest;
      const entry = manifest.files.find((f) => f.file === file)!;
      entry.sha256 = createHash('sha256').update(bytes).digest('hex');
      writeFileSync(join(copy, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    }
    return copy;
  };

  beforeAll(() => {
    const exports = readdirSync(fixture.dir).filter((n) => n === 'export');
    out = join(fixture.dir, exports[0]!);
    fingerprint = keyFingerprint(courtPublicKey(fixture.db)!);
  });

  it('prints the key and the audit head in the minutes and the manifest hash in the audit log', async () => {
    const html = readFileSync(join(out, 'minutes.html'), 'utf8');
    expect(html).toContain(fingerprint);
    const manifest = manifestSchema.parse(
      JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')),
    );
    expect(manifest.signedBy?.fingerprint).toBe(fingerprint);
    expect(html).toContain(manifest.auditHead!.hash);
    expect(
      await verifyExport(out, { db: fixture.db, courtKey: courtPublicKey(fixture.db) }),
    ).toMatchObject({
      ok: true,
      keyChecked: true,
    });
  });

  it('a copy elsewhere verifies with only the fingerprint, and not with another', async () => {
    const copy = join(fixture.dir, 'copy-elsewhere');
    cpSync(out, copy, { recursive: true });
    const result = cli(['export', 'verify', copy, '--fingerprint', fingerprint.replace(/ /g, '')]);
    expect(result.stdout).toMatch(/^intact/);
    expect(result.status).toBe(0);
    const other = await verifyExport(copy, { fingerprint: 'ab'.repeat(32) });
    expect(other.ok).toBe(false);
    expect(other.problems.join('\n')).toMatch(
      /manifest\.json: signed by the key .* not the court's key/,
    );
  });

  it('fails naming the file when a recording or the minutes are changed and re-hashed in the manifest', async () => {
    const manifest = manifestSchema.parse(
      JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')),
    );
    const recording = manifest.files.find((f) => f.kind === 'master')!.file;
    const copy = tamperedCopy('tampered-recording', recording, true);
    const result = cli(['export', 'verify', copy, '--fingerprint', fingerprint]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      `${recording}: its entry in the manifest (hash or size) is not the one the court key signed`,
    );
    expect(result.stdout).toContain('manifest.json: the signature does not match');
    const minutes = await verifyExport(tamperedCopy('tampered-minutes', 'minutes.html', true), {
      fingerprint,
    });
    expect(minutes.problems).toContain(
      'minutes.html: its entry in the manifest (hash or size) is not the one the court key signed',
    );
  });

  it('exports the closed session sealed; a judge with a reason opens a copy that plays, audited', async () => {
    const manifest = manifestSchema.parse(
      JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')),
    );
    const sealed = manifest.files.find((f) => f.sealed)!;
    expect(sealed.file).toMatch(/^sealed\/.+\.webm\.sealed$/);
    expect(readFileSync(join(out, sealed.file)).subarray(0, 4).equals(EBML_MAGIC)).toBe(false);
    expect(readdirSync(join(out, 'sealed')).filter((f) => f.endsWith('.webm'))).toEqual([]);
    const opened = join(fixture.dir, 'opened-by-judge.webm');
    const env = { ...process.env, INCAMERA_PASSPHRASE: FIXTURE_PASSPHRASE };
    const unseal = (role: string) =>
      spawnSync(
        process.execPath,
        [
          cliPath,
          'export',
          'unseal',
          join(out, sealed.file),
          '--db',
          fixture.dbPath,
          '--out',
          opened,
          '--reason',
          'appeal court order 12',
          '--as',
          role,
        ],
        { encoding: 'utf8', env },
      );
    const refused = unseal('clerk');
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/Only a judge may open a closed-session file/);
    expect(existsSync(opened)).toBe(false);
    const result = unseal('judge');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const probed = await probe(resolveFfprobe(), opened);
    expect(probed.streams.map((s) => s.codec).sort()).toEqual(['opus', 'vp8']);
    expect(probed.duration).toBeGreaterThan(2);
    const actions = fixture.db
      .prepare(
        `SELECT action, actor_role AS role, detail FROM audit_log WHERE action LIKE 'evidence.unseal%' ORDER BY seq`,
      )
      .all() as { action: string; role: string; detail: string }[];
    expect(actions.map((a) => [a.action, a.role])).toEqual([
      ['evidence.unseal-refused', 'clerk'],
      ['evidence.unsealed', 'judge'],
    ]);
    expect(JSON.parse(actions[1]!.detail)).toMatchObject({ reason: 'appeal court order 12' });
  });

  it('fails the signature when only the manifest is edited, and the audit check with --db', async () => {
    const copy = join(fixture.dir, 'edited-manifest');
    cpSync(out, copy, { recursive: true });
    const text = readFileSync(join(copy, 'manifest.json'), 'utf8');
    writeFileSync(
      join(copy, 'manifest.json'),
      text.replace('"exportedBy": "clerk Clerk"', '"exportedBy": "clerk Someone"'),
    );
    const result = await verifyExport(copy, {
      db: fixture.db,
      courtKey: courtPublicKey(fixture.db),
    });
    expect(result.problems).toEqual([
      'manifest.json: the signature does not match (the manifest was changed after it was signed)',
      expect.stringMatching(
        /^manifest\.json: the audit log records no export of hearing \d+ with this manifest/,
      ),
    ]);
  });

  it('refuses to export a segment changed on disk after it was closed, naming it', async () => {
    const [open] = readHearingRecording(recordingsRootFor(fixture.dbPath), fixture.hearingId);
    const track = open!.tracks[0]!;
    const file = join(track.dir, track.segments[0]!.file);
    const bytes = readFileSync(file);
    bytes[bytes.length - 10]! ^= 0x01;
    writeFileSync(file, bytes);
    await expect(
      exportEvidence({
        db: fixture.db,
        dbPath: fixture.dbPath,
        hearingId: fixture.hearingId,
        outDir: join(fixture.dir, 'after-swap'),
        actor: { name: 'Clerk', role: 'clerk' },
        dataKey: fixture.key,
      }),
    ).rejects.toThrow(new RegExp(`${track.segments[0]!.file} does not match the hash recorded`));
  });
});
