/**
 * The public gallery's HLS stream, on the local and the LAN listener: /gallery/TOKEN/index.m3u8 and
 * /gallery/TOKEN/seg-NNNNNN.ts. Only a valid gallery link's token opens it; the engine decides what
 * is released, and anything it refuses (not yet released, gone, a bad name) is a bare 404.
 */
import type { ServerResponse } from 'node:http';
import type { GalleryFeeds } from '../gallery/feeds.js';
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
  const feed = match && gallery?.feedForToken(match[1]!);
  if (!match || !feed) return notFound(response);
  const name = match[2]!;
  if (name === 'index.m3u8') {
    response.writeHead(200, { 'Content-Type': 'application/vnd.apple.mpegurl' });
    response.end(feed.playlist());
    return;
  }
  const answer = feed.segment(name);
  if (!answer.ok) return notFound(response);
  response.writeHead(200, {
    'Content-Type': answer.contentType,
    'Content-Length': answer.bytes.length,
  });
  response.end(answer.bytes);
}

const notFound = (response: ServerResponse) => sendText(response, 404, 'Not found');
