/** What an export lacks or left out is told to the person who exported it, in their language. */
import { describe, expect, it } from 'vitest';
import {
  exportNoteText,
  minutesWords,
  type ExportNote,
} from '../../../host/evidence/minutes-i18n/index.js';

const track = { label: 'Witness W-1', media: 'video' as const, part: 2 };
const notes: ExportNote[] = [
  { kind: 'nothing-recorded', part: 1 },
  { kind: 'no-media', track },
  {
    kind: 'unfinished-segment',
    track,
    file: 'seg-00003.webm',
    lost: { seconds: 4, from: '10:02' },
  },
  { kind: 'stopped-abruptly', track },
  { kind: 'no-segment', track },
  { kind: 'unhashed-segments', count: 7, files: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] },
  { kind: 'no-pdf', reason: 'no-chromium', why: 'no Chromium was found' },
  { kind: 'no-pdf', reason: 'print-failed', why: 'exit 1' },
];

describe('export notes', () => {
  it('keeps the English sentences the manifest has always carried', () => {
    const en = notes.map((note) => exportNoteText(minutesWords.en, note));
    expect(en[5]).toBe(
      '7 recorded segment(s) had no hash in the audit log (closed while no host was running, or recorded before segments were hashed), so they could not be checked against it: a, b, c, d, e ….',
    );
    expect(en[6]).toBe(
      'minutes.pdf was not made: no Chromium was found (set CHROMIUM_PATH or install chromium); minutes.html is complete.',
    );
    expect(en[7]).toBe('minutes.pdf was not made: exit 1.');
  });

  it.each(['ru', 'ky'] as const)('says every note in %s, with no English sentence', (language) => {
    for (const note of notes) {
      const text = exportNoteText(minutesWords[language], note);
      const words = text.replace(/minutes\.(pdf|html)|CHROMIUM_PATH|chromium|Chromium/g, '');
      expect(words).toMatch(/[\u0400-\u04FF]/u);
      expect(words).not.toMatch(/\b(was|the|not|made|recorded|segment|missing)\b/);
      expect(text).not.toBe(exportNoteText(minutesWords.en, note));
    }
  });
});
