/** The shape every language's words for the minutes must fill: the same keys in en, ru and ky. */
import type {
  faceStyles,
  participantRoles,
  voicePresets,
} from '../../../contract/records/schemas.js';

export type ParticipantRole = (typeof participantRoles)[number];
export type FaceStyle = (typeof faceStyles)[number];
export type VoicePreset = (typeof voicePresets)[number];

/** The audit actions the minutes put in words; any other is shown as recorded. */
export const minutesEventActions = [
  'hearing.created',
  'participant.added',
  'evidence.exported',
  'session.opened',
  'session.joined',
  'session.rejoined',
  'session.join-refused',
  'session.admitted',
  'session.witness-called',
  'session.removed',
  'session.muted',
  'session.unmuted',
  'session.witness-video-paused',
  'session.witness-video-resumed',
  'session.closed-session-on',
  'session.closed-session-off',
  'session.screening-on',
  'session.screening-off',
  'session.ended',
  'recording.started',
  'recording.stopped',
  'recording.redaction-marked',
  'join-code.issued',
  'join-code.revoked',
] as const;
export type MinutesEventAction = (typeof minutesEventActions)[number];

export type MeasureItem =
  | { kind: 'face-masked'; style: FaceStyle }
  | { kind: 'voice-anonymised'; preset: VoicePreset }
  | { kind: 'pseudonym' }
  | { kind: 'screened-from'; roles: string[] }
  | { kind: 'closed-session' };

/** Where a track was recorded (label, audio or video, part), for the notes on missing media. */
export type TrackRef = { label: string; media: 'audio' | 'video'; part: number };

export type MissingNote =
  | { kind: 'nothing-recorded'; part: number }
  | { kind: 'no-media'; track: TrackRef }
  | {
      kind: 'unfinished-segment';
      track: TrackRef;
      file: string;
      /** Seconds lost, estimated from the file's time, and from when; absent when unknown. */
      lost?: { seconds: number; from: string } | undefined;
    }
  | { kind: 'stopped-abruptly'; track: TrackRef }
  /** Media arrived and the track stopped cleanly, yet its recorder finished no segment. */
  | { kind: 'no-segment'; track: TrackRef };

/** What an export left out, beside the missing media: said to the person who exported it. */
export type SkippedNote =
  | { kind: 'unhashed-segments'; count: number; files: string[] }
  | { kind: 'no-pdf'; reason: 'no-chromium' | 'print-failed'; why: string };

export type ExportNote = MissingNote | SkippedNote;

export type MinutesWords = {
  title: (caseNumber: string) => string;
  heading: (caseNumber: string) => string;
  courtroom: string;
  scheduled: string;
  exported: string;
  integrity: {
    heading: string;
    fingerprint: string;
    publicKey: string;
    auditHead: (seq: number) => string;
    explain: string;
  };
  participants: string;
  role: string;
  nameOrPseudonym: string;
  unnamed: (role: string, id: number) => string;
  witnessWithoutOrder: string;
  measuresHeading: string;
  witness: string;
  measures: string;
  noneOrdered: string;
  recording: string;
  notRecorded: string;
  part: string;
  session: string;
  started: string;
  stopped: string;
  closedSession: string;
  openSession: string;
  notStopped: string;
  redactionsHeading: string;
  from: string;
  to: string;
  reason: string;
  none: string;
  events: string;
  time: string;
  by: string;
  event: string;
  roles: Record<ParticipantRole | 'system', string>;
  faceStyles: Record<FaceStyle, string>;
  voicePresets: Record<VoicePreset, string>;
  media: Record<TrackRef['media'], string>;
  measure: {
    faceMasked: (style: string) => string;
    /** The whole person shown as a flat shape. */
    silhouette: string;
    /** Audio only: testimony excluding visual observation. */
    noPicture: string;
    voiceAnonymised: (preset: string) => string;
    pseudonym: string;
    screenedFrom: (roles: string) => string;
    closedSession: string;
  };
  missing: {
    track: (label: string, media: string, part: number) => string;
    nothingRecorded: (part: number) => string;
    noMedia: (track: string) => string;
    unfinished: (track: string, file: string, lost: string) => string;
    lost: (seconds: number, from: string) => string;
    stoppedAbruptly: (track: string) => string;
    noSegment: (track: string) => string;
  };
  skipped: {
    unhashed: (count: number, files: string) => string;
    noChromium: string;
    printFailed: (why: string) => string;
  };
  eventWords: Record<MinutesEventAction, string>;
};
