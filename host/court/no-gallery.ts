/** The delay line's controls on a host without public feeds: each one says the feed is unavailable. */
import { coded } from '../../contract/errors/codes.js';
import { SignallingFailure } from '../session/room.js';
import type { GalleryControlFactory } from './court-control-context.js';

export const noGallery: GalleryControlFactory = () => {
  const unavailable = (): never => {
    throw new SignallingFailure('failed', coded('records.unavailable'));
  };
  return { status: unavailable, set: unavailable, cut: unavailable };
};
