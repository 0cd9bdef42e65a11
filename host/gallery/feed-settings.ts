/**
 * What a hearing's feed is opened with, beyond the engine's defaults: the delay from the protective
 * order, the notice language kept beside the feed, and the test build's seconds-level delay.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReadableDB } from '../records/db-types.js';
import { hearingFeedDelayMinutes } from '../records/queries/gallery-links.js';
import { DEFAULT_DELAY_MINUTES, MIN_DELAY_MINUTES } from './feed-options.js';
import { isNoticeLanguage, type NoticeLanguage } from './notice-texts.js';

const isTestBuild = () => process.env.NODE_ENV === 'test';

/** The order's "Delay of the public feed (minutes)": default 30, never below 1. */
export function orderedDelayMinutes(db: ReadableDB, hearingId: number): number {
  const ordered = hearingFeedDelayMinutes(db, hearingId);
  return Math.max(MIN_DELAY_MINUTES, ordered ?? DEFAULT_DELAY_MINUTES);
}

/**
 * INCAMERA_GALLERY_DELAY_SECONDS, honoured in a test build only (NODE_ENV=test), so that an
 * integration test sees a release in seconds; a court's host always uses the order's minutes.
 */
export function testDelayMs(env: NodeJS.ProcessEnv = process.env): number | undefined {
  if (!isTestBuild()) return undefined;
  const seconds = Number(env.INCAMERA_GALLERY_DELAY_SECONDS);
  return Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 1000) : undefined;
}

const LANGUAGE_FILE = 'language.txt';

export function saveFeedLanguage(outDir: string, language: NoticeLanguage): void {
  writeFileSync(join(outDir, LANGUAGE_FILE), language);
}

export function readFeedLanguage(outDir: string): NoticeLanguage {
  try {
    const saved = readFileSync(join(outDir, LANGUAGE_FILE), 'utf8').trim();
    return isNoticeLanguage(saved) ? saved : 'en';
  } catch {
    return 'en';
  }
}
