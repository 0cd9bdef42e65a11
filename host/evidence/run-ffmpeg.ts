/** Runs ffmpeg or ffprobe to completion, reporting progress (seconds of output written). */
import { coded } from '../../contract/errors/codes.js';
import { spawn } from 'node:child_process';
import { UserFacingError } from '../errors.js';

export class MediaToolError extends UserFacingError {}

export function runFfmpeg(
  ffmpeg: string,
  args: string[],
  onSeconds?: (seconds: number) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      ffmpeg,
      ['-hide_banner', '-nostdin', '-loglevel', 'error', '-progress', 'pipe:1', '-y', ...args],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      const match = /out_time_us=(\d+)/.exec(chunk.toString());
      if (match?.[1]) onSeconds?.(Number(match[1]) / 1e6);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
    child.on('error', (error) =>
      reject(
        new MediaToolError(
          coded('media-tool.cannot-run', { tool: 'ffmpeg', detail: error.message }),
        ),
      ),
    );
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(
            new MediaToolError(
              coded('media-tool.failed', {
                tool: 'ffmpeg',
                detail: `exit ${code}: ${stderr.trim().slice(-600)}`,
              }),
            ),
          ),
    );
  });
}

export type ProbedStream = { kind: 'audio' | 'video'; codec: string; duration: number };
export type Probe = { duration: number; streams: ProbedStream[] };

export function probe(ffprobe: string, file: string): Promise<Probe> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      ffprobe,
      [
        '-v',
        'error',
        '-show_entries',
        'format=duration:stream=codec_type,codec_name,duration',
        '-of',
        'json',
        file,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', (error) =>
      reject(
        new MediaToolError(
          coded('media-tool.cannot-run', { tool: 'ffprobe', detail: error.message }),
        ),
      ),
    );
    child.on('exit', (code) => {
      if (code !== 0)
        return reject(
          new MediaToolError(coded('media-tool.cannot-read', { file, detail: err.trim() })),
        );
      const json = JSON.parse(out) as {
        format?: { duration?: string };
        streams?: { codec_type?: string; codec_name?: string; duration?: string }[];
      };
      resolve({
        duration: Number(json.format?.duration ?? 0),
        streams: (json.streams ?? [])
          .filter((s) => s.codec_type === 'audio' || s.codec_type === 'video')
          .map((s) => ({
            kind: s.codec_type as 'audio' | 'video',
            codec: s.codec_name ?? '',
            duration: Number(s.duration ?? json.format?.duration ?? 0),
          })),
      });
    });
  });
}
