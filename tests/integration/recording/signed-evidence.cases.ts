/**
 * Signed evidence and the sealed closed session, on the export that recorder-export.test.ts records
 * and writes (one recording for both: it is the slow part). Not a test file of its own.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatError } from '../../../contract/errors/codes';
import { exportEvidence } from '../../../host/evidence/export';
import { manifest as manifestSchema, type Manifest } from '../../../host/evidence/manifest';
import { verifyExport } from '../../../host/evidence/verify-export';
import { probe } from '../../../host/evidence/run-ffmpeg';
import { readHearingRecording, recordingsRootFor } from '../../../host/recording/layout';
import { courtPublicKey, keyFingerprint } from '../../../host/records/crypto/court-keys';
import { addOperator } from '../../../host/records/operators';
import { resolveFfprobe } from '../../../host/tools/ffmpeg';
import type { RecordsFixture } from '../../../scripts/lib/recording-fixture';
import { FIXTURE_PASSPHRASE } from '../../../scripts/lib/records-db-fixture';
import { cliPath } from '../records/support';

const EBML_MAGIC = Buffer.from([0x1a, 0x45, 0xdf, 0xa3]);

export function describeSignedEvidence(recorded: () => RecordsFixture): void {
  let fixture: RecordsFixture;
  describe('signed evidence', () => {
    beforeAll(() => {
      fixture = recorded();
    });
    let out: string;
    let fingerprint: string;
    const cli = (args: string[]) =>
      spawnSync(process.execPath, [cliPath, ...args], { encoding: 'utf8' });
    /** A copy of the export with one byte of FILE changed and its hash rewritten in the manifest. */
    const tamperedCopy = (name: string, file: string, rehash: boolean) => {
      const copy = join(fixture.dir, name);
      cpSync(out, copy, { recursive: true });
      const bytes = readFileSync(join(copy, file));
      bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
      writeFileSync(join(copy, file), bytes);
      if (rehash) {
        const manifest = JSON.parse(readFileSync(join(copy, 'manifest.json'), 'utf8')) as Manifest;
        const entry = manifest.files.find((f) => f.file === file)!;
        entry.sha256 = createHash('sha256').update(bytes).digest('hex');
        writeFileSync(join(copy, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
      }
      return copy;
    };

    beforeAll(() => {
      const exports = readdirSync(fixture.dir).filter((n) => n === 'export');
      out = join(fixture.dir, exports[0]!);
      fingerprint = keyFingerprint(courtPublicKey(fixture.db)!);
    });

    it('prints the key and the audit head in the minutes and the manifest hash in the audit log', async () => {
      const html = readFileSync(join(out, 'minutes.html'), 'utf8');
      expect(html).toContain(fingerprint);
      const manifest = manifestSchema.parse(
        JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')),
      );
      expect(manifest.signedBy?.fingerprint).toBe(fingerprint);
      expect(html).toContain(manifest.auditHead!.hash);
      expect(
        await verifyExport(out, { db: fixture.db, courtKey: courtPublicKey(fixture.db) }),
      ).toMatchObject({
        ok: true,
        keyChecked: true,
      });
    });

    it('a copy elsewhere verifies with only the fingerprint, and not with another', async () => {
      const copy = join(fixture.dir, 'copy-elsewhere');
      cpSync(out, copy, { recursive: true });
      const result = cli([
        'export',
        'verify',
        copy,
        '--fingerprint',
        fingerprint.replace(/ /g, ''),
      ]);
      expect(result.stdout).toMatch(/^intact/);
      expect(result.status).toBe(0);
      const other = await verifyExport(copy, { fingerprint: 'ab'.repeat(32) });
      expect(other.ok).toBe(false);
      expect(other.problems.map((p) => formatError(p)).join('\n')).toMatch(
        /manifest\.json: signed by the key .* not the court's key/,
      );
    });

    it('fails naming the file when a recording or the minutes are changed and re-hashed in the manifest', async () => {
      const manifest = manifestSchema.parse(
        JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')),
      );
      const recording = manifest.files.find((f) => f.kind === 'master')!.file;
      const copy = tamperedCopy('tampered-recording', recording, true);
      const result = cli(['export', 'verify', copy, '--fingerprint', fingerprint]);
      expect(result.status).toBe(1);
      expect(result.stdout).toContain(
        `${recording}: its entry in the manifest (hash or size) is not the one the court key signed`,
      );
      expect(result.stdout).toContain('manifest.json: the signature does not match');
      const minutes = await verifyExport(tamperedCopy('tampered-minutes', 'minutes.html', true), {
        fingerprint,
      });
      expect(minutes.problems.map((p) => formatError(p))).toContain(
        'minutes.html: its entry in the manifest (hash or size) is not the one the court key signed',
      );
    });

    it('exports the closed session sealed; a judge with a reason opens a copy that plays, audited', async () => {
      const manifest = manifestSchema.parse(
        JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')),
      );
      const sealed = manifest.files.find((f) => f.sealed)!;
      expect(sealed.file).toMatch(/^sealed\/.+\.webm\.sealed$/);
      expect(readFileSync(join(out, sealed.file)).subarray(0, 4).equals(EBML_MAGIC)).toBe(false);
      expect(readdirSync(join(out, 'sealed')).filter((f) => f.endsWith('.webm'))).toEqual([]);
      const opened = join(fixture.dir, 'opened-by-judge.webm');
      const admin = { name: 'setup', role: 'administrator' as const };
      await addOperator(fixture.db, admin, {
        name: 'Clerk Asel',
        role: 'clerk',
        passphrase: 'clerk passphrase',
      });
      await addOperator(fixture.db, admin, {
        name: 'Judge Bakyt',
        role: 'judge',
        passphrase: 'judge passphrase',
      });
      const unseal = (operator: string, passphrase: string) =>
        spawnSync(
          process.execPath,
          [
            cliPath,
            'export',
            'unseal',
            join(out, sealed.file),
            '--db',
            fixture.dbPath,
            '--out',
            opened,
            '--reason',
            'appeal court order 12',
            '--operator',
            operator,
          ],
          {
            encoding: 'utf8',
            env: {
              ...process.env,
              INCAMERA_PASSPHRASE: FIXTURE_PASSPHRASE,
              INCAMERA_OPERATOR_PASSPHRASE: passphrase,
            },
          },
        );
      const refused = unseal('Clerk Asel', 'clerk passphrase');
      expect(refused.status).not.toBe(0);
      expect(refused.stderr).toMatch(/Only a judge may open a closed-session file/);
      expect(existsSync(opened)).toBe(false);
      const result = unseal('Judge Bakyt', 'judge passphrase');
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const probed = await probe(resolveFfprobe(), opened);
      expect(probed.streams.map((s) => s.codec).sort()).toEqual(['opus', 'vp8']);
      expect(probed.duration).toBeGreaterThan(2);
      const actions = fixture.db
        .prepare(
          `SELECT action, actor_role AS role, detail FROM audit_log WHERE action LIKE 'evidence.unseal%' ORDER BY seq`,
        )
        .all() as { action: string; role: string; detail: string }[];
      expect(actions.map((a) => [a.action, a.role])).toEqual([
        ['evidence.unseal-refused', 'clerk'],
        ['evidence.unsealed', 'judge'],
      ]);
      expect(JSON.parse(actions[1]!.detail)).toMatchObject({ reason: 'appeal court order 12' });
    });

    it('fails the signature when only the manifest is edited, and the audit check with --db', async () => {
      const copy = join(fixture.dir, 'edited-manifest');
      cpSync(out, copy, { recursive: true });
      const text = readFileSync(join(copy, 'manifest.json'), 'utf8');
      writeFileSync(
        join(copy, 'manifest.json'),
        text.replace('"exportedBy": "clerk Clerk"', '"exportedBy": "clerk Someone"'),
      );
      const result = await verifyExport(copy, {
        db: fixture.db,
        courtKey: courtPublicKey(fixture.db),
      });
      expect(result.problems.map((p) => formatError(p))).toEqual([
        'manifest.json: the signature does not match (the manifest was changed after it was signed)',
        expect.stringMatching(
          /^manifest\.json: the audit log records no export of hearing \d+ with this manifest/,
        ),
      ]);
    });

    it('refuses to export a segment changed on disk after it was closed, naming it', async () => {
      const [open] = readHearingRecording(recordingsRootFor(fixture.dbPath), fixture.hearingId);
      const track = open!.tracks[0]!;
      const file = join(track.dir, track.segments[0]!.file);
      const bytes = readFileSync(file);
      bytes[bytes.length - 10]! ^= 0x01;
      writeFileSync(file, bytes);
      await expect(
        exportEvidence({
          db: fixture.db,
          dbPath: fixture.dbPath,
          hearingId: fixture.hearingId,
          outDir: join(fixture.dir, 'after-swap'),
          actor: { name: 'Clerk', role: 'clerk' },
          dataKey: fixture.key,
        }),
      ).rejects.toThrow(new RegExp(`${track.segments[0]!.file} does not match the hash recorded`));
    });
  });
}
