import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../host/records/audit.js';
import { openRecordsDatabase } from '../../../host/records/open-database.js';
import { unlockRecords } from '../../../host/records/unlock.js';
import { revealWitness } from '../../../host/records/witness-records.js';
import { COURT_PASSPHRASE, FAST_SCRYPT, incamera, tempDir } from './support.js';

const child = fileURLToPath(new URL('./write-burst.child.ts', import.meta.url));

describe('kill -9 during a burst of writes', () => {
  it('keeps every committed record, passes integrity_check and keeps the audit chain intact', async () => {
    const path = join(tempDir(), 'crash.db');
    expect(incamera(['records', 'init', '--db', path]).status).toBe(0);

    const writer = spawn(process.execPath, ['--import', 'tsx', child, path, COURT_PASSPHRASE], {
      env: { ...process.env, ...FAST_SCRYPT },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const committed = new Map<number, string>();
    let stderr = '';
    writer.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const killed = new Promise<NodeJS.Signals | null>((resolve) =>
      writer.on('exit', (_code, signal) => resolve(signal)),
    );
    let buffered = '';
    writer.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const match = /^committed (\d+) (W-\w{4})$/.exec(line);
        if (match) committed.set(Number(match[1]), match[2]!);
        if (committed.size >= 150 && writer.exitCode === null && !writer.killed)
          writer.kill('SIGKILL');
      }
    });
    expect(await killed, stderr).toBe('SIGKILL');
    expect(committed.size).toBeGreaterThanOrEqual(150);

    const db = openRecordsDatabase(path);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const stored = new Map(
      (
        db.prepare('SELECT id, pseudonym FROM witnesses').all() as Array<{
          id: number;
          pseudonym: string;
        }>
      ).map((row) => [row.id, row.pseudonym]),
    );
    for (const [id, pseudonym] of committed) expect(stored.get(id)).toBe(pseudonym);
    const orders = db.prepare('SELECT count(*) FROM protective_orders').pluck().get();
    expect(orders).toBe(stored.size);
    expect(verifyAuditChain(db)).toMatchObject({ intact: true });

    const judge = { name: 'judge', role: 'judge' as const };
    const key = await unlockRecords(db, path, COURT_PASSPHRASE, judge);
    const lastId = Math.max(...committed.keys());
    expect(revealWitness(db, key, judge, lastId, 'crash test check').identity.name).toMatch(
      /^Crash Witness \d+$/,
    );
    db.close();
  });
});
