import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { entryHash, GENESIS_HASH, type AuditRow } from '../../../host/records/audit-chain.js';
import { incamera, seededDatabase } from './support.js';

describe('incamera audit verify with the court key', () => {
  it('fails a log rewritten and re-hashed with plain SHA-256, and passes it only with --hashes-only', async () => {
    const db = await seededDatabase(2);
    expect(incamera(['audit', 'verify', '--db', db]).stdout).toMatch(/^intact \(\d+ entries\)\n$/);
    expect(incamera(['audit', 'verify', '--db', db, '--lang', 'ru']).stdout).toMatch(
      /^цепочка цела \(\d+ записе?[йи]\)\n$/,
    );
    expect(incamera(['audit', 'verify', '--db', db], { INCAMERA_LANG: 'ky' }).stdout).toMatch(
      /^чынжыр бүтүн \(\d+ жазуу\)\n$/,
    );
    const edit = new Database(db);
    edit.prepare(`UPDATE audit_log SET detail = '{"reason":"nothing to see"}' WHERE seq = 3`).run();
    let prev = GENESIS_HASH;
    for (const row of edit.prepare(`SELECT * FROM audit_log ORDER BY seq`).all() as AuditRow[]) {
      const hash = entryHash({ ...row, prev_hash: prev });
      edit
        .prepare(`UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?`)
        .run(prev, hash, row.seq);
      prev = hash;
    }
    edit.prepare(`UPDATE audit_head SET hash = ? WHERE id = 1`).run(prev);
    edit.close();
    const keyed = incamera(['audit', 'verify', '--db', db]);
    expect(keyed.status).toBe(1);
    expect(keyed.stdout).toMatch(/broken at entry 3: .*court key/);
    const russian = incamera(['audit', 'verify', '--db', db], { LC_ALL: '', LANG: 'ru_RU.UTF-8' });
    expect(russian.stdout).toBe(
      'цепочка нарушена на записи № 3: запись № 3 изменена после того, как была сделана (её печать ключом суда не совпадает)\n',
    );
    const kyrgyz = incamera(['audit', 'verify', '--db', db, '--lang', 'ky']);
    expect(kyrgyz.stdout).toBe(
      'чынжыр № 3 жазууда бузулган: № 3 жазуу жазылгандан кийин өзгөртүлгөн (анын соттун ачкычы менен коюлган мөөрү дал келбейт)\n',
    );
    const hashesOnly = incamera(['audit', 'verify', '--db', db, '--hashes-only']);
    expect(hashesOnly.status).toBe(0);
    expect(hashesOnly.stdout).toMatch(/were not checked/);
    const hashesOnlyKy = incamera(['audit', 'verify', '--db', db, '--hashes-only', '--lang', 'ky']);
    expect(hashesOnlyKy.stdout).toMatch(
      /^чынжыр бүтүн .*\nэскертүү: соттун ачкычы менен коюлган мөөрлөр текшерилген жок/,
    );
    const wrong = incamera(['audit', 'verify', '--db', db], {
      INCAMERA_PASSPHRASE: 'not it at all',
    });
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/Wrong court passphrase/);
  });
});
