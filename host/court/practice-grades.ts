/**
 * How the host grades a practice call, item by item, from the witness's figures and its own. Pure,
 * so the thresholds are read and tested apart from sockets. Fail closed: a figure that is missing
 * or that the host's own count contradicts grades as a failure, never as a pass.
 */
import {
  PRACTICE_ITEMS,
  type PracticeClientReport,
  type PracticeGrade,
  type PracticeGrades,
  type PracticeHostView,
} from '../../contract/practice.js';

/** Link thresholds: at or under the first a hearing runs well; under the second it runs, strained. */
export const LINK_LIMITS = {
  rttMs: [300, 800],
  lossPercent: [2, 8],
  jitterMs: [30, 80],
} as const;

const rank: Record<PracticeGrade, number> = { pass: 0, warn: 1, fail: 2 };
const worst = (...grades: PracticeGrade[]): PracticeGrade =>
  grades.reduce((a, b) => (rank[b] > rank[a] ? b : a), 'pass');

function byLimit(value: number | null, [good, usable]: readonly [number, number]): PracticeGrade {
  if (value === null) return 'fail';
  return value <= good ? 'pass' : value <= usable ? 'warn' : 'fail';
}

export function gradeLink(client: PracticeClientReport, host: PracticeHostView): PracticeGrade {
  const loss =
    client.lossPercent === null
      ? null
      : Math.max(client.lossPercent, host.lossPercent ?? client.lossPercent);
  const path = client.path;
  // Relayed or TCP media works, with more delay and less resilience: worth the staff knowing.
  const pathGrade: PracticeGrade = !path
    ? 'fail'
    : path.local === 'relay' || path.protocol === 'tcp'
      ? 'warn'
      : 'pass';
  return worst(
    byLimit(client.rttMs, LINK_LIMITS.rttMs),
    byLimit(loss, LINK_LIMITS.lossPercent),
    byLimit(client.jitterMs, LINK_LIMITS.jitterMs),
    pathGrade,
  );
}

export function gradePractice(
  client: PracticeClientReport,
  host: PracticeHostView,
): { grades: PracticeGrades; overall: PracticeGrade } {
  const noPicture = client.picture === 'no-picture';
  const pictureReached = host.videoPackets > 0 && client.previewFrames > 0;
  const grades: PracticeGrades = {
    camera: noPicture || client.camera ? 'pass' : 'fail',
    microphone: client.microphone ? 'pass' : 'fail',
    maskedPreview: !pictureReached
      ? 'fail'
      : client.picture === 'masked' || noPicture
        ? 'pass'
        : client.picture === 'whole-frame'
          ? 'warn'
          : 'fail',
    disguisedVoice:
      client.voice === 'anonymised' && host.audioPackets > 0 && client.previewAudioPackets > 0
        ? 'pass'
        : 'fail',
    link: gradeLink(client, host),
  };
  return { grades, overall: worst(...PRACTICE_ITEMS.map((item) => grades[item])) };
}
