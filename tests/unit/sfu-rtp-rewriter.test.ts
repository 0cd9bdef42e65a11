import { describe, expect, it } from 'vitest';
import { rembBitrate } from '../../host/sfu/producer';
import { RtpRelay } from '../../host/sfu/rtp-relay';
import { isNewer, RtpRewriter } from '../../host/sfu/rtp-rewriter';
import { RtxCache } from '../../host/sfu/rtx-cache';
import { isVp8KeyframeStart } from '../../host/sfu/vp8';

// VP8 payload descriptors (RFC 7741): X=1, S=1, PID=0, I=1 with a 15-bit picture id, then the VP8
// payload header whose lowest bit is 0 for a keyframe.
const keyframe = Buffer.from([0x90, 0x80, 0x80, 0x01, 0x10, 0x02, 0x00]);
const deltaFrame = Buffer.from([0x90, 0x80, 0x80, 0x02, 0x11, 0x02, 0x00]);
const continuation = Buffer.from([0x80, 0x80, 0x80, 0x01, 0x00, 0x00]);

describe('VP8 keyframe detection', () => {
  it('finds the start of a keyframe and nothing else', () => {
    expect(isVp8KeyframeStart(keyframe)).toBe(true);
    expect(isVp8KeyframeStart(Buffer.from([0x10, 0x10]))).toBe(true); // no extension
    expect(isVp8KeyframeStart(deltaFrame)).toBe(false);
    expect(isVp8KeyframeStart(continuation)).toBe(false);
    expect(isVp8KeyframeStart(Buffer.alloc(0))).toBe(false);
    expect(isVp8KeyframeStart(Buffer.from([0x90, 0x80]))).toBe(false); // truncated
  });
});

describe('per-consumer RTP rewriting', () => {
  const target = { ssrc: 0xabcdef, payloadType: 101, kind: 'video' as const };

  it('waits for a keyframe, then maps SSRC, payload type and sequence numbers', () => {
    const rewriter = new RtpRewriter(target, 1000);
    expect(rewriter.rewrite({ sequenceNumber: 50, payload: deltaFrame })).toEqual({
      forward: false,
      reason: 'waiting-for-keyframe',
    });
    expect(rewriter.waitingForKeyframe).toBe(true);
    expect(rewriter.rewrite({ sequenceNumber: 51, payload: keyframe })).toEqual({
      forward: true,
      sequenceNumber: 1000,
      ssrc: 0xabcdef,
      payloadType: 101,
    });
    const next = rewriter.rewrite({ sequenceNumber: 52, payload: continuation });
    expect(next).toMatchObject({ forward: true, sequenceNumber: 1001 });
    // Reordered and lost packets keep their distance, so the receiver can NACK the gap.
    expect(rewriter.rewrite({ sequenceNumber: 55, payload: deltaFrame })).toMatchObject({
      sequenceNumber: 1004,
    });
    expect(rewriter.rewrite({ sequenceNumber: 54, payload: deltaFrame })).toMatchObject({
      sequenceNumber: 1003,
    });
  });

  it('wraps around 65535 and continues without a gap after a pause', () => {
    const rewriter = new RtpRewriter(target, 65534);
    expect(rewriter.rewrite({ sequenceNumber: 10, payload: keyframe })).toMatchObject({
      sequenceNumber: 65534,
    });
    expect(rewriter.rewrite({ sequenceNumber: 11, payload: deltaFrame })).toMatchObject({
      sequenceNumber: 65535,
    });
    expect(rewriter.rewrite({ sequenceNumber: 12, payload: deltaFrame })).toMatchObject({
      sequenceNumber: 0,
    });
    rewriter.pause();
    expect(rewriter.rewrite({ sequenceNumber: 13, payload: keyframe })).toEqual({
      forward: false,
      reason: 'paused',
    });
    rewriter.resume();
    expect(rewriter.rewrite({ sequenceNumber: 400, payload: deltaFrame }).forward).toBe(false);
    expect(rewriter.rewrite({ sequenceNumber: 401, payload: keyframe })).toMatchObject({
      sequenceNumber: 1,
    });
  });

  it('forwards audio from the first packet', () => {
    const rewriter = new RtpRewriter({ ssrc: 7, payloadType: 100, kind: 'audio' }, 20);
    expect(rewriter.rewrite({ sequenceNumber: 9000, payload: Buffer.from([1]) })).toEqual({
      forward: true,
      sequenceNumber: 20,
      ssrc: 7,
      payloadType: 100,
    });
  });

  it('compares sequence numbers across the wrap', () => {
    expect(isNewer(1, 65535)).toBe(true);
    expect(isNewer(65535, 1)).toBe(false);
    expect(isNewer(5, 5)).toBe(false);
  });
});

describe('relaying a producer to one receiver (consumer or recorder)', () => {
  const packet = (sequenceNumber: number, payload: Buffer, marker = false) => ({
    header: { sequenceNumber, timestamp: 90_000 + sequenceNumber, marker },
    payload,
  });

  it('asks for a keyframe while it waits for one and after each resume, and keeps timing', () => {
    let asked = 0;
    const relay = new RtpRelay(
      { ssrc: 42, payloadType: 101, kind: 'video' },
      {
        requestKeyFrame: () => asked++,
      },
      7,
    );
    expect(relay.rewrite(packet(500, deltaFrame))).toBeUndefined();
    expect(asked).toBe(1);
    const header = relay.rewrite(packet(501, keyframe, true));
    expect(header).toMatchObject({
      ssrc: 42,
      payloadType: 101,
      sequenceNumber: 7,
      timestamp: 90_501,
      marker: true,
    });
    expect(asked).toBe(1);
    relay.pause();
    expect(relay.rewrite(packet(502, keyframe))).toBeUndefined();
    expect(asked).toBe(1);
    relay.resume();
    expect(asked).toBe(2);
    expect(relay.rewrite(packet(600, deltaFrame))).toBeUndefined();
    expect(asked).toBe(3);
    expect(relay.rewrite(packet(601, keyframe))?.sequenceNumber).toBe(8);
  });
});

describe('RTX cache and REMB encoding', () => {
  it('returns cached packets by sequence number and forgets overwritten ones', () => {
    const cache = new RtxCache(4);
    cache.store(10, { payload: Buffer.from([1]), timestamp: 1, marker: false });
    expect(cache.get(10)?.payload).toEqual(Buffer.from([1]));
    cache.store(14, { payload: Buffer.from([2]), timestamp: 2, marker: true });
    expect(cache.get(10)).toBeUndefined();
    expect(cache.get(14)?.marker).toBe(true);
  });

  it('encodes bitrates as an 18-bit mantissa and an exponent', () => {
    const { brExp, brMantissa } = rembBitrate(2_500_000);
    expect(brMantissa).toBeLessThan(1 << 18);
    expect(brMantissa * 2 ** brExp).toBeGreaterThan(2_490_000);
    expect(brMantissa * 2 ** brExp).toBeLessThanOrEqual(2_500_000);
  });
});
