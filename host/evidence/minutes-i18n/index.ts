/** The minutes' words per language, and the English sentences the manifest keeps. */
import type { UiLanguage } from '../../../contract/i18n/languages.js';
import { en } from './en.js';
import { ky } from './ky.js';
import { ru } from './ru.js';
import type { ExportNote, MeasureItem, MinutesWords, MissingNote } from './types.js';

export * from './types.js';

export const minutesWords: Record<UiLanguage, MinutesWords> = { en, ru, ky };

const lookup = <T extends string>(words: Record<T, string>, key: string): string =>
  Object.hasOwn(words, key) ? words[key as T] : key;

export function roleWord(words: MinutesWords, role: string): string {
  return lookup(words.roles, role);
}

export function measureText(words: MinutesWords, item: MeasureItem): string {
  switch (item.kind) {
    case 'face-masked':
      if (item.style === 'no-picture') return words.measure.noPicture;
      if (item.style === 'silhouette') return words.measure.silhouette;
      return words.measure.faceMasked(words.faceStyles[item.style]);
    case 'voice-anonymised':
      return words.measure.voiceAnonymised(words.voicePresets[item.preset]);
    case 'pseudonym':
      return words.measure.pseudonym;
    case 'screened-from':
      return words.measure.screenedFrom(item.roles.map((r) => roleWord(words, r)).join(', '));
    case 'closed-session':
      return words.measure.closedSession;
  }
}

export function missingText(words: MinutesWords, note: MissingNote): string {
  if (note.kind === 'nothing-recorded') return words.missing.nothingRecorded(note.part);
  const { label, media, part } = note.track;
  const track = words.missing.track(label, words.media[media], part);
  switch (note.kind) {
    case 'no-media':
      return words.missing.noMedia(track);
    case 'unfinished-segment':
      return words.missing.unfinished(
        track,
        note.file,
        note.lost ? words.missing.lost(note.lost.seconds, note.lost.from) : '',
      );
    case 'stopped-abruptly':
      return words.missing.stoppedAbruptly(track);
    case 'no-segment':
      return words.missing.noSegment(track);
  }
}

/** A note on what an export lacks or left out, in the words of the one who exported it. */
export function exportNoteText(words: MinutesWords, note: ExportNote): string {
  switch (note.kind) {
    case 'unhashed-segments':
      return words.skipped.unhashed(
        note.count,
        `${note.files.slice(0, 5).join(', ')}${note.files.length > 5 ? ' …' : ''}`,
      );
    case 'no-pdf':
      return note.reason === 'no-chromium'
        ? words.skipped.noChromium
        : words.skipped.printFailed(note.why);
    default:
      return missingText(words, note);
  }
}

export function eventText(words: MinutesWords, action: string): string {
  return lookup(words.eventWords, action);
}
