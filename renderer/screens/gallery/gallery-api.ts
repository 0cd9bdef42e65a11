/**
 * The gallery's channels as the renderer calls them (contract/api/gallery.ts, agreed with the
 * host side in /work/notes/gallery-contract.md). Kept in one place so the screens never spell a
 * channel name themselves.
 */
import type { ApiChannel, ApiRequest, ApiResponse } from '../../../contract/api';
import { ApiCallError, callApi } from '../../api/client';

export type FeedStatus = {
  state: 'off' | 'running' | 'stopped';
  delayMinutes: number;
  /** Recorded time now, ms since the feed's origin. */
  liveMs: number;
  /** What the public sees now. */
  publicNowMs: number;
  releasedUntilMs: number;
  /** How long until the oldest pending moment is released; null when nothing is pending. */
  nextReleaseInMs: number | null;
  /** A redaction is being applied. */
  holding: boolean;
};
export type CutOutcome = {
  outcome: 'applied' | 'partly-too-late' | 'too-late';
  fromSeconds: number;
  toSeconds: number;
};
export type GalleryLink = {
  id: number;
  label: string;
  issuedAt: string;
  issuedBy: string;
  revokedAt?: string | null;
};
export type IssuedLink = { link: GalleryLink; url: string; playlistUrl: string };
export type GalleryView = {
  hearing: { title: string };
  state: 'waiting' | 'running' | 'stopped';
  delayMinutes: number;
};

type GalleryChannels = {
  'gallery:status': [{ hearingId: number }, FeedStatus];
  'gallery:start': [{ hearingId: number }, FeedStatus];
  'gallery:stop': [{ hearingId: number }, FeedStatus];
  'gallery:cut': [{ hearingId: number; seconds: number }, CutOutcome];
  'gallery:links': [{ hearingId: number }, { links: GalleryLink[] }];
  'gallery:issue-link': [{ hearingId: number; label: string }, IssuedLink];
  'gallery:revoke-link': [{ linkId: number }, { ok: true }];
  'gallery:view': [{ token: string }, GalleryView];
};

/** callApi for a gallery channel, typed by the agreed contract above. */
export function callGallery<C extends keyof GalleryChannels>(
  channel: C,
  request: GalleryChannels[C][0],
): Promise<GalleryChannels[C][1]> {
  const call = callApi as unknown as (
    channel: ApiChannel,
    request: ApiRequest<ApiChannel>,
  ) => Promise<ApiResponse<ApiChannel>>;
  return call(channel as ApiChannel, request as ApiRequest<ApiChannel>) as Promise<
    GalleryChannels[C][1]
  >;
}

/** An unknown or revoked gallery link: the host answers not-found (`gallery.link-unknown`). */
export function isUnknownLink(error: unknown): boolean {
  return (
    error instanceof ApiCallError &&
    (error.error.kind === 'not-found' || (error.error.code as string) === 'gallery.link-unknown')
  );
}

export const CUT_CHOICES = [10, 30, 60, 120] as const;
