/**
 * Slows guessing of join codes (and of seat tokens for a known code): failed joins are counted per
 * remote address and per code; past the allowance each further try from that address, or for that
 * code, must wait 1 s, 2 s, 4 s … up to a cap. Codes are kept only as SHA-256 hashes. The table is
 * bounded: the oldest entries go first.
 */
import { createHash } from 'node:crypto';

export type ThrottleLimits = {
  joinFailuresAllowed: number;
  joinLockoutMaxMs: number;
  joinFailureWindowMs: number;
};

export type ThrottleCrossing = {
  scope: 'address' | 'code';
  remoteAddress: string;
  failures: number;
};

type Entry = { failures: number; lastFailureAt: number; lockedUntil: number };

const MAX_ENTRIES = 10_000;
/** After the first crossing, another audit entry every this many failures. */
const REPORT_EVERY = 25;

export class JoinThrottle {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly limits: ThrottleLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /** How long the caller must still wait before this join may be tried, or 0. */
  waitMs(remoteAddress: string, token: string): number {
    const now = this.now();
    let wait = 0;
    for (const key of keysFor(remoteAddress, token)) {
      const entry = this.live(key, now);
      if (entry) wait = Math.max(wait, entry.lockedUntil - now);
    }
    return wait;
  }

  /** Counts a refused join; returns the limits crossed now (to be audited). */
  failed(remoteAddress: string, token: string): ThrottleCrossing[] {
    const now = this.now();
    const crossings: ThrottleCrossing[] = [];
    const [addressKey, codeKey] = keysFor(remoteAddress, token);
    for (const [key, scope] of [
      [addressKey, 'address'],
      [codeKey, 'code'],
    ] as const) {
      const entry = this.live(key, now) ?? { failures: 0, lastFailureAt: now, lockedUntil: 0 };
      entry.failures += 1;
      entry.lastFailureAt = now;
      const over = entry.failures - this.limits.joinFailuresAllowed;
      if (over > 0) {
        entry.lockedUntil =
          now + Math.min(1000 * 2 ** Math.min(over - 1, 30), this.limits.joinLockoutMaxMs);
        if (over === 1 || over % REPORT_EVERY === 0)
          crossings.push({ scope, remoteAddress, failures: entry.failures });
      }
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    while (this.entries.size > MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return crossings;
  }

  /** A join that worked clears its code's count (not the address's: guesses may be interleaved). */
  succeeded(token: string): void {
    this.entries.delete(codeKey(token));
  }

  get size(): number {
    return this.entries.size;
  }

  private live(key: string, now: number): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && now - entry.lastFailureAt > this.limits.joinFailureWindowMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }
}

function keysFor(remoteAddress: string, token: string): [string, string] {
  return [`address:${remoteAddress}`, codeKey(token)];
}

function codeKey(token: string): string {
  const normalised = token.toUpperCase().replace(/[\s-]/g, '');
  return `code:${createHash('sha256').update(normalised, 'utf8').digest('hex')}`;
}
