/**
 * Which people the person detector found (person-detector.ts) still need a mask once faces and
 * heads are masked. A small person is masked whole: their face is too small to trust BlazeFace
 * with. A larger person keeps their picture only when a placed head of their own (a sure face, or
 * the pose model's head; not an unsure face, which is masked but places nothing) sits in the top of
 * their box, and one head answers for one person: the witness's masked face, centred in the top
 * of the box of someone standing just behind them, does not stand for that person's missed face.
 */
import { intersectionOverUnion, type Box } from './types';

/**
 * A person this tall or less (frame pixels) has a face too small for BlazeFace to be trusted
 * with, even on tiles (about 1/8 of a standing person's height): the whole person is masked.
 */
export const SMALL_PERSON_HEIGHT = 200;
/** The top share of a person's box where their head is, whether standing, sitting or close. */
export const HEAD_ZONE = 0.35;
/** Two person boxes this alike are one person found twice (a whole body and its upper half). */
export const SAME_PERSON_IOU = 0.6;

const centre = (box: Box) => ({ x: box.x + box.width / 2, y: box.y + box.height / 2 });
const contains = (box: Box, point: { x: number; y: number }) =>
  point.x >= box.x &&
  point.x <= box.x + box.width &&
  point.y >= box.y &&
  point.y <= box.y + box.height;

/**
 * The boxes grouped by head: a face box and the pose model's head box on the same head are one
 * head (one's centre inside the other's box). Each head is its largest box.
 */
export function headsAmong(masks: readonly Box[]): Box[] {
  const group = masks.map((_, i) => i);
  const root = (i: number): number => (group[i] === i ? i : (group[i] = root(group[i]!)));
  for (let a = 0; a < masks.length; a++)
    for (let b = a + 1; b < masks.length; b++)
      if (contains(masks[a]!, centre(masks[b]!)) || contains(masks[b]!, centre(masks[a]!)))
        group[root(b)] = root(a);
  const largest = new Map<number, Box>();
  masks.forEach((mask, i) => {
    const held = largest.get(root(i));
    if (!held || mask.width * mask.height > held.width * held.height) largest.set(root(i), mask);
  });
  return [...largest.values()];
}

/** How many people `persons` are: boxes this alike (SAME_PERSON_IOU) are one person found twice. */
export function countPeople(persons: readonly Box[]): number {
  const counted: Box[] = [];
  for (const person of persons)
    if (!counted.some((other) => intersectionOverUnion(other, person) >= SAME_PERSON_IOU))
      counted.push(person);
  return counted.length;
}

/**
 * How far a head is from where this person's head would be: off the box's middle (in box widths)
 * and down from its top (in box heights). Infinite when its centre is not in the head zone.
 */
function headDistance(person: Box, head: Box): number {
  const at = centre(head);
  if (!contains({ ...person, height: person.height * HEAD_ZONE }, at)) return Infinity;
  return Math.abs(at.x - centre(person).x) / person.width + (at.y - person.y) / person.height;
}

/**
 * The people who still need a mask, whole: every small person, and every larger person no placed
 * head (`placed`: sure faces' and the pose model's boxes) answers for. Heads go to people nearest
 * first, each head to one person (and to any box that is the same person found twice). A person
 * whose head is masked needs nothing more: the court keeps seeing their gestures.
 */
export function unmaskedPersons<P extends Box>(persons: readonly P[], placed: readonly Box[]): P[] {
  const large = persons.filter((p) => p.height > SMALL_PERSON_HEIGHT);
  const heads = headsAmong(placed);
  const pairs = large
    .flatMap((person) => heads.map((head) => ({ person, head, d: headDistance(person, head) })))
    .filter((pair) => pair.d < Infinity)
    .sort((a, b) => a.d - b.d);
  const answered = new Set<Box>();
  const usedHeads = new Set<Box>();
  for (const { person, head } of pairs) {
    if (answered.has(person) || usedHeads.has(head)) continue;
    usedHeads.add(head);
    for (const same of large)
      if (same === person || intersectionOverUnion(same, person) >= SAME_PERSON_IOU)
        answered.add(same);
  }
  return persons.filter((p) => p.height <= SMALL_PERSON_HEIGHT || !answered.has(p));
}
