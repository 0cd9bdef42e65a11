/**
 * The feed's own record in its folder (feed.json), so that a host restarted mid-hearing resumes the
 * same feed: the same origin, delay and windows, nothing released twice or early, and the redactions
 * it was given kept even if the caller forgets them. Written atomically after every change.
 */
import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeJsonAtomic } from '../recording/layout.js';
import { CLOSED_TEXT_FILE, FONT_FILE, REDACTED_TEXT_FILE } from './render-window.js';

const span = z.object({ fromMs: z.number(), toMs: z.number() });

export const feedState = z.object({
  format: z.literal('incamera-public-feed/1'),
  hearingId: z.number().int().positive(),
  originMs: z.number(),
  segmentMs: z.number().int().positive(),
  delayMs: z.number().int().positive(),
  stoppedAtMs: z.number().optional(),
  /** The last window released to the public; -1 before the first. */
  releasedThrough: z.number().int(),
  redactions: z.array(span),
});
export type FeedState = z.infer<typeof feedState>;

const STATE_FILE = 'feed.json';

export function readFeedState(outDir: string, hearingId: number): FeedState | undefined {
  let text: string;
  try {
    text = readFileSync(join(outDir, STATE_FILE), 'utf8');
  } catch {
    return undefined;
  }
  const state = feedState.parse(JSON.parse(text));
  if (state.hearingId !== hearingId)
    throw new Error(`${outDir} holds the public feed of hearing ${state.hearingId}`);
  return state;
}

export const saveFeedState = (outDir: string, state: FeedState) =>
  writeJsonAtomic(join(outDir, STATE_FILE), state);

/** The key each rendered window was made for, from the sidecars beside the segments. */
export function readRenderedKeys(outDir: string): Map<number, string> {
  const keys = new Map<number, string>();
  for (const name of readdirSync(outDir)) {
    const match = /^seg-(\d{6})\.key$/.exec(name);
    if (!match?.[1] || !existsSync(join(outDir, name.replace(/\.key$/, '.ts')))) continue;
    keys.set(Number(match[1]), readFileSync(join(outDir, name), 'utf8').trim());
  }
  return keys;
}

/** The fixed local files the filter graph names: the font and the notices' texts. */
export function writeRenderAssets(
  outDir: string,
  fontFile: string,
  texts: { redacted: string; closedSession: string },
): void {
  copyFileSync(fontFile, join(outDir, FONT_FILE));
  writeFileSync(join(outDir, REDACTED_TEXT_FILE), texts.redacted);
  writeFileSync(join(outDir, CLOSED_TEXT_FILE), texts.closedSession);
}

const FONT_CANDIDATES = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/dejavu/DejaVuSans.ttf',
  '/Library/Fonts/Arial Unicode.ttf',
  '/System/Library/Fonts/Supplemental/Arial.ttf',
  'C:\\Windows\\Fonts\\arial.ttf',
];

/** A font with Cyrillic letters for the notices (ru, ky); FONT_FILE option overrides. */
export function findNoticeFont(): string {
  const found = FONT_CANDIDATES.find((path) => existsSync(path));
  if (!found)
    throw new Error(
      'No font for the public feed notices was found; pass fontFile (a TrueType font with Cyrillic).',
    );
  return found;
}
