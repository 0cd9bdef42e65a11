/**
 * Reads a practice call's link figures from the browser's own statistics (getStats of the send and
 * receive transports): the candidate pair in use (its type and protocol, and its round-trip time from
 * ICE checks), and loss and jitter of the witness's own tracks as they come back through the host.
 */
import type { PracticePath } from '../../contract/practice';

export type LinkSample = {
  rttMs: number | null;
  path: PracticePath | null;
  /** Received back through the host: packets, lost, jitter (of the voice), frames decoded. */
  packetsReceived: number;
  packetsLost: number;
  jitterMs: number | null;
  framesDecoded: number;
  audioPacketsReceived: number;
};

type Stat = Record<string, unknown> & { type: string; id: string };
const num = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;
const CANDIDATE_TYPES = ['host', 'srflx', 'prflx', 'relay'] as const;
const candidateType = (value: unknown): PracticePath['local'] =>
  CANDIDATE_TYPES.find((type) => type === value) ?? 'unknown';
const protocolOf = (value: unknown): PracticePath['protocol'] =>
  value === 'udp' || value === 'tcp' ? value : 'unknown';

/** The pair the transport selected, else a nominated pair that succeeded. */
function selectedPair(stats: Map<string, Stat>): Stat | undefined {
  for (const stat of stats.values())
    if (stat.type === 'transport' && typeof stat.selectedCandidatePairId === 'string')
      return stats.get(stat.selectedCandidatePairId);
  return [...stats.values()].find(
    (s) => s.type === 'candidate-pair' && s.nominated === true && s.state === 'succeeded',
  );
}

export function readLinkSample(reports: RTCStatsReport[]): LinkSample {
  const sample: LinkSample = {
    rttMs: null,
    path: null,
    packetsReceived: 0,
    packetsLost: 0,
    jitterMs: null,
    framesDecoded: 0,
    audioPacketsReceived: 0,
  };
  const rtts: number[] = [];
  for (const report of reports) {
    const stats = new Map<string, Stat>();
    report.forEach((value: Stat) => stats.set(value.id, value));
    const pair = selectedPair(stats);
    if (pair) {
      const rtt = num(pair.currentRoundTripTime);
      if (rtt !== undefined) rtts.push(rtt * 1000);
      const local = stats.get(String(pair.localCandidateId));
      const remote = stats.get(String(pair.remoteCandidateId));
      sample.path ??= {
        local: candidateType(local?.candidateType),
        remote: candidateType(remote?.candidateType),
        protocol: protocolOf(local?.protocol ?? remote?.protocol),
      };
    }
    for (const stat of stats.values()) {
      if (stat.type !== 'inbound-rtp') continue;
      sample.packetsReceived += num(stat.packetsReceived) ?? 0;
      sample.packetsLost += Math.max(0, num(stat.packetsLost) ?? 0);
      // Audio's jitter: its packets leave every 20 ms, while video frames leave as the encoder
      // finishes them, so video's figure mixes the sender's load into the link's.
      const jitter = num(stat.jitter);
      if (jitter !== undefined && stat.kind === 'audio')
        sample.jitterMs = Math.max(sample.jitterMs ?? 0, jitter * 1000);
      if (stat.kind === 'video') sample.framesDecoded += num(stat.framesDecoded) ?? 0;
      if (stat.kind === 'audio') sample.audioPacketsReceived += num(stat.packetsReceived) ?? 0;
    }
  }
  if (rtts.length) sample.rttMs = Math.max(...rtts);
  return sample;
}

/** Loss over the whole call, percent, from cumulative counters; null before any packet. */
export function lossPercent(sample: LinkSample): number | null {
  const expected = sample.packetsReceived + sample.packetsLost;
  return expected > 0 ? round((sample.packetsLost / expected) * 100) : null;
}

export const round = (value: number) => Math.round(value * 10) / 10;
