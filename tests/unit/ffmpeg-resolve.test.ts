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

  it('falls back to an ffmpeg on PATH, and says how to get one when there is none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'path-'));
    writeFileSync(join(dir, 'ffmpeg'), '');
    const resolved = resolveFfmpeg({ PATH: dir });
    expect(resolved === join(dir, 'ffmpeg') || resolved.includes('ffmpeg-static')).toBe(true);
    const empty = mkdtempSync(join(tmpdir(), 'empty-'));
    try {
      const found = resolveFfmpeg({ PATH: empty });
      expect(found).toContain('ffmpeg-static');
    } catch (error) {
      expect(error).toBeInstanceOf(FfmpegMissingError);
      expect((error as Error).message).toContain('FFMPEG_BIN=/usr/bin/ffmpeg');
    }
  });
});
