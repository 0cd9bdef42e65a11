/** Export faults: clear errors a clerk can act on, and never a folder that looks complete. */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportEvidence } from '../../../host/evidence/export';
import { verifyExport } from '../../../host/evidence/verify-export';
import { silentLogger } from '../../../host/logger';
import { CourtRecording } from '../../../host/recording/court-recording';
import { recordingsRootFor } from '../../../host/recording/layout';
import { FfmpegMissingError } from '../../../host/tools/ffmpeg';
import { recordsWithHearing, type RecordsFixture } from '../../../scripts/lib/recording-fixture';
import { incamera } from '../records/support';

let fixture: RecordsFixture;
beforeAll(async () => {
  fixture = await recordsWithHearing();
});
const run = (outDir: string, env: NodeJS.ProcessEnv = process.env) =>
  exportEvidence({
    db: fixture.db,
    dbPath: fixture.dbPath,
    hearingId: fixture.hearingId,
    outDir,
    actor: { name: 'Clerk', role: 'clerk' },
    dataKey: fixture.key,
    env,
  });
const leftovers = () => readdirSync(fixture.dir).filter((name) => name.includes('.partial-'));

describe('evidence export faults', () => {
  it('refuses a minutes language it does not have, saying which to give', () => {
    const result = incamera([
      'export',
      ...['--db', fixture.dbPath, '--hearing', String(fixture.hearingId)],
      ...['--out', join(fixture.dir, 'lang'), '--lang', 'de'],
    ]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--lang de is not a language of the minutes');
    expect(result.stderr).toContain('--lang en, --lang ru or --lang ky');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(leftovers()).toEqual([]);
  });

  it('names FFMPEG_BIN when ffmpeg is missing, for the export and for recording', async () => {
    const env = { ...process.env, FFMPEG_BIN: '/no/such/ffmpeg' };
    await expect(run(join(fixture.dir, 'a'), env)).rejects.toThrow(/FFMPEG_BIN/);
    const recording = new CourtRecording(recordingsRootFor(fixture.dbPath), silentLogger(), env);
    await expect(
      recording.start(fixture.hearingId, false, { peers: new Map() } as never, () => undefined),
    ).rejects.toBeInstanceOf(FfmpegMissingError);
    expect(recording.on).toBe(false);
  });

  it('refuses a folder that is not empty, and an output it cannot write, leaving nothing behind', async () => {
    const full = join(fixture.dir, 'full');
    mkdirSync(full);
    writeFileSync(join(full, 'something.txt'), 'x');
    await expect(run(full)).rejects.toThrow(/already exists and is not empty/);
    const aFile = join(fixture.dir, 'a-file');
    writeFileSync(aFile, 'x');
    await expect(run(join(aFile, 'export'))).rejects.toThrow(
      /Nothing was exported|nothing was kept/,
    );
    expect(leftovers()).toEqual([]);
    expect(readdirSync(full)).toEqual(['something.txt']);
  });

  it('writes the minutes as HTML and says why the PDF was skipped when there is no Chromium', async () => {
    const out = join(fixture.dir, 'no-chromium');
    const { manifest } = await run(out, { ...process.env, CHROMIUM_PATH: '/no/such/chromium' });
    expect(manifest.files.map((f) => f.file)).toContain('minutes.html');
    expect(manifest.files.map((f) => f.file)).not.toContain('minutes.pdf');
    expect(manifest.skipped.join(' ')).toMatch(/minutes\.pdf was not made: no Chromium was found/);
    expect(await verifyExport(out)).toMatchObject({ ok: true });
  });

  it('verify refuses a folder that is not an export', async () => {
    await expect(verifyExport(fixture.dir)).rejects.toThrow(/not an InCamera manifest/);
  });
});
