/**
 * Renders one window of the public feed into an HLS segment (MPEG-TS, H.264 + AAC) with ffmpeg: the
 * open record's pictures tiled on a black canvas and its sound mixed, then the redactions (black,
 * 1 kHz bleep, the court's notice) and the closed-session card (and silence) drawn over it. ffmpeg
 * runs in the feed's folder so the filter graph names only fixed local files (font, notice texts),
 * never a path that would need escaping.
 */
import { spawn } from 'node:child_process';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { keyFileOf, segmentName } from './feed-timeline.js';
import { videoPeers, type WindowPlan } from './window-plan.js';

export type FeedLook = { width: number; height: number; fps: number; segmentSeconds: number };

export const FONT_FILE = 'feed-font.ttf';
export const REDACTED_TEXT_FILE = 'redacted.txt';
export const CLOSED_TEXT_FILE = 'closed.txt';
const CARD_COLOUR = '0x1b2a41';

type Range = { from: number; to: number };
const during = (ranges: Range[]) =>
  ranges.map((r) => `between(t,${r.from.toFixed(3)},${r.to.toFixed(3)})`).join('+');

export function renderArgs(plan: WindowPlan, look: FeedLook, outFile: string): string[] {
  const seconds = look.segmentSeconds;
  const inputs: string[] = [];
  const graph: string[] = [
    `color=c=black:s=${look.width}x${look.height}:r=${look.fps}:d=${seconds}[base0]`,
    `anullsrc=r=48000:cl=stereo,atrim=duration=${seconds}[silence]`,
  ];
  const peers = videoPeers(plan);
  const columns = Math.max(1, Math.ceil(Math.sqrt(peers.length)));
  const rows = Math.max(1, Math.ceil(peers.length / columns));
  const tileWidth = 2 * Math.floor(look.width / columns / 2);
  const tileHeight = 2 * Math.floor(look.height / rows / 2);
  let base = 'base0';
  const audio: string[] = ['silence'];
  plan.sources.forEach((source, i) => {
    inputs.push('-threads', '1', '-i', source.path);
    const skip = Math.max(0, -source.offset).toFixed(3);
    const delay = Math.max(0, source.offset);
    const keep = Math.max(0.001, seconds - delay).toFixed(3);
    if (source.kind === 'video') {
      const tile = peers.indexOf(source.peerId);
      const x = (tile % columns) * tileWidth;
      const y = Math.floor(tile / columns) * tileHeight;
      // Placed by the segment's own timestamps (0 = its start), never by its first decodable
      // frame: a segment that begins without a keyframe must not slide earlier, out from under a
      // redaction drawn at the recorded instant.
      graph.push(
        `[${i}:v]trim=start=${skip}:end=${(Number(skip) + Number(keep)).toFixed(3)},` +
          `setpts=PTS+${source.offset.toFixed(3)}/TB,` +
          `scale=${tileWidth}:${tileHeight}:force_original_aspect_ratio=decrease[v${i}]`,
        `[${base}][v${i}]overlay=x=${x}+(${tileWidth}-overlay_w)/2:y=${y}+(${tileHeight}-overlay_h)/2:eof_action=pass[base${i + 1}]`,
      );
      base = `base${i + 1}`;
    } else {
      graph.push(
        `[${i}:a]atrim=start=${skip}:duration=${keep},asetpts=PTS-STARTPTS,aresample=48000,` +
          `aformat=channel_layouts=stereo,adelay=${Math.round(delay * 1000)}:all=1[a${i}]`,
      );
      audio.push(`a${i}`);
    }
  });
  const picture = [`[${base}]null`];
  const sound = [
    `${audio.map((label) => `[${label}]`).join('')}amix=inputs=${audio.length}:normalize=0:duration=first`,
  ];
  const text = (file: string, size: string, y: string, enable: string) =>
    `drawtext=fontfile=${FONT_FILE}:textfile=${file}:expansion=none:fontcolor=white:fontsize=${size}:` +
    `x=(w-tw)/2:y=${y}:box=1:boxcolor=black@0.6:boxborderw=8:enable='${enable}'`;
  if (plan.redacted.length > 0) {
    const when = during(plan.redacted);
    picture.push(
      `drawbox=x=0:y=0:w=iw:h=ih:color=black:t=fill:enable='${when}'`,
      text(REDACTED_TEXT_FILE, 'h/18', 'h-2*th', when),
    );
    sound.push(`aeval='if(${when},0.25*sin(2*PI*1000*t),val(ch))':c=same`);
  }
  if (plan.closed.length > 0) {
    const when = during(plan.closed);
    picture.push(
      `drawbox=x=0:y=0:w=iw:h=ih:color=${CARD_COLOUR}:t=fill:enable='${when}'`,
      text(CLOSED_TEXT_FILE, 'h/14', '(h-th)/2', when),
    );
    sound.push(`volume=0:enable='${when}'`);
  }
  graph.push(`${picture.join(',')},format=yuv420p[vout]`, `${sound.join(',')}[aout]`);
  return [
    '-hide_banner',
    '-nostdin',
    '-loglevel',
    'error',
    '-y',
    // A recorded segment that begins before its first keyframe decodes with errors; past ffmpeg's
    // default rate (2/3 of frames) the whole window would fail and be shown without any media.
    '-max_error_rate',
    '1',
    ...inputs,
    // One thread per stage: a 640x360 picture gains nothing from more, and costs less CPU in all.
    '-filter_complex_threads',
    '1',
    '-filter_complex',
    graph.join(';'),
    '-map',
    '[vout]',
    '-map',
    '[aout]',
    '-t',
    String(seconds),
    '-c:v',
    'libx264',
    '-threads',
    '1',
    '-preset',
    'ultrafast',
    '-crf',
    '26',
    '-r',
    String(look.fps),
    '-c:a',
    'aac',
    '-b:a',
    '64k',
    '-ar',
    '48000',
    '-output_ts_offset',
    (plan.index * seconds).toFixed(3),
    '-f',
    'mpegts',
    outFile,
  ];
}

export function runFfmpegIn(ffmpeg: string, cwd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpeg, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-1500)));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`ffmpeg exit ${code}: ${stderr.trim()}`)),
    );
  });
}

/**
 * Writes the window's segment under its final name only once complete. A window whose recorded
 * media ffmpeg cannot read is rendered without it (black and silent, with its notices and cards).
 */
export async function renderWindow(
  ffmpeg: string,
  outDir: string,
  plan: WindowPlan,
  look: FeedLook,
  fileName: string,
): Promise<{ withoutMedia: boolean }> {
  const partial = `.${fileName}.part`;
  try {
    await runFfmpegIn(ffmpeg, outDir, renderArgs(plan, look, partial));
    renameSync(join(outDir, partial), join(outDir, fileName));
    return { withoutMedia: false };
  } catch (error) {
    if (plan.sources.length === 0) throw error;
    await runFfmpegIn(ffmpeg, outDir, renderArgs({ ...plan, sources: [] }, look, partial));
    renameSync(join(outDir, partial), join(outDir, fileName));
    return { withoutMedia: true };
  } finally {
    rmSync(join(outDir, partial), { force: true });
  }
}

/**
 * Renders a window and records beside it the plan key it was made for (after the segment, so a
 * crash between the two leaves a key that no longer matches, and the window is rendered again).
 */
export async function renderWindowFile(
  feed: {
    ffmpeg: string;
    outDir: string;
    onProblem?: ((problem: { index: number; detail: string }) => void) | undefined;
  },
  plan: WindowPlan,
  look: FeedLook,
  key: string,
): Promise<boolean> {
  const file = segmentName(plan.index);
  try {
    const result = await renderWindow(feed.ffmpeg, feed.outDir, plan, look, file);
    if (result.withoutMedia)
      feed.onProblem?.({
        index: plan.index,
        detail: 'recorded media unreadable: shown without it',
      });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    feed.onProblem?.({ index: plan.index, detail });
    return false;
  }
  writeFileSync(join(feed.outDir, keyFileOf(file)), key);
  return true;
}
