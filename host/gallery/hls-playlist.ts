/** The public feed's HLS media playlist: released segments only, oldest first. */
import { segmentName } from './feed-timeline.js';

export function mediaPlaylist(options: {
  indexes: number[];
  segmentSeconds: number;
  ended: boolean;
}): string {
  const { indexes, segmentSeconds } = options;
  const lines = [
    '#EXTM3U',
    '#EXT-X-VERSION:3',
    `#EXT-X-TARGETDURATION:${Math.ceil(segmentSeconds)}`,
    `#EXT-X-MEDIA-SEQUENCE:${indexes[0] ?? 0}`,
  ];
  for (const index of indexes)
    lines.push(`#EXTINF:${segmentSeconds.toFixed(3)},`, segmentName(index));
  if (options.ended) lines.push('#EXT-X-ENDLIST');
  return `${lines.join('\n')}\n`;
}
