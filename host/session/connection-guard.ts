/**
 * Per-connection limits on the signalling WebSocket: a connection must join within a time limit,
 * may not stay silent past the idle limit, and may send only so fast (a token bucket). Messages
 * over the rate are refused cheaply, before any parsing; a connection that keeps flooding is closed.
 */
import type { HostLimits } from '../limits.js';

export type GuardVerdict = 'accept' | 'refuse' | 'close';

export const CLOSE_JOIN_TIMEOUT = 4001;
export const CLOSE_IDLE = 4002;
export const CLOSE_FLOODING = 4008;

export class ConnectionGuard {
  private tokens: number;
  private lastRefill: number;
  private refusedInARow = 0;
  private joinTimer: NodeJS.Timeout | undefined;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly limits: HostLimits,
    private readonly close: (code: number, reason: string) => void,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = limits.messageBurst;
    this.lastRefill = now();
    this.joinTimer = setTimeout(
      () => close(CLOSE_JOIN_TIMEOUT, 'join the hearing within the time limit'),
      limits.joinWithinMs,
    );
    this.touch();
  }

  /** Called for every message before anything else is done with it. */
  onMessage(): GuardVerdict {
    this.touch();
    const now = this.now();
    this.tokens = Math.min(
      this.limits.messageBurst,
      this.tokens + ((now - this.lastRefill) / 1000) * this.limits.messagesPerSecond,
    );
    this.lastRefill = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      this.refusedInARow = 0;
      return 'accept';
    }
    this.refusedInARow += 1;
    if (this.refusedInARow > this.limits.rateLimitedBeforeClose) {
      this.stop();
      this.close(CLOSE_FLOODING, 'too many messages');
      return 'close';
    }
    return 'refuse';
  }

  joined(): void {
    clearTimeout(this.joinTimer);
    this.joinTimer = undefined;
  }

  stop(): void {
    clearTimeout(this.joinTimer);
    clearTimeout(this.idleTimer);
  }

  private touch(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.close(CLOSE_IDLE, 'idle'), this.limits.idleMs);
  }
}
