/**
 * What a judge's control may reach, as narrow ports: the hearing's state, the seat asking, the
 * records, the room's media and the recording. The court session builds one per control; the
 * controls never see the session itself.
 */
import type { GalleryCut, SessionGalleryStatus } from '../../contract/signalling.js';
import type { Logger } from '../logger.js';
import type { WritableDB } from '../records/db-types.js';
import type { Seat } from './court-policy.js';
import type { LiveHearing } from './live-hearing.js';

export type Audit = (action: string, detail?: Record<string, unknown>) => void;
/** An audit entry about the hearing, under any actor (host, a witness, an operator refused). */
export type HearingAudit = (
  action: string,
  actor: string,
  actorRole: string,
  detail?: Record<string, unknown>,
) => void;
export type DismissReason = 'removed' | 'ended' | 'closed-session';

/** The room's media, as the controls act on it. */
export interface ControlMedia {
  /** Pauses (or resumes) in the SFU every producer of a seat and kind that `matches`. */
  setProducersPaused(
    matches: (seat: Seat, kind: 'audio' | 'video') => boolean,
    paused: boolean,
  ): void;
  /** Closes one participant's connection for good, telling them why first. */
  dismiss(seat: Seat, reason: DismissReason): void;
}

export interface ControlRecording {
  /** The host can record this hearing (it has a records database for the recordings' place). */
  readonly available: boolean;
  /** Starts or stops the record, auditing each part; refuses to start without records. */
  set(on: boolean, audit: Audit): Promise<void>;
  /** Closed session was switched: a recording running moves to a new part. */
  closedSessionChanged(audit: Audit): Promise<void>;
}

export interface ControlRecords {
  /** An operator's name and passphrase, checked against the host-wide sign-in limits. */
  authenticate(operator: string, passphrase: string): Promise<{ name: string; role: string }>;
  audit: HearingAudit;
  markRedaction(mark: { from: Date; to: Date; reason: string; judge: string }): void;
  /** Closes the hearing in the records, audits it and drops its live state: one transaction. */
  endHearing(audit: Audit): void;
}

/** The hearing's delayed public feed (issue 19), under the judge signed in on the seat. */
export interface ControlGallery {
  status(): SessionGalleryStatus;
  set(on: boolean): Promise<SessionGalleryStatus>;
  cut(seconds: number): GalleryCut;
}

/** Made by the gallery (host/gallery/session-control.ts) and handed to the court by the assembly. */
export type GalleryControlFactory = (
  db: WritableDB,
  hearingId: number,
  operator: string | undefined,
) => ControlGallery;

export type CourtControlContext = {
  readonly hearing: LiveHearing;
  /** The judge's seat, which asked. */
  readonly judge: Seat;
  /** Audits under the judge operator signed in on the seat (never before sign-in). */
  readonly audit: Audit;
  /** A seat of the hearing not removed, or an unknown-id refusal. */
  seatOf(peerId: string): Seat;
  readonly records: ControlRecords;
  readonly media: ControlMedia;
  readonly recording: ControlRecording;
  readonly gallery: ControlGallery;
  readonly log: Logger;
};

/**
 * What the runner does after a control: nothing; tell the screens; persist, re-evaluate the policy
 * and tell the screens; or, the hearing over, tell the screens and then dismiss everyone.
 */
export type ControlEffect = 'none' | 'shown' | 'changed' | 'ended';
