/**
 * Host-wide limits on passphrase checks (operator sign-in and court unlock), on top of the
 * per-operator and per-database counts kept in the records: at most a few key derivations at once,
 * a ceiling on failures a minute across all names, the same back-off for names that are not
 * operators as for those that are, and one aggregated audit entry a minute for unknown names.
 */
import { appendAudit } from './audit.js';
import { unlockWaitSeconds } from './crypto/keyring.js';
import type { WritableDB } from './db-types.js';
import { TooManyAttemptsError } from './errors.js';

export type SignInLimits = {
  /** Key derivations running at once, host-wide (each takes ~0.1-0.5 s and up to 128 MiB). */
  maxConcurrentChecks: number;
  /** Failed checks a minute, host-wide, before every further try must wait. */
  failuresPerMinute: number;
};

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = {
  maxConcurrentChecks: 2,
  failuresPerMinute: 30,
};

const MINUTE_MS = 60_000;
const MAX_UNKNOWN_NAMES = 10_000;
/** Checks that may wait for a slot; past them a try is refused at once. */
const MAX_WAITING = 8;

type Failures = { failedAttempts: number; lastFailedAt: number | null };

export class SignInGuard {
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];
  private recentFailures: number[] = [];
  private readonly unknownNames = new Map<string, Failures>();
  private unknownAudit = { lastWrittenAt: -Infinity, unwritten: 0 };

  constructor(
    private readonly limits: SignInLimits = DEFAULT_SIGN_IN_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Runs one passphrase check inside the host-wide limits: a few at once, a few more waiting their
   * turn (two people signing in together both get in), the rest refused at once.
   */
  async check<T>(run: () => Promise<T>): Promise<T> {
    this.refuseIfOverFailureLimit();
    if (this.inFlight < this.limits.maxConcurrentChecks) this.inFlight += 1;
    else if (this.waiting.length < MAX_WAITING)
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    else throw new TooManyAttemptsError(1);
    try {
      this.refuseIfOverFailureLimit();
      return await run();
    } finally {
      // The slot passes straight to the next in line, or is given back.
      const next = this.waiting.shift();
      if (next) next();
      else this.inFlight -= 1;
    }
  }

  private refuseIfOverFailureLimit(): void {
    const wait = this.globalWaitSeconds();
    if (wait > 0) throw new TooManyAttemptsError(wait);
  }

  failed(): void {
    this.recentFailures.push(this.now());
  }

  /**
   * The slot for a name that is not an operator, taken before the (dummy) check like a real
   * operator's: the same allowance and back-off, so the answers do not tell the two apart.
   */
  takeUnknownNameSlot(name: string): void {
    const entry = this.unknownNames.get(name) ?? { failedAttempts: 0, lastFailedAt: null };
    const wait = unlockWaitSeconds(entry.failedAttempts, entry.lastFailedAt, this.now());
    if (wait > 0) throw new TooManyAttemptsError(wait);
    this.unknownNames.delete(name);
    this.unknownNames.set(name, {
      failedAttempts: entry.failedAttempts + 1,
      lastFailedAt: this.now(),
    });
    for (const oldest of this.unknownNames.keys()) {
      if (this.unknownNames.size <= MAX_UNKNOWN_NAMES) break;
      this.unknownNames.delete(oldest);
    }
  }

  /** At most one audit entry a minute for unknown names; it counts those not written since. */
  auditUnknownName(db: WritableDB, name: string): void {
    const now = this.now();
    if (now - this.unknownAudit.lastWrittenAt < MINUTE_MS) {
      this.unknownAudit.unwritten += 1;
      return;
    }
    appendAudit(db, {
      actor: name.slice(0, 100),
      actorRole: 'unknown',
      action: 'operator.sign-in-failed',
      detail: {
        reason: 'unknown operator',
        ...(this.unknownAudit.unwritten > 0
          ? { moreUnknownSinceLastEntry: this.unknownAudit.unwritten }
          : {}),
      },
    });
    this.unknownAudit = { lastWrittenAt: now, unwritten: 0 };
  }

  private globalWaitSeconds(): number {
    const now = this.now();
    this.recentFailures = this.recentFailures.filter((at) => now - at < MINUTE_MS);
    if (this.recentFailures.length < this.limits.failuresPerMinute) return 0;
    const oldest = this.recentFailures[0] ?? now;
    return Math.max(1, Math.ceil((oldest + MINUTE_MS - now) / 1000));
  }
}
