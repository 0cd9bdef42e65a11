/**
 * Keeps a mask on each face between detections: follows detections, predicts with the face's
 * velocity when the detector misses it, holds it (growing) for a few frames, then lets it go.
 */
import { headBoxFromFace } from './head-fusion';
import { intersectionOverUnion, type Box, type FaceDetection } from './types';

export type TrackerOptions = {
  /** Frames a face's mask is held after the detector last saw it. */
  holdFrames: number;
  /** Padding on each side as a share of the face box (the field-tested minimum is 0.25). */
  padding: number;
  /** Extra padding above the box (hair, forehead), as a share of its height. */
  extraTop: number;
  /** Frames of motion added to the padding, so a fast face stays inside its mask. */
  motionFrames: number;
};

export const DEFAULT_TRACKER_OPTIONS: TrackerOptions = {
  holdFrames: 6,
  padding: 0.3,
  extraTop: 0.2,
  motionFrames: 2,
};

export type Track = {
  id: number;
  box: Box;
  /** Centre motion in pixels per frame. */
  vx: number;
  vy: number;
  missed: number;
  hits: number;
};

export type TrackerUpdate = {
  /** Tracks whose face vanished inside the frame (not by leaving through an edge). */
  lost: number;
  /** Tracks that left through the frame edge. */
  left: number;
};

export class FaceTracker {
  private tracks: Track[] = [];
  private nextId = 1;
  private readonly options: TrackerOptions;

  constructor(
    private readonly frameWidth: number,
    private readonly frameHeight: number,
    options: Partial<TrackerOptions> = {},
  ) {
    this.options = { ...DEFAULT_TRACKER_OPTIONS, ...options };
  }

  get activeTracks(): readonly Track[] {
    return this.tracks;
  }

  update(detections: readonly FaceDetection[]): TrackerUpdate {
    for (const track of this.tracks) {
      track.box = { ...track.box, x: track.box.x + track.vx, y: track.box.y + track.vy };
    }
    const unmatched = new Set(this.tracks);
    for (const detection of [...detections].sort((a, b) => b.score - a.score)) {
      const track = this.closestTrack(detection, unmatched);
      if (!track) {
        this.tracks.push({
          id: this.nextId++,
          box: { ...detection },
          vx: 0,
          vy: 0,
          missed: 0,
          hits: 1,
        });
        continue;
      }
      unmatched.delete(track);
      const previous = centre(track.box);
      const now = centre(detection);
      // The predicted box already moved by v; correct the velocity with what the detector saw.
      const measuredVx = now.x - (previous.x - track.vx);
      const measuredVy = now.y - (previous.y - track.vy);
      track.vx = track.hits > 1 ? 0.5 * track.vx + 0.5 * measuredVx : measuredVx;
      track.vy = track.hits > 1 ? 0.5 * track.vy + 0.5 * measuredVy : measuredVy;
      track.box = {
        x: detection.x,
        y: detection.y,
        width: detection.width,
        height: detection.height,
      };
      track.missed = 0;
      track.hits++;
    }
    const result: TrackerUpdate = { lost: 0, left: 0 };
    for (const track of unmatched) {
      track.missed++;
      track.box = grow(track.box, 1.08);
      if (track.missed <= this.options.holdFrames) continue;
      if (this.isLeavingFrame(track)) result.left++;
      else result.lost++;
    }
    this.tracks = this.tracks.filter((t) => t.missed <= this.options.holdFrames);
    return result;
  }

  /** Mask rectangles for every held track: padded by size and by recent motion. */
  maskBoxes(): Box[] {
    return this.tracks.map((track) =>
      padForMask(track.box, Math.hypot(track.vx, track.vy), this.options),
    );
  }

  reset(): void {
    this.tracks = [];
  }

  private closestTrack(detection: FaceDetection, candidates: Set<Track>): Track | undefined {
    let best: Track | undefined;
    let bestScore = 0;
    const c = centre(detection);
    for (const track of candidates) {
      const t = centre(track.box);
      const reach = Math.max(track.box.width, detection.width);
      const distance = Math.hypot(c.x - t.x, c.y - t.y);
      const score = Math.max(
        intersectionOverUnion(track.box, detection),
        distance < reach ? 1 - distance / reach : 0,
      );
      if (score > bestScore) {
        bestScore = score;
        best = track;
      }
    }
    return bestScore > 0.1 ? best : undefined;
  }

  private isLeavingFrame(track: Track): boolean {
    const { x, y, width, height } = track.box;
    const margin = 0.25;
    return (
      x < -width * margin ||
      y < -height * margin ||
      x + width > this.frameWidth + width * margin ||
      y + height > this.frameHeight + height * margin
    );
  }
}

export function padForMask(
  box: Box,
  speed: number,
  options: TrackerOptions = DEFAULT_TRACKER_OPTIONS,
): Box {
  const padX = box.width * options.padding + speed * options.motionFrames;
  const padY = box.height * options.padding + speed * options.motionFrames;
  const top = padY + box.height * options.extraTop;
  return {
    x: box.x - padX,
    y: box.y - top,
    width: box.width + 2 * padX,
    height: box.height + top + padY,
  };
}

/**
 * A live track's mask for a frame `ageFrames` frame intervals after the detection it rests on:
 * padded, then grown by its measured speed plus `growthPerFrame` of its width for every frame of
 * age (motion not measured yet).
 */
export function agedTrackMask(track: Track, ageFrames: number, growthPerFrame: number): Box {
  const speed = Math.hypot(track.vx, track.vy);
  const padded = padForMask(track.box, speed);
  const growth = ageFrames * (speed + growthPerFrame * track.box.width);
  return {
    x: padded.x - growth,
    y: padded.y - growth,
    width: padded.width + 2 * growth,
    height: padded.height + 2 * growth,
  };
}

/**
 * The mask of an unsure detection, which is never tracked. A weak face cut by the frame's edge
 * (`kind: 'edge'`) has half its features outside the frame and BlazeFace places its box poorly: in
 * the head-pose set's pan its box sat above the chin, which stayed visible below the mask and let
 * an independent detector find the face. It is masked head-sized, from brow to below the chin;
 * so is an unsure face only a tile found (offline), often a face half covered or half seen.
 */
export function unsureMaskBox(face: FaceDetection): Box {
  const partial = face.kind === 'edge' || face.kind === 'tile';
  return padForMask(partial ? headBoxFromFace(face) : face, 0);
}

function centre(box: Box): { x: number; y: number } {
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

function grow(box: Box, factor: number): Box {
  const dw = (box.width * (factor - 1)) / 2;
  const dh = (box.height * (factor - 1)) / 2;
  return { x: box.x - dw, y: box.y - dh, width: box.width + 2 * dw, height: box.height + 2 * dh };
}
