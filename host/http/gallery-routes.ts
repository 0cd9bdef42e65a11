/**
 * The public gallery's HLS stream, on the local and the LAN listener: /gallery/TOKEN/index.m3u8 and
 * /gallery/TOKEN/seg-NNNNNN.ts. Only a valid gallery link's token opens it; the engine decides what
 * is released, and anything it refuses (not yet released, gone, a bad name) is a bare 404.
 */
import type { ServerResponse } from 'node:http';
import { DEFAULT_SEGMENT_SECONDS } from '../gallery/feed-options.js';
import type { GalleryFeeds } from '../gallery/feeds.js';
import { mediaPlaylist } from '../gallery/hls-playlist.js';
import { sendText } from './static-files.js';

export const GALLERY_PATH_PREFIX = '/gallery/';
const GALLERY_PATH = /^\/gallery\/([A-Za-z0-9_-]{43})\/(index\.m3u8|seg-\d{6}\.ts)$/;

export function serveGallery(
  gallery: GalleryFeeds | undefined,
  path: string,
  response: ServerResponse,
): void {
  response.setHeader('Cache-Control', 'no-store');
  const match = GALLERY_PATH.exec(path);
  const served = match && gallery?.servedForToken(match[1]!);
  if (!match || !served) return notFound(response);
  const { feed } = served;
  const name = match[2]!;
  if (name === 'index.m3u8') {
    response.writeHead(200, { 'Content-Type': 'application/vnd.apple.mpegurl' });
    response.end(feed?.playlist() ?? NOT_STARTED);
    return;
  }
  if (!feed) return notFound(response);
  const answer = feed.segment(name);
  if (!answer.ok) return notFound(response);
  response.writeHead(200, {
    'Content-Type': answer.contentType,
    'Content-Length': answer.bytes.length,
  });
  response.end(answer.bytes);
}

/** A link whose feed the judge has not started: a live playlist with nothing in it yet. */
const NOT_STARTED = mediaPlaylist({
  indexes: [],
  segmentSeconds: DEFAULT_SEGMENT_SECONDS,
  ended: false,
});

const notFound = (response: ServerResponse) => sendText(response, 404, 'Not found');
