/** WAV (RIFF) reading and writing for the offline voice tools: PCM 8/16/24/32-bit and float. */

export type PcmAudio = { sampleRate: number; channels: Float32Array[] };

export class WavFormatError extends Error {}

const PCM = 1;
const IEEE_FLOAT = 3;
const EXTENSIBLE = 0xfffe;

export function decodeWav(bytes: Uint8Array): PcmAudio {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (offset: number) => String.fromCharCode(...bytes.subarray(offset, offset + 4));
  if (bytes.length < 12 || tag(0) !== 'RIFF' || tag(8) !== 'WAVE') {
    throw new WavFormatError('it is not a WAV file (no RIFF/WAVE header)');
  }
  let format: { code: number; channels: number; sampleRate: number; bits: number } | null = null;
  let offset = 12;
  while (offset + 8 <= bytes.length) {
    const id = tag(offset);
    const size = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (id === 'fmt ') {
      if (size < 16 || body + 16 > bytes.length)
        throw new WavFormatError('its format chunk is truncated');
      let code = view.getUint16(body, true);
      if (code === EXTENSIBLE && size >= 26) code = view.getUint16(body + 24, true);
      format = {
        code,
        channels: view.getUint16(body + 2, true),
        sampleRate: view.getUint32(body + 4, true),
        bits: view.getUint16(body + 14, true),
      };
    } else if (id === 'data') {
      if (!format) throw new WavFormatError('its data comes before its format chunk');
      const end = Math.min(bytes.length, body + size);
      return decodeSamples(view, body, end, format);
    }
    offset = body + size + (size % 2);
  }
  throw new WavFormatError(format ? 'it has no audio data chunk' : 'it has no format chunk');
}

function decodeSamples(
  view: DataView,
  start: number,
  end: number,
  format: { code: number; channels: number; sampleRate: number; bits: number },
): PcmAudio {
  const { code, channels: count, sampleRate, bits } = format;
  if (count < 1 || sampleRate < 1)
    throw new WavFormatError('its format chunk names no channels or no rate');
  const width = bits / 8;
  const supported =
    (code === PCM && [8, 16, 24, 32].includes(bits)) ||
    (code === IEEE_FLOAT && [32, 64].includes(bits));
  if (!supported)
    throw new WavFormatError(`its sample format (code ${code}, ${bits}-bit) is not supported`);
  const frames = Math.floor((end - start) / (width * count));
  const channels = Array.from({ length: count }, () => new Float32Array(frames));
  for (let frame = 0; frame < frames; frame++) {
    for (let channel = 0; channel < count; channel++) {
      const at = start + (frame * count + channel) * width;
      channels[channel]![frame] = readSample(view, at, code, bits);
    }
  }
  return { sampleRate, channels };
}

function readSample(view: DataView, at: number, code: number, bits: number): number {
  if (code === IEEE_FLOAT)
    return bits === 32 ? view.getFloat32(at, true) : view.getFloat64(at, true);
  switch (bits) {
    case 8:
      return (view.getUint8(at) - 128) / 128;
    case 16:
      return view.getInt16(at, true) / 32768;
    case 24: {
      const value = view.getUint8(at) | (view.getUint8(at + 1) << 8) | (view.getInt8(at + 2) << 16);
      return value / 8388608;
    }
    default:
      return view.getInt32(at, true) / 2147483648;
  }
}

/** 16-bit PCM WAV. */
export function encodeWav(audio: PcmAudio): Uint8Array {
  const count = audio.channels.length;
  const frames = audio.channels[0]?.length ?? 0;
  const dataBytes = frames * count * 2;
  const bytes = new Uint8Array(44 + dataBytes);
  const view = new DataView(bytes.buffer);
  const writeTag = (offset: number, text: string) => {
    for (let i = 0; i < 4; i++) bytes[offset + i] = text.charCodeAt(i);
  };
  writeTag(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  writeTag(8, 'WAVE');
  writeTag(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, PCM, true);
  view.setUint16(22, count, true);
  view.setUint32(24, audio.sampleRate, true);
  view.setUint32(28, audio.sampleRate * count * 2, true);
  view.setUint16(32, count * 2, true);
  view.setUint16(34, 16, true);
  writeTag(36, 'data');
  view.setUint32(40, dataBytes, true);
  let at = 44;
  for (let frame = 0; frame < frames; frame++) {
    for (let channel = 0; channel < count; channel++) {
      const value = audio.channels[channel]![frame]!;
      const clamped = Math.max(-1, Math.min(1, Number.isFinite(value) ? value : 0));
      view.setInt16(at, Math.round(clamped * 32767), true);
      at += 2;
    }
  }
  return bytes;
}
