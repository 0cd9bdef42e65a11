import { coded } from '../../contract/errors/codes.js';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { resolveFfmpeg } from '../tools/ffmpeg.js';
import { AudioInputError, AudioOutputError } from './errors.js';
import { WavFormatError, decodeWav, encodeWav, type PcmAudio } from './wav.js';

const MAX_INPUT_BYTES = 2 * 1024 ** 3;

/** Reads a WAV natively; anything else (FLAC, MP3, Ogg, M4A…) through ffmpeg. */
export async function readAudioFile(path: string): Promise<PcmAudio> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new AudioInputError(coded('voice.not-a-file', { path }));
    size = info.size;
  } catch (error) {
    if (error instanceof AudioInputError) throw error;
    throw new AudioInputError(coded('voice.cannot-read', { path, detail: describeFsError(error) }));
  }
  if (size === 0) throw new AudioInputError(coded('voice.empty', { path }));
  if (size > MAX_INPUT_BYTES) throw new AudioInputError(coded('voice.too-large', { path }));

  let audio: PcmAudio | null = null;
  if (extname(path).toLowerCase() === '.wav') {
    try {
      audio = decodeWav(new Uint8Array(await readFile(path)));
    } catch (error) {
      if (!(error instanceof WavFormatError)) throw error;
    }
  }
  audio ??= await decodeWithFfmpeg(path);
  const frames = audio.channels[0]?.length ?? 0;
  if (audio.channels.length === 0 || frames === 0) {
    throw new AudioInputError(coded('voice.no-samples', { path }));
  }
  return audio;
}

async function decodeWithFfmpeg(path: string): Promise<PcmAudio> {
  const ffmpeg = resolveFfmpeg();
  const args = [
    '-v',
    'error',
    '-nostdin',
    '-i',
    path,
    '-map',
    '0:a:0',
    '-f',
    'wav',
    '-c:a',
    'pcm_f32le',
    '-',
  ];
  const { code, stdout, stderr } = await run(ffmpeg, args);
  if (code !== 0 || stdout.length === 0) {
    const reason = stderr.trim().split('\n').pop() ?? 'no audio stream';
    throw new AudioInputError(coded('voice.unreadable', { path, detail: reason }));
  }
  try {
    return decodeWav(new Uint8Array(stdout));
  } catch (error) {
    if (error instanceof WavFormatError) {
      throw new AudioInputError(coded('voice.undecodable', { path, detail: error.message }));
    }
    throw error;
  }
}

/**
 * Writes WAV natively, anything else through ffmpeg, always to a temporary file beside the target that
 * is renamed into place at the end: a failure never leaves a partial file under the output's name.
 */
export async function writeAudioFileAtomically(path: string, audio: PcmAudio): Promise<void> {
  const extension = extname(path).toLowerCase() || '.wav';
  const temporary = join(
    dirname(path),
    `.${basename(path)}.${randomBytes(4).toString('hex')}.partial${extension}`,
  );
  const temporaryWav = extension === '.wav' ? temporary : `${temporary}.source.wav`;
  try {
    await writeFile(temporaryWav, encodeWav(audio));
    if (extension !== '.wav') {
      const { code, stderr } = await run(resolveFfmpeg(), [
        '-v',
        'error',
        '-nostdin',
        '-y',
        '-i',
        temporaryWav,
        temporary,
      ]);
      if (code !== 0) {
        throw new AudioOutputError(
          coded('voice.write-format', {
            path,
            format: extension.slice(1),
            detail: stderr.trim().split('\n').pop() ?? 'ffmpeg failed',
          }),
        );
      }
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    if (error instanceof AudioOutputError) throw error;
    throw new AudioOutputError(
      coded('voice.write-failed', { path, detail: describeFsError(error) }),
    );
  } finally {
    if (temporaryWav !== temporary) await rm(temporaryWav, { force: true });
  }
}

function run(
  command: string,
  args: string[],
): Promise<{ code: number | null; stdout: Buffer; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(chunks), stderr }));
  });
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  return error instanceof Error ? error.message : String(error);
}
