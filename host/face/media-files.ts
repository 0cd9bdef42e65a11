/** Reading and writing image and video files as RGBA frames through ffmpeg. */
import { coded } from '../../contract/errors/codes.js';
import { spawn, execFile } from 'node:child_process';
import { extname } from 'node:path';
import { promisify } from 'node:util';
import { UserFacingError } from '../errors.js';
import { resolveFfmpeg, resolveFfprobe } from '../tools/ffmpeg.js';

const execFileAsync = promisify(execFile);

export const IMAGE_EXTENSIONS = ['.png', '.jpg', '.jpeg'] as const;
export const VIDEO_EXTENSIONS = ['.mp4', '.webm', '.mkv', '.y4m'] as const;

export type MediaKind = 'image' | 'video';
export type MediaInfo = { kind: MediaKind; width: number; height: number; fps: number };

/** A file that cannot be masked; the reason is one of the `face.*` codes. */
export class UnreadableMediaError extends UserFacingError {}

export function kindOfPath(path: string): MediaKind | null {
  const ext = extname(path).toLowerCase();
  if ((IMAGE_EXTENSIONS as readonly string[]).includes(ext)) return 'image';
  if ((VIDEO_EXTENSIONS as readonly string[]).includes(ext)) return 'video';
  return null;
}

export async function probeMedia(path: string): Promise<MediaInfo> {
  let stdout: string;
  try {
    ({ stdout } = await execFileAsync(resolveFfprobe(), [
      '-v',
      'error',
      '-select_streams',
      'v:0',
      '-show_entries',
      'stream=width,height,avg_frame_rate,r_frame_rate:format=format_name',
      '-of',
      'json',
      path,
    ]));
  } catch (error) {
    if (error instanceof UserFacingError) throw error;
    throw new UnreadableMediaError(coded('face.unreadable', { path }));
  }
  const parsed = JSON.parse(stdout) as {
    streams?: Array<{
      width?: number;
      height?: number;
      avg_frame_rate?: string;
      r_frame_rate?: string;
    }>;
    format?: { format_name?: string };
  };
  const stream = parsed.streams?.[0];
  if (!stream?.width || !stream.height)
    throw new UnreadableMediaError(coded('face.no-picture', { path }));
  const format = parsed.format?.format_name ?? '';
  const kind: MediaKind = /image2|_pipe$/.test(format) ? 'image' : 'video';
  const fps = parseRate(stream.avg_frame_rate) ?? parseRate(stream.r_frame_rate) ?? 25;
  return { kind, width: stream.width, height: stream.height, fps };
}

function parseRate(rate: string | undefined): number | null {
  const [num, den] = (rate ?? '').split('/').map(Number);
  if (!num || !den) return null;
  const fps = num / den;
  return fps > 0 && fps < 1000 ? fps : null;
}

/** Decodes every frame of the file as RGBA. */
export async function* readRgbaFrames(path: string, info: MediaInfo): AsyncGenerator<Uint8Array> {
  const frameBytes = info.width * info.height * 4;
  const child = spawn(
    resolveFfmpeg(),
    ['-v', 'error', '-i', path, '-map', '0:v:0', '-f', 'rawvideo', '-pix_fmt', 'rgba', '-'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  let pending: Buffer = Buffer.alloc(0);
  try {
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      while (pending.length >= frameBytes) {
        yield new Uint8Array(pending.subarray(0, frameBytes));
        pending = pending.subarray(frameBytes);
      }
    }
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
  const code = await exited;
  if (code !== 0 && code !== null)
    throw new UnreadableMediaError(
      coded('face.decoding-failed', {
        path,
        detail: stderr.trim().split('\n').pop() ?? 'ffmpeg error',
      }),
    );
}

export type FrameWriter = {
  write(frame: Uint8Array): Promise<void>;
  finish(): Promise<void>;
  abort(): void;
};

/** Encodes RGBA frames into `path` (format chosen by `outputExt`). Audio is never carried over. */
export function openFrameWriter(path: string, outputExt: string, info: MediaInfo): FrameWriter {
  const child = spawn(
    resolveFfmpeg(),
    [
      '-v',
      'error',
      '-y',
      '-f',
      'rawvideo',
      '-pix_fmt',
      'rgba',
      '-s',
      `${info.width}x${info.height}`,
      '-r',
      String(info.fps),
      '-i',
      '-',
      ...encoderArgs(outputExt),
      path,
    ],
    { stdio: ['pipe', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  child.stdin.on('error', () => undefined);
  return {
    write: (frame) =>
      new Promise((resolve) => {
        if (child.stdin.write(frame)) resolve();
        else child.stdin.once('drain', () => resolve());
      }),
    async finish() {
      child.stdin.end();
      const code = await exited;
      if (code !== 0)
        throw new UserFacingError(
          coded('face.write-failed', { detail: stderr.trim() || `ffmpeg exited with ${code}` }),
        );
    },
    abort() {
      child.kill('SIGKILL');
    },
  };
}

function encoderArgs(ext: string): string[] {
  const evenSize = ['-vf', 'pad=ceil(iw/2)*2:ceil(ih/2)*2'];
  switch (ext) {
    case '.png':
      return ['-frames:v', '1', '-f', 'image2', '-c:v', 'png'];
    case '.jpg':
    case '.jpeg':
      return [
        '-frames:v',
        '1',
        '-f',
        'image2',
        '-c:v',
        'mjpeg',
        '-q:v',
        '2',
        '-pix_fmt',
        'yuvj444p',
      ];
    case '.mp4':
    case '.mkv':
      return [
        ...evenSize,
        '-c:v',
        'libx264',
        '-preset',
        'veryfast',
        '-crf',
        '18',
        '-pix_fmt',
        'yuv420p',
        '-an',
        '-f',
        ext === '.mp4' ? 'mp4' : 'matroska',
      ];
    case '.webm':
      return [
        '-c:v',
        'libvpx-vp9',
        '-b:v',
        '0',
        '-crf',
        '30',
        '-deadline',
        'realtime',
        '-cpu-used',
        '8',
        '-an',
        '-f',
        'webm',
      ];
    case '.y4m':
      return [...evenSize, '-pix_fmt', 'yuv420p', '-f', 'yuv4mpegpipe'];
    default:
      throw new UserFacingError(coded('face.cannot-write', { ext }));
  }
}
