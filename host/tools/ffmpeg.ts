import { coded } from '../../contract/errors/codes.js';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';
import { UserFacingError } from '../errors.js';

export class FfmpegMissingError extends UserFacingError {
  constructor(detail: string) {
    super(coded('ffmpeg.missing', { detail }));
  }
}

/**
 * The ffmpeg to run: FFMPEG_BIN when set; else the binary ffmpeg-static installed; else an ffmpeg
 * on PATH (offline installs, where ffmpeg-static could not download its binary).
 */
export function resolveFfmpeg(env: NodeJS.ProcessEnv = process.env): string {
  if (env.FFMPEG_BIN) {
    if (!existsSync(env.FFMPEG_BIN))
      throw new FfmpegMissingError(`FFMPEG_BIN points at ${env.FFMPEG_BIN}, which does not exist`);
    return env.FFMPEG_BIN;
  }
  const bundled = ffmpegStaticBinary();
  if (bundled) return bundled;
  const onPath = findOnPath(process.platform === 'win32' ? 'ffmpeg.exe' : 'ffmpeg', env);
  if (onPath) return onPath;
  throw new FfmpegMissingError('ffmpeg-static has no binary for this machine and none is on PATH');
}

/** ffprobe sits beside ffmpeg in Debian and most installs; FFPROBE_BIN overrides. */
export function resolveFfprobe(env: NodeJS.ProcessEnv = process.env): string {
  if (env.FFPROBE_BIN) return env.FFPROBE_BIN;
  const ffmpeg = resolveFfmpeg(env);
  const sibling = ffmpeg.replace(
    /ffmpeg(\.exe)?$/,
    (_match, exe: string | undefined) => `ffprobe${exe ?? ''}`,
  );
  if (sibling !== ffmpeg && existsSync(sibling)) return sibling;
  const onPath = findOnPath(process.platform === 'win32' ? 'ffprobe.exe' : 'ffprobe', env);
  if (onPath) return onPath;
  throw new UserFacingError(coded('ffprobe.missing'));
}

function ffmpegStaticBinary(): string | undefined {
  try {
    const path = createRequire(import.meta.url)('ffmpeg-static') as string | null;
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

function findOnPath(name: string, env: NodeJS.ProcessEnv): string | undefined {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return undefined;
}
