import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { UserFacingError } from '../errors.js';

export class FfmpegMissingError extends UserFacingError {
  constructor(detail: string) {
    super(
      `ffmpeg was not found (${detail}). Reinstall with \`npm install\` (ffmpeg-static downloads it), or set FFMPEG_BIN to an ffmpeg binary, e.g. FFMPEG_BIN=/usr/bin/ffmpeg.`,
    );
  }
}

/** The ffmpeg to run: FFMPEG_BIN when set, else the binary ffmpeg-static installed. */
export function resolveFfmpeg(env: NodeJS.ProcessEnv = process.env): string {
  if (env.FFMPEG_BIN) {
    if (!existsSync(env.FFMPEG_BIN))
      throw new FfmpegMissingError(`FFMPEG_BIN points at ${env.FFMPEG_BIN}, which does not exist`);
    return env.FFMPEG_BIN;
  }
  let bundled: string | null;
  try {
    bundled = createRequire(import.meta.url)('ffmpeg-static') as string | null;
  } catch {
    throw new FfmpegMissingError('the ffmpeg-static package is not installed');
  }
  if (!bundled || !existsSync(bundled))
    throw new FfmpegMissingError('ffmpeg-static has no binary for this machine');
  return bundled;
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
  if (existsSync('/usr/bin/ffprobe')) return '/usr/bin/ffprobe';
  throw new UserFacingError('ffprobe was not found. Set FFPROBE_BIN to an ffprobe binary.');
}
