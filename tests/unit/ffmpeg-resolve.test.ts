import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FfmpegMissingError, resolveFfmpeg } from '../../host/tools/ffmpeg';

describe('resolveFfmpeg', () => {
  it('uses FFMPEG_BIN, and names it when it points nowhere', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ffmpeg-'));
    const binary = join(dir, 'ffmpeg');
    writeFileSync(binary, '');
    expect(resolveFfmpeg({ FFMPEG_BIN: binary })).toBe(binary);
    expect(() => resolveFfmpeg({ FFMPEG_BIN: join(dir, 'missing') })).toThrow(/FFMPEG_BIN/);
  });

  it('prefers the ffmpeg-static binary, then an ffmpeg on PATH, and says how to get one', () => {
    const withFfmpeg = mkdtempSync(join(tmpdir(), 'path-'));
    writeFileSync(join(withFfmpeg, 'ffmpeg'), '');
    const empty = mkdtempSync(join(tmpdir(), 'empty-'));
    let bundled: string | undefined;
    try {
      bundled = resolveFfmpeg({ PATH: empty });
    } catch (error) {
      expect(error).toBeInstanceOf(FfmpegMissingError);
      expect((error as Error).message).toContain('FFMPEG_BIN=/usr/bin/ffmpeg');
    }
    expect(resolveFfmpeg({ PATH: withFfmpeg })).toBe(bundled ?? join(withFfmpeg, 'ffmpeg'));
  });
});
