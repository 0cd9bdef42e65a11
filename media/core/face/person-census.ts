/**
 * The live pipeline's person census: every few seconds the person detector (person-detector.ts,
 * CenterNet, too slow for every frame) counts the people in a camera frame, in its own worker.
 * Between censuses, each detection's placed heads (sure faces and the pose model's head) are
 * matched against the census's people as offline (person-heads.ts): a person no head answers
 * for, such as a support person standing with their back to the camera beside the witness, or
 * one too small to trust BlazeFace with, is masked whole. MoveNet follows one person, so without
 * the census that second person kept their picture.
 *
 * A person who comes in between censuses is not counted yet. So every thumbnail cell that changed
 * since the census's own frame, outside the people it counted, is masked until a census has looked
 * at it, and such cells ask for the next census sooner (CENSUS_SOON_MS). Someone who walks in with
 * their back turned is hidden from their first frame, not shown until the next census.
 *
 * The census is part of the protection, so it fails closed: until the first census has answered,
 * when the last one is older than CENSUS_MAX_AGE_MS, or once the census has failed, the whole
 * frame is hidden (live-planner.ts).
 */
import { changedRegions, CELL_CHANGE_THRESHOLD } from './change-map';
import type { ProtectionReason } from './fail-closed';
import { countPeople, unmaskedPersons } from './person-heads';
import type { Box, RgbaFrame } from './types';

/** How often a census is asked for (camera time). CenterNet takes 0.3-0.5 s a frame on one core. */
export const CENSUS_INTERVAL_MS = 2000;
/** ...and how soon after the last one while cells outside its people have changed. */
export const CENSUS_SOON_MS = 1000;
/** Oldest census masks may rest on; older (the census worker starved or stuck): whole frame. */
export const CENSUS_MAX_AGE_MS = 6000;
/** Margin added around an unanswered person, each side, as a share of their box's larger side. */
export const CENSUS_MARGIN = 0.05;
/** ...plus this share for every second the census is old: people move between censuses. */
export const CENSUS_DRIFT_PER_SECOND = 0.1;

/**
 * People the person detector found in the camera frame captured at `capturedAt` (ms), of that size;
 * `thumb` is that frame's change-map thumbnail.
 */
export type PersonCensus = {
  persons: readonly Box[];
  capturedAt: number;
  size: { width: number; height: number };
  thumb: RgbaFrame;
};

export type CensusStanding = 'none-yet' | 'stale' | 'failed' | 'current';

export function censusStanding(
  census: PersonCensus | null,
  failed: boolean,
  capturedAt: number,
): CensusStanding {
  if (failed) return 'failed';
  if (!census) return 'none-yet';
  return capturedAt - census.capturedAt > CENSUS_MAX_AGE_MS ? 'stale' : 'current';
}

const CENSUS_HIDES: Record<Exclude<CensusStanding, 'current'>, ProtectionReason> = {
  'none-yet': 'detector-loading',
  stale: 'detector-late',
  failed: 'detector-error',
};

/**
 * What the census makes of the frame captured at `capturedAt` (`thumb`: its thumbnail), given the
 * heads the latest detection placed: hide it whole and why (none yet, stale, failed), or the people
 * to mask whole (rule 7 of live-planner.ts), how many people they are, and the cells not counted
 * yet (rule 8). A census taken before the last scene cut (`sceneCutAt`) no longer says where anyone
 * is: every cell changed since its frame is uncounted, inside its people's old boxes too.
 */
export function censusPart(
  census: PersonCensus | null,
  failed: boolean,
  placedHeads: readonly Box[],
  thumb: RgbaFrame,
  capturedAt: number,
  sceneCutAt = -Infinity,
): { hide: ProtectionReason } | { persons: Box[]; people: number; uncounted: Box[] } {
  const standing = censusStanding(census, failed, capturedAt);
  if (standing !== 'current') return { hide: CENSUS_HIDES[standing] };
  const counted = census!.capturedAt >= sceneCutAt ? census!.persons : [];
  const unanswered = unmaskedPersons(census!.persons, placedHeads);
  return {
    persons: grownWithAge(unanswered, census!, capturedAt),
    people: countPeople(unanswered),
    uncounted: uncountedChanges({ ...census!, persons: counted }, thumb),
  };
}

/**
 * The census's people that no placed head answers for, each grown by the margin and by how far
 * they may have moved since the census (`capturedAt`: the frame being masked).
 */
export function censusMasks(
  census: PersonCensus,
  placedHeads: readonly Box[],
  capturedAt: number,
): Box[] {
  return grownWithAge(unmaskedPersons(census.persons, placedHeads), census, capturedAt);
}

function grownWithAge(persons: readonly Box[], census: PersonCensus, capturedAt: number): Box[] {
  const ageSeconds = Math.max(0, capturedAt - census.capturedAt) / 1000;
  return grown(persons, CENSUS_MARGIN + CENSUS_DRIFT_PER_SECOND * ageSeconds);
}

/**
 * Cells of `thumb` (the frame being masked) that changed since the census's frame outside every
 * person it counted (with CENSUS_MARGIN, not grown with age: a counted person who moved out of
 * their box is masked there too, until the next census): whoever is there has not been counted.
 */
export function uncountedChanges(
  census: PersonCensus,
  thumb: RgbaFrame,
  threshold = CELL_CHANGE_THRESHOLD,
): Box[] {
  const { width, height } = census.size;
  const counted = grown(census.persons, CENSUS_MARGIN);
  return changedRegions(thumb, census.thumb, width, height, threshold, counted);
}

function grown(persons: readonly Box[], share: number): Box[] {
  return persons.map((person) => {
    const grow = share * Math.max(person.width, person.height);
    return {
      x: person.x - grow,
      y: person.y - grow,
      width: person.width + 2 * grow,
      height: person.height + 2 * grow,
    };
  });
}
