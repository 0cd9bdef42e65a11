/** Closing the host: recordings finished first, then connections, rooms, listeners, the records. */
import type { CourtHearings } from '../court/court-hearings.js';
import type { GalleryFeeds } from '../gallery/feeds.js';
import type { Listeners } from '../http/listeners.js';
import type { Logger } from '../logger.js';
import type { WebSocketEndpoint } from '../net/websocket-endpoint.js';
import type { RecordsRuntime } from '../records/records-runtime.js';
import type { MediaSession } from '../session/index.js';

/**
 * A host exiting without closing (an uncaught error) still leaves no ffmpeg running.
 * Returns the way to take the guard off again.
 */
export function killRecordersOnExit(court: CourtHearings | undefined): () => void {
  if (!court) return () => undefined;
  const killRecorders = () => court.killRecorders();
  process.once('exit', killRecorders);
  return () => process.off('exit', killRecorders);
}

export type ClosableHost = {
  log: Logger;
  records: RecordsRuntime | undefined;
  court: CourtHearings | undefined;
  session: MediaSession;
  gallery: GalleryFeeds | undefined;
  ws: WebSocketEndpoint;
  listeners: Listeners;
  removeExitGuard: () => void;
};

/** The host's close(): the first call closes, every later call gets the same promise. */
export function closeOnce(host: ClosableHost): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => (closing ??= closeHost(host));
}

async function closeHost(host: ClosableHost): Promise<void> {
  await (host.court?.stopRecordings() ?? Promise.resolve()).catch((error: unknown) =>
    host.log.error({ err: error }, 'recording.stop-failed'),
  );
  // Running feeds are closed, not stopped: the next start resumes them.
  await (host.gallery?.close() ?? Promise.resolve()).catch((error: unknown) =>
    host.log.error({ err: error }, 'gallery.close-failed'),
  );
  host.ws.close();
  host.court?.close();
  host.session.close();
  await host.listeners.close();
  host.removeExitGuard();
  host.records?.close();
  host.log.info('host.stopped');
}

/** Start-up failed after these were opened: close them, newest first. */
export function closeOpened(parts: {
  records: RecordsRuntime | undefined;
  court?: CourtHearings | undefined;
  session?: MediaSession | undefined;
  gallery?: GalleryFeeds | undefined;
  removeExitGuard?: () => void;
}): void {
  void parts.gallery?.close();
  parts.session?.close();
  parts.court?.close();
  parts.removeExitGuard?.();
  parts.records?.close();
}
