import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { addOperators, CLERK, incamera, JUDGE, seededDatabase, tempDir } from './support.js';

const NAME = 'Zarina Qwertyuiopova';

async function initialised(): Promise<string> {
  const db = join(tempDir(), 'records.db');
  const init = incamera(['records', 'init', '--db', db]);
  expect(init.stderr).toBe('');
  expect(init.status).toBe(0);
  await addOperators(db);
  return db;
}

/** `witness reveal` as an operator signed in with their own passphrase. */
const revealAs = (operator: string, passphrase: string, args: string[], env = {}) =>
  incamera(['witness', 'reveal', '--operator', operator, ...args], {
    INCAMERA_OPERATOR_PASSPHRASE: passphrase,
    ...env,
  });

describe('incamera records/witness/audit/backup commands', { timeout: 120_000 }, () => {
  it('adds a witness, reveals it to a judge with a reason, and audits both', async () => {
    const db = await initialised();
    const added = incamera([
      'witness',
      'add',
      '--db',
      db,
      '--case',
      'CR-2026/41',
      '--name',
      NAME,
      '--birth-date',
      '1991-02-03',
      '--contact',
      '+996 700 000 111',
      '--measures',
      'voice,face,pseudonym,closed-session',
    ]);
    expect(added.status).toBe(0);
    const { id, pseudonym } = JSON.parse(added.stdout) as { id: number; pseudonym: string };
    expect(pseudonym).toMatch(/^W-[2-9A-Z]{4}$/);
    const second = JSON.parse(
      incamera(['witness', 'add', '--db', db, '--case', 'CR-2026/41', '--name', 'Other Person'])
        .stdout,
    );
    expect(second.id).toBe(id + 1);
    expect(second.pseudonym).not.toBe(pseudonym);

    const revealed = revealAs(JUDGE.name, JUDGE.passphrase, [
      '--db',
      db,
      '--id',
      String(id),
      '--reason',
      'Defence disclosure order 7',
    ]);
    expect(revealed.status).toBe(0);
    expect(JSON.parse(revealed.stdout)).toEqual({
      id,
      pseudonym,
      identity: { name: NAME, birthDate: '1991-02-03', contact: '+996 700 000 111' },
    });

    const raw = new Database(db, { readonly: true });
    const order = raw
      .prepare(
        `SELECT voice_preset, face_style, pseudonym, closed_session FROM protective_orders WHERE witness_id = ?`,
      )
      .get(id);
    expect(order).toEqual({
      voice_preset: 'standard',
      face_style: 'solid',
      pseudonym: 1,
      closed_session: 1,
    });
    expect(raw.prepare(`SELECT count(*) FROM cases`).pluck().get()).toBe(1);
    const reveal = raw
      .prepare(`SELECT actor, actor_role, detail FROM audit_log WHERE action = 'witness.revealed'`)
      .get() as { actor: string; actor_role: string; detail: string };
    raw.close();
    expect(reveal).toMatchObject({ actor: JUDGE.name, actor_role: 'judge' });
    expect(JSON.parse(reveal.detail).reason).toBe('Defence disclosure order 7');

    const verify = incamera(['audit', 'verify', '--db', db]);
    expect(verify.status).toBe(0);
    expect(verify.stdout).toMatch(/^intact/);
  });

  it('never writes the name in plaintext to the database, its WAL or a backup', async () => {
    const db = await initialised();
    const holder = new Database(db);
    holder.pragma('wal_autocheckpoint = 0');
    holder.prepare('SELECT count(*) FROM witnesses').get();
    const added = incamera([
      'witness',
      'add',
      '--db',
      db,
      '--case',
      'CR-9',
      '--name',
      NAME,
      '--contact',
      'zarina@example.org',
    ]);
    expect(added.status).toBe(0);
    expect(existsSync(`${db}-wal`)).toBe(true);
    const wal = readFileSync(`${db}-wal`);
    expect(wal.length).toBeGreaterThan(0);
    const out = join(tempDir(), 'backup.db');
    expect(incamera(['backup', '--db', db, '--out', out]).status).toBe(0);
    holder.close();
    for (const bytes of [wal, readFileSync(db), readFileSync(out)]) {
      for (const secret of [NAME, 'Zarina', 'Qwertyuiopova', 'zarina@example.org']) {
        expect(bytes.includes(Buffer.from(secret, 'utf8'))).toBe(false);
        expect(bytes.includes(Buffer.from(secret, 'utf16le'))).toBe(false);
      }
    }
    const copy = new Database(out, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT count(*) FROM witnesses').pluck().get()).toBe(1);
    copy.close();
    expect(incamera(['audit', 'verify', '--db', out]).status).toBe(0);
    expect(incamera(['backup', '--db', db, '--out', out]).stderr).toMatch(/already exists/);
  });

  it('refuses a reveal without the judge role, or with a wrong passphrase, and audits each attempt', async () => {
    const db = await initialised();
    const { id } = JSON.parse(
      incamera(['witness', 'add', '--db', db, '--case', 'CR-1', '--name', NAME]).stdout,
    );
    const args = ['--db', db, '--id', String(id), '--reason', 'order 5'];
    const asClerk = revealAs(CLERK.name, CLERK.passphrase, args);
    expect(asClerk.status).toBe(1);
    expect(asClerk.stderr).toMatch(/Only judge may reveal/);
    expect(asClerk.stdout).toBe('');
    const wrong = revealAs(JUDGE.name, JUDGE.passphrase, args, {
      INCAMERA_PASSPHRASE: 'not the passphrase',
    });
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/passphrase is not correct/);
    expect(wrong.stderr).not.toMatch(/at .*\.ts/);
    expect(wrong.stdout).not.toContain(NAME);
    const raw = new Database(db, { readonly: true });
    const actions = raw
      .prepare(
        `SELECT action FROM audit_log WHERE subject_id = ? AND subject_type = 'witness' ORDER BY seq`,
      )
      .pluck()
      .all(id);
    raw.close();
    expect(actions).toEqual([
      'witness.registered',
      'witness.reveal-refused',
      'records.unlock-failed',
    ]);
    expect(incamera(['audit', 'verify', '--db', db]).status).toBe(0);
  });

  it('reveals only to a judge operator signed in with their own passphrase, audited by name', async () => {
    const db = await initialised();
    const { id } = JSON.parse(
      incamera(['witness', 'add', '--db', db, '--case', 'CR-2', '--name', NAME]).stdout,
    );
    const args = ['--db', db, '--id', String(id), '--reason', 'order 9'];
    // The court passphrase alone, with a role named on the command line, reveals nothing.
    const claimed = incamera(['witness', 'reveal', ...args, '--as', 'judge']);
    expect(claimed.status).not.toBe(0);
    expect(claimed.stdout).toBe('');
    expect(claimed.stderr).toMatch(/--operator/);
    const impostor = revealAs(JUDGE.name, CLERK.passphrase, args);
    expect(impostor.status).toBe(1);
    expect(impostor.stderr).toMatch(/operator name or passphrase is not correct/);
    expect(impostor.stdout).toBe('');
    const judge = revealAs(JUDGE.name, JUDGE.passphrase, args);
    expect(judge.status).toBe(0);
    expect(JSON.parse(judge.stdout).identity.name).toBe(NAME);

    const raw = new Database(db, { readonly: true });
    const entries = raw
      .prepare(
        `SELECT actor, actor_role AS role, action FROM audit_log
         WHERE action IN ('operator.sign-in-failed', 'operator.signed-in', 'witness.revealed') ORDER BY seq`,
      )
      .all();
    raw.close();
    expect(entries).toEqual([
      { actor: JUDGE.name, role: 'judge', action: 'operator.sign-in-failed' },
      { actor: JUDGE.name, role: 'judge', action: 'operator.signed-in' },
      { actor: JUDGE.name, role: 'judge', action: 'witness.revealed' },
    ]);
  });

  it('names the first bad entry after the audit log is edited or a row deleted with the sqlite3 shell', async () => {
    const db = await seededDatabase(2);
    const edit = new Database(db);
    edit.prepare(`UPDATE audit_log SET detail = '{"reason":"nothing to see"}' WHERE seq = 3`).run();
    edit.close();
    const edited = incamera(['audit', 'verify', '--db', db]);
    expect(edited.status).toBe(1);
    expect(edited.stdout).toMatch(/entry 3/);

    const db2 = await seededDatabase(1);
    expect(incamera(['audit', 'verify', '--db', db2]).status).toBe(0);
    const remove = new Database(db2);
    remove.prepare(`DELETE FROM audit_log WHERE seq = 2`).run();
    remove.close();
    const deleted = incamera(['audit', 'verify', '--db', db2]);
    expect(deleted.status).toBe(1);
    expect(deleted.stdout).toMatch(/entry 2 is missing/);
  });

  it('explains bad input in words and writes nothing', async () => {
    const db = await initialised();
    const badDate = incamera([
      'witness',
      'add',
      '--db',
      db,
      '--case',
      'CR-1',
      '--name',
      NAME,
      '--birth-date',
      '1990-02-31',
    ]);
    expect(badDate.status).toBe(1);
    expect(badDate.stderr).toContain('--birth-date: This is not a real calendar date.');
    const noName = incamera(['witness', 'add', '--db', db, '--case', 'CR-1', '--name', '  ']);
    expect(noName.stderr).toContain('--name: Fill in this field.');
    const badMeasure = incamera([
      'witness',
      'add',
      '--db',
      db,
      '--case',
      'CR-1',
      '--name',
      NAME,
      '--measures',
      'voice,teleport',
    ]);
    expect(badMeasure.status).toBe(2);
    expect(badMeasure.stderr).toContain('unknown measure teleport');
    const missing = incamera(['witness', 'add', '--db', db, '--name', NAME]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("required option '--case <number>'");
    const wrongPassphrase = incamera(
      ['witness', 'add', '--db', db, '--case', 'CR-1', '--name', NAME],
      {
        INCAMERA_PASSPHRASE: 'not the court passphrase',
      },
    );
    expect(wrongPassphrase.status).toBe(1);
    expect(wrongPassphrase.stderr).toMatch(/passphrase is not correct/);
    const raw = new Database(db, { readonly: true });
    expect(raw.prepare('SELECT count(*) FROM witnesses').pluck().get()).toBe(0);
    expect(raw.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(0);
    raw.close();
    expect(incamera(['records', 'init', '--db', db]).stderr).toMatch(/already set up/);
    const notInit = incamera([
      'witness',
      'add',
      '--db',
      join(tempDir(), 'new.db'),
      '--case',
      'C',
      '--name',
      NAME,
    ]);
    expect(notInit.stderr).toMatch(/has not been set up yet. Run: npx incamera records init/);
  });

  it('refuses corrupt, foreign, newer and read-only databases without touching them', async () => {
    const dir = tempDir();
    const text = join(dir, 'notes.db');
    writeFileSync(text, 'these are my notes, not a database');
    const foreign = join(dir, 'foreign.db');
    const other = new Database(foreign);
    other.exec('CREATE TABLE contacts (name TEXT)');
    other.close();
    const before = { text: readFileSync(text), foreign: readFileSync(foreign) };
    const r1 = incamera(['audit', 'verify', '--db', text]);
    expect(r1.status).toBe(1);
    expect(r1.stderr).toMatch(/not an SQLite database file\. The file was left untouched/);
    const r2 = incamera(['witness', 'add', '--db', foreign, '--case', 'C', '--name', NAME]);
    expect(r2.stderr).toMatch(/belongs to another program/);
    const host = incamera(['host', '--port', '0', '--db', text]);
    expect(host.status).toBe(1);
    expect(host.stderr).toMatch(/not an SQLite database file/);
    expect(readFileSync(text).equals(before.text)).toBe(true);
    expect(readFileSync(foreign).equals(before.foreign)).toBe(true);

    const damaged = await initialised();
    const bytes = readFileSync(damaged);
    bytes.fill(0xa5, 4096, 8192);
    writeFileSync(damaged, bytes);
    const r3 = incamera(['audit', 'verify', '--db', damaged]);
    expect(r3.status).toBe(1);
    expect(r3.stderr).toMatch(/damaged|not a usable/);
    expect(readFileSync(damaged).equals(bytes)).toBe(true);

    const newer = await initialised();
    const raw = new Database(newer);
    raw.pragma('user_version = 999');
    raw.close();
    expect(incamera(['audit', 'verify', '--db', newer]).stderr).toMatch(
      /newer InCamera \(records schema version 999/,
    );

    const readOnly = incamera(['records', 'init', '--db', '/proc/incamera-records.db']);
    expect(readOnly.status).toBe(1);
    expect(readOnly.stderr).toMatch(/read-only/);
    if (process.getuid?.() !== 0) {
      const lockedDir = tempDir();
      chmodSync(lockedDir, 0o500);
      expect(incamera(['records', 'init', '--db', join(lockedDir, 'r.db')]).stderr).toMatch(
        /read-only/,
      );
    }
  });
});
