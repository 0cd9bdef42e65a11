import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeWav } from '../../host/voice/wav';
import { resolveFfmpeg } from '../../host/tools/ffmpeg';
import { speechDir } from '../../scripts/lib/testdata';

const cli = fileURLToPath(new URL('../../bin/incamera.mjs', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'incamera-voice-cli-'));
const source = join(speechDir(), 'vctk_p225_001.wav');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const run = (...args: string[]) =>
  spawnSync(process.execPath, [cli, 'voice', 'anonymise', ...args], {
    encoding: 'utf8',
    env: { ...process.env, INCAMERA_LANG: 'en' },
  });

function probe(path: string) {
  const decoded = spawnSync(
    resolveFfmpeg(),
    ['-v', 'error', '-i', path, '-f', 'wav', '-c:a', 'pcm_f32le', '-'],
    {
      maxBuffer: 1 << 28,
    },
  );
  return decodeWav(new Uint8Array(decoded.stdout));
}

describe('incamera voice anonymise', () => {
  it('disguises a mono WAV keeping rate and length, the same seed giving the same file', () => {
    const first = join(work, 'a.wav');
    const again = join(work, 'b.wav');
    const other = join(work, 'c.wav');
    expect(run(source, first, '--seed', 'hearing-1').status).toBe(0);
    expect(run(source, again, '--seed', 'hearing-1').status).toBe(0);
    expect(run(source, other, '--seed', 'hearing-2', '--preset', 'strong').status).toBe(0);
    const input = decodeWav(readFileSync(source));
    const output = decodeWav(readFileSync(first));
    expect(output.sampleRate).toBe(input.sampleRate);
    expect(output.channels).toHaveLength(1);
    expect(output.channels[0]!.length).toBe(input.channels[0]!.length);
    expect(readFileSync(again).equals(readFileSync(first))).toBe(true);
    expect(readFileSync(other).equals(readFileSync(first))).toBe(false);
  });

  it('disguises a stereo FLAC at 44.1 kHz into FLAC', () => {
    const flac = join(work, 'stereo.flac');
    spawnSync(resolveFfmpeg(), ['-v', 'error', '-i', source, '-ac', '2', '-ar', '44100', flac]);
    const result = run(flac, join(work, 'stereo-out.flac'), '--preset', 'light', '--seed', 's');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('channels: 2, 44100 Hz');
    const output = probe(join(work, 'stereo-out.flac'));
    expect(output.channels).toHaveLength(2);
    expect(output.sampleRate).toBe(44100);
    expect(Math.abs(output.channels[0]!.length - probe(flac).channels[0]!.length)).toBe(0);
  });

  it.each([
    ['ru', 'Голос изменён', 'разовый случайный голос'],
    ['ky', 'Үн өзгөртүлдү', 'бир жолку кокус үн'],
  ])('reports in the language asked for (%s)', (language, done, oneOff) => {
    const result = spawnSync(
      process.execPath,
      [cli, 'voice', 'anonymise', source, join(work, `lang-${language}.wav`)],
      { encoding: 'utf8', env: { ...process.env, INCAMERA_LANG: language } },
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(done);
    expect(result.stdout).toContain(oneOff);
    expect(result.stdout).not.toMatch(/Disguised|channel|one-off/);
  });

  it('refuses bad input with a clear message and leaves no output behind', () => {
    const dir = mkdtempSync(join(work, 'bad-'));
    writeFileSync(join(dir, 'text.wav'), 'this is not audio');
    writeFileSync(join(dir, 'empty.wav'), '');
    const cases: Array<[string, RegExp]> = [
      [join(dir, 'text.wav'), /is not an audio file that can be read/],
      [join(dir, 'empty.wav'), /is empty/],
      [join(dir, 'missing.wav'), /Cannot read .*no such file/],
      [dir, /is not a file/],
    ];
    for (const [input, message] of cases) {
      const result = run(input, join(dir, 'out.wav'));
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
    const unwritable = run(source, join(dir, 'out.nosuchformat'));
    expect(unwritable.status).toBe(1);
    expect(unwritable.stderr).toContain('Could not write');
    expect(readdirSync(dir).sort()).toEqual(['empty.wav', 'text.wav']);
  });
});
