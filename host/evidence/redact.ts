/**
 * The public copy of a master: for every redaction range the picture is black and the voice is
 * replaced by a 1 kHz bleep. Re-encoded to MP4 (H.264/AAC) for any player; the master is untouched.
 */
import type { Probe } from './run-ffmpeg.js';
import { runFfmpeg } from './run-ffmpeg.js';

export type Range = { from: number; to: number };

/** Ranges in the master's own seconds, clipped to it; empty when none touches it. */
export function rangesWithin(
  marks: { fromAt: string; toAt: string }[],
  masterStart: Date,
  durationSeconds: number,
): Range[] {
  return marks
    .map((mark) => ({
      from: (Date.parse(mark.fromAt) - masterStart.getTime()) / 1000,
      to: (Date.parse(mark.toAt) - masterStart.getTime()) / 1000,
    }))
    .filter((range) => range.to > 0 && range.from < durationSeconds)
    .map((range) => ({ from: Math.max(0, range.from), to: Math.min(durationSeconds, range.to) }));
}

export function redactionFilters(
  ranges: Range[],
  probe: Probe,
): { filter: string; maps: string[] } {
  const during = ranges.map((r) => `between(t,${r.from.toFixed(3)},${r.to.toFixed(3)})`).join('+');
  const parts: string[] = [];
  const maps: string[] = [];
  if (probe.streams.some((s) => s.kind === 'video')) {
    parts.push(
      `[0:v]drawbox=x=0:y=0:w=iw:h=ih:color=black:t=fill:enable='${during}',format=yuv420p[v]`,
    );
    maps.push('[v]');
  }
  if (probe.streams.some((s) => s.kind === 'audio')) {
    parts.push(`[0:a]aeval='if(${during},0.25*sin(2*PI*1000*t),val(0))':c=same[a]`);
    maps.push('[a]');
  }
  return { filter: parts.join(';'), maps };
}

export async function writeRedactedCopy(
  ffmpeg: string,
  master: string,
  probe: Probe,
  ranges: Range[],
  out: string,
  onSeconds?: (seconds: number) => void,
): Promise<void> {
  const { filter, maps } = redactionFilters(ranges, probe);
  const args = ['-i', master, '-filter_complex', filter];
  for (const map of maps) args.push('-map', map);
  args.push(
    '-c:v',
    'libx264',
    '-preset',
    'veryfast',
    '-crf',
    '23',
    '-c:a',
    'aac',
    '-b:a',
    '96k',
    '-movflags',
    '+faststart',
    '-f',
    'mp4',
    out,
  );
  await runFfmpeg(ffmpeg, args, onSeconds);
}
