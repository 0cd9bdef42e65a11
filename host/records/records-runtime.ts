import { forgetAuditKey } from './audit-key.js';
import type { KeyWrapper } from './crypto/key-wrapper.js';
import type { WritableDB } from './db-types.js';
import { RecordsLockedError } from './errors.js';
import { openRecordsDatabase } from './open-database.js';
import { SignInGuard } from './sign-in-guard.js';
import { OperatorSessions } from './sessions.js';

/** The host's open records database, its unlocked data key (once unlocked) and operator sessions. */
export class RecordsRuntime {
  readonly sessions = new OperatorSessions();
  /** Host-wide limits on operator sign-ins and court-passphrase unlocks. */
  readonly signInGuard = new SignInGuard();
  private dataKey: Buffer | undefined;

  private constructor(
    readonly db: WritableDB,
    readonly path: string,
    readonly keyWrapper: KeyWrapper | undefined,
  ) {}

  static open(path: string, keyWrapper?: KeyWrapper): RecordsRuntime {
    return new RecordsRuntime(openRecordsDatabase(path), path, keyWrapper);
  }

  get unlocked(): boolean {
    return this.dataKey !== undefined;
  }

  setDataKey(dataKey: Buffer): void {
    this.dataKey = dataKey;
  }

  requireDataKey(): Buffer {
    if (!this.dataKey) throw new RecordsLockedError();
    return this.dataKey;
  }

  close(): void {
    this.dataKey?.fill(0);
    this.dataKey = undefined;
    forgetAuditKey(this.db);
    if (this.db.open) this.db.close();
  }
}
