/** The hearing minutes in the operator's language: Russian and Kyrgyz court terms, no English left. */
import { describe, expect, it } from 'vitest';
import { uiLanguages } from '../../../contract/i18n/languages';
import { measureText, minutesWords } from '../../../host/evidence/minutes-i18n/index';
import { minutesHtml, type MinutesInput } from '../../../host/evidence/minutes';

const sample: MinutesInput = {
  caseNumber: 'CR-2026/17',
  courtroom: '3',
  scheduledAt: '2026-11-20T09:00:00.000Z',
  participants: [
    { role: 'judge', name: 'Aibek Osmonov' },
    { role: 'clerk', name: 'Nurzhan Ali' },
    { role: 'accused', unnamedId: 4 },
    { role: 'witness', name: 'W-17' },
    { role: 'witness', withoutOrder: true },
  ],
  measures: [
    {
      pseudonym: 'W-17',
      items: [
        { kind: 'face-masked', style: 'solid' },
        { kind: 'voice-anonymised', preset: 'strong' },
        { kind: 'pseudonym' },
        { kind: 'screened-from', roles: ['accused'] },
        { kind: 'closed-session' },
      ],
    },
  ],
  parts: [
    {
      part: 1,
      closedSession: false,
      startedAt: '2026-11-20T09:05:00.000Z',
      stoppedAt: '2026-11-20T09:20:00.000Z',
    },
    { part: 2, closedSession: true, startedAt: '2026-11-20T09:30:00.000Z' },
  ],
  redactions: [
    { fromAt: '2026-11-20T09:10:00.000Z', toAt: '2026-11-20T09:10:05.000Z', reason: 'address' },
  ],
  events: [
    { at: '2026-11-20T09:05:00.000Z', actorRole: 'judge', action: 'recording.started' },
    { at: '2026-11-20T09:10:00.000Z', actorRole: 'judge', action: 'recording.redaction-marked' },
    { at: '2026-11-20T09:30:00.000Z', actorRole: 'judge', action: 'session.closed-session-on' },
  ],
  missing: [
    { kind: 'nothing-recorded', part: 3 },
    {
      kind: 'unfinished-segment',
      track: { label: 'W-17', media: 'video', part: 2 },
      file: 'seg-0004.webm',
      lost: { seconds: 4, from: '2026-11-20T09:31:00.000Z' },
    },
    { kind: 'stopped-abruptly', track: { label: 'W-17', media: 'audio', part: 2 } },
  ],
  exportedAt: '2026-11-21T10:00:00.000Z',
};

/** Every English heading and fixed label of the minutes, from the English words themselves. */
const englishWords = [
  'Minutes of the hearing',
  'Courtroom',
  'Participants',
  'Name or pseudonym',
  'Protective measures applied',
  'Recording',
  'Redactions in the public copy',
  'Events',
  'Redaction marked',
  'Recording started',
  'closed (sealed record)',
  'not stopped',
  'face masked',
  'voice anonymised',
  'screened from',
  'nothing was recorded',
  'stopped abruptly',
  'witness, no protective order',
  'accused',
];

const keysOf = (value: unknown, prefix = ''): string[] =>
  value !== null && typeof value === 'object'
    ? Object.entries(value).flatMap(([key, inner]) => keysOf(inner, `${prefix}${key}.`))
    : [prefix.slice(0, -1)];

describe('minutes in the operator language', () => {
  it('has the same words in every language', () => {
    const english = keysOf(minutesWords.en).sort();
    expect(english.length).toBeGreaterThan(60);
    for (const language of uiLanguages)
      expect(keysOf(minutesWords[language]).sort()).toEqual(english);
    for (const language of ['ru', 'ky'] as const) {
      const { eventWords, roles, faceStyles, voicePresets } = minutesWords[language];
      for (const word of Object.values({ ...eventWords, ...roles, ...faceStyles, ...voicePresets }))
        expect(word).not.toMatch(/[A-Za-z]/);
    }
  });

  it('says what a silhouette or a no-picture order conceals, in every language', () => {
    for (const language of uiLanguages) {
      const words = minutesWords[language];
      const noPicture = measureText(words, { kind: 'face-masked', style: 'no-picture' });
      const silhouette = measureText(words, { kind: 'face-masked', style: 'silhouette' });
      expect(noPicture).toBe(words.measure.noPicture);
      expect(silhouette).toBe(words.measure.silhouette);
      expect(noPicture).not.toContain(words.measure.faceMasked(''));
    }
    expect(measureText(minutesWords.en, { kind: 'face-masked', style: 'no-picture' })).toContain(
      'testimony excluding visual observation',
    );
  });

  it('keeps the English minutes as they were', () => {
    const html = minutesHtml(sample);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<h1>Minutes of the hearing — case CR-2026/17</h1>');
    expect(html).toContain(
      'face masked (solid); voice anonymised (strong); pseudonym; screened from: accused; closed session',
    );
    expect(html).toContain(
      'W-17 (video, part 2): segment seg-0004.webm was never finished (recording stopped abruptly); about 4 s from 2026-11-20T09:31:00.000Z missing.',
    );
    expect(html).toContain('(accused #4)');
  });

  it.each([
    [
      'ru',
      [
        'Протокол судебного заседания — дело CR-2026/17',
        'Участники',
        'Применённые меры защиты',
        'Обезличивание в открытой копии',
        'Процессуальное положение',
        'судья',
        'подсудимый',
        'свидетель',
        'псевдоним',
        'закрытое судебное заседание',
        'маска лица (сплошная маска)',
        'Запись начата',
        'Часть 3: ничего не записано.',
        '(подсудимый №4)',
      ],
    ],
    [
      'ky',
      [
        'Сот отурумунун протоколу — CR-2026/17 иши',
        'Катышуучулар',
        'Колдонулган коргоо чаралары',
        'Ачык нускадагы жашыруулар',
        'Процесстик абалы',
        'судья',
        'соттолуучу',
        'күбө',
        'ылакап ат',
        'жабык сот отуруму',
        'жүз маскасы (толук маска)',
        'Жазуу башталды',
        '3-бөлүк: эч нерсе жазылган эмес.',
        '(соттолуучу №4)',
      ],
    ],
  ] as const)(
    'writes the %s minutes in court terms, with no English left',
    (language, expected) => {
      const html = minutesHtml(sample, language);
      expect(html).toContain(`<html lang="${language}">`);
      for (const text of expected) expect(html).toContain(text);
      for (const english of englishWords) expect(html).not.toContain(english);
      // Headings and cells hold no run of Latin words beyond the case, pseudonym and file names.
      const prose = html
        .replace(/<style>[\s\S]*?<\/style>/, '')
        .replace(/<[^>]+>/g, ' ')
        .replace(
          /CR-2026\/17|W-17|seg-0004\.webm|UTC|\d{4}-\d\d-\d\dT[\d:.]+Z|Aibek Osmonov|Nurzhan Ali|address/g,
          '',
        );
      expect(prose).not.toMatch(/[A-Za-z]{3,}/);
    },
  );

  it('names the witness only by pseudonym in every language', () => {
    for (const language of uiLanguages) {
      const html = minutesHtml(sample, language);
      const witnessRows = html.match(/<tr><td>[^<]*<\/td><td>W-17<\/td><\/tr>/g) ?? [];
      expect(witnessRows).toHaveLength(1);
      expect(html).toContain(
        `<td>W-17</td><td>${minutesWords[language].measure.faceMasked(minutesWords[language].faceStyles.solid)}`,
      );
    }
  });
});
