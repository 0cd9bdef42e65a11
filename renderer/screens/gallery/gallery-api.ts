/** The gallery's types as the screens use them (contract/api/gallery.ts), and its error check. */
import type { ApiResponse } from '../../../contract/api';
import { ApiCallError } from '../../api/client';

/** `training`: a mock trial's feed (the judge's session screen says so). */
export type FeedStatus = ApiResponse<'gallery:status'> & { training?: boolean };
export type CutOutcome = ApiResponse<'gallery:cut'>;
export type GalleryLink = ApiResponse<'gallery:links'>['links'][number];
export type IssuedLink = ApiResponse<'gallery:issue-link'>;
export type GalleryView = ApiResponse<'gallery:view'>;

/** An unknown or revoked gallery link: the host answers not-found (`gallery.link-unknown`). */
export function isUnknownLink(error: unknown): boolean {
  return (
    error instanceof ApiCallError &&
    (error.error.kind === 'not-found' || error.error.code === 'gallery.link-unknown')
  );
}

export const CUT_CHOICES = [10, 30, 60, 120] as const;
