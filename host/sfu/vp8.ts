/** VP8 RTP payload descriptor (RFC 7741 §4.2): is this packet the start of a keyframe? */
export function isVp8KeyframeStart(payload: Buffer): boolean {
  if (payload.length < 1) return false;
  const first = payload[0]!;
  const extended = (first & 0x80) !== 0;
  const startOfPartition = (first & 0x10) !== 0;
  const partitionIndex = first & 0x07;
  if (!startOfPartition || partitionIndex !== 0) return false;
  let offset = 1;
  if (extended) {
    if (payload.length < 2) return false;
    const flags = payload[1]!;
    offset = 2;
    if (flags & 0x80) {
      if (payload.length <= offset) return false;
      offset += payload[offset]! & 0x80 ? 2 : 1; // PictureID, 7 or 15 bits
    }
    if (flags & 0x40) offset += 1; // TL0PICIDX
    if (flags & 0x30) offset += 1; // TID/Y/KEYIDX
  }
  if (payload.length <= offset) return false;
  return (payload[offset]! & 0x01) === 0; // P bit of the VP8 payload header: 0 = keyframe
}
