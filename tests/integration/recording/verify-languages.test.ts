/**
 * `incamera export verify` on a real export, good and tampered, in Russian and Kyrgyz: the result
 * line and every problem in the reader's language, each still naming its file.
 */
import { createHash } from 'node:crypto';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { coded, formatError } from '../../../contract/errors/codes';
import { exportEvidence } from '../../../host/evidence/export';
import type { Manifest } from '../../../host/evidence/manifest';
import { courtPublicKey, keyFingerprint } from '../../../host/records/crypto/court-keys';
import { recordsWithHearing, type RecordsFixture } from '../../../scripts/lib/recording-fixture';
import { incamera } from '../records/support';

const noLocale = { LC_ALL: '', LC_MESSAGES: '', INCAMERA_LANG: '', LANG: 'C.UTF-8' };
const inRussian = { ...noLocale, LANG: 'ru_RU.UTF-8' };
/** A line with no Cyrillic letter at all: left in English. */
const englishLines = (stdout: string) =>
  stdout.split('\n').filter((line) => line && !/[\u0400-\u04FF]/.test(line));

let fixture: RecordsFixture;
let out: string;
let fingerprint: string;
let files: number;

beforeAll(async () => {
  fixture = await recordsWithHearing();
  out = join(fixture.dir, 'export');
  const { manifest } = await exportEvidence({
    db: fixture.db,
    dbPath: fixture.dbPath,
    hearingId: fixture.hearingId,
    outDir: out,
    actor: { name: 'Clerk', role: 'clerk' },
    dataKey: fixture.key,
    env: { ...process.env, CHROMIUM_PATH: '/no/such/chromium' },
  });
  files = manifest.files.length;
  fingerprint = keyFingerprint(courtPublicKey(fixture.db)!);
});

/** A copy with the minutes changed and re-hashed in the manifest, and a file slipped in. */
function tamperedCopy(): string {
  const copy = join(fixture.dir, 'tampered');
  cpSync(out, copy, { recursive: true });
  const minutes = Buffer.from(readFileSync(join(copy, 'minutes.html')));
  minutes[Math.floor(minutes.length / 2)]! ^= 0x01;
  writeFileSync(join(copy, 'minutes.html'), minutes);
  const manifest = JSON.parse(readFileSync(join(copy, 'manifest.json'), 'utf8')) as Manifest;
  manifest.files.find((f) => f.file === 'minutes.html')!.sha256 = createHash('sha256')
    .update(minutes)
    .digest('hex');
  writeFileSync(join(copy, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(join(copy, 'extra.txt'), 'slipped in');
  return copy;
}

describe('incamera export verify in the reader’s language', { timeout: 120_000 }, () => {
  it('says intact in Russian under LANG=ru_RU.UTF-8, with the count and the key', () => {
    const run = incamera(['export', 'verify', out, '--fingerprint', fingerprint], inRussian);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`целостность подтверждена (${files} файл`);
    expect(run.stdout).toContain(`подписано ключом ${fingerprint}`);
    expect(englishLines(run.stdout)).toEqual([]);
  });

  it('says intact in Kyrgyz with --lang ky, and the note to compare the fingerprint', () => {
    const run = incamera(['export', 'verify', out, '--lang', 'ky'], inRussian);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`бузулган эмес (${files} файл, ${fingerprint} ачкычы менен`);
    expect(run.stdout).toContain('эскертүү: бул изди басылган протоколдогу из менен салыштырыңыз');
    expect(englishLines(run.stdout)).toEqual([]);
  });

  it('names each file and its failed check in Russian and in Kyrgyz', () => {
    const copy = tamperedCopy();
    const ru = incamera(['export', 'verify', copy, '--fingerprint', fingerprint], inRussian);
    expect(ru.status).toBe(1);
    expect(ru.stdout.trim().split('\n')).toEqual([
      'manifest.json: подпись не совпадает (манифест изменён после подписания)',
      'minutes.html: запись об этом файле в манифесте (хеш или размер) не совпадает с той, что подписана ключом суда',
      'extra.txt: файла нет в манифесте',
    ]);
    const ky = incamera(['export', 'verify', copy, '--lang', 'ky'], noLocale);
    expect(ky.status).toBe(1);
    expect(ky.stdout.trim().split('\n')).toEqual([
      'manifest.json: кол дал келбейт (манифест кол коюлгандан кийин өзгөртүлгөн)',
      'minutes.html: бул файлдын манифесттеги жазуусу (хеши же өлчөмү) соттун ачкычы менен кол коюлган жазуу менен дал келбейт',
      'extra.txt: файл манифестте жок',
    ]);
    const en = incamera(['export', 'verify', copy], noLocale);
    expect(en.stdout).toContain('manifest.json: the signature does not match');
    expect(en.stdout).toContain('extra.txt: not in the manifest');
  });

  it('writes counts in the language’s number format and plural', () => {
    const intact = (count: number, language: 'en' | 'ru' | 'ky') =>
      formatError(coded('verify.export-intact', { count, fingerprint: 'ab 12' }), language);
    expect(intact(1200, 'en')).toBe('intact (1,200 files, signed by ab 12)');
    expect(intact(1200, 'ru').replace(/\s/g, ' ')).toBe(
      'целостность подтверждена (1 200 файлов, подписано ключом ab 12)',
    );
    expect(intact(3, 'ru')).toContain('(3 файла,');
    expect(intact(1200, 'ky').replace(/\s/g, ' ')).toContain('(1 200 файл,');
    const unsealed = formatError(coded('verify.audit-unsealed', { count: 21 }), 'ru');
    expect(unsealed).toContain('последняя 21 запись сделана');
  });
});
