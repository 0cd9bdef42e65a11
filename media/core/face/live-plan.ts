/** The live planner's options and what it answers for each frame (live-planner.ts). */
import { CELL_CHANGE_THRESHOLD } from './change-map';
import type { ProtectionState } from './fail-closed';
import type { Box } from './types';

export type LivePlannerOptions = {
  /** Oldest detection masks may rest on, in frame intervals (by the camera frames' capture times). */
  maxDetectionAgeFrames: number;
  /** ...and in milliseconds, whatever the frame rate. */
  maxDetectionAgeMs: number;
  /**
   * Oldest whole-frame look (a detection that examined every face, not a crop pass following known
   * heads) the change map may compare with, in milliseconds; older: whole frame.
   */
  maxReferenceAgeMs: number;
  /** Share of a face's width added to its mask per frame of detection age (unmeasured motion). */
  growthPerFrame: number;
  cellChangeThreshold: number;
  recoveryRun?: number;
  /** A witness's pipeline: a frame in which nobody is located is hidden whole. */
  expectPerson: boolean;
  /** People a census counted must each be answered for by a head, or are masked whole (rule 7). */
  personCensus: boolean;
};

export const DEFAULT_LIVE_PLANNER_OPTIONS: LivePlannerOptions = {
  maxDetectionAgeFrames: 3,
  maxDetectionAgeMs: 300,
  maxReferenceAgeMs: 1000,
  growthPerFrame: 0.05,
  cellChangeThreshold: CELL_CHANGE_THRESHOLD,
  expectPerson: true,
  personCensus: false,
};

export type MaskPlan =
  | { wholeFrame: true; state: ProtectionState }
  | {
      wholeFrame: false;
      state: ProtectionState;
      /** Face masks (drawn in the chosen style). */
      faces: Box[];
      /** Cells changed since the detector's frame (drawn solid). */
      changed: Box[];
      /** Age of the detection the masks rest on. */
      detectionAgeMs: number;
    };

/** A frame handed to the detector: its thumbnail is the reference for the change map. */
export type DetectionRequest = { seq: number };
