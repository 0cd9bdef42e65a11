/**
 * The host's limits against abuse and faults: how long a connection may stay without joining or
 * without a word, how fast one connection may send, how often joins may fail before they are slowed.
 * Defaults suit a courtroom; tests shorten the timeouts through HostOptions.limits.
 */
export type HostLimits = {
  /** A signalling connection that has not joined within this is closed (4001). */
  joinWithinMs: number;
  /** A connection (signalling or /ws) silent this long is closed (4002); clients beat every second. */
  idleMs: number;
  /** Per signalling connection: a token bucket of this many messages per second, this deep. */
  messagesPerSecond: number;
  messageBurst: number;
  /** Messages refused for rate in a row before the connection is closed (4008). */
  rateLimitedBeforeClose: number;
  /** Failed joins per remote address, and per join code, before each further try must wait. */
  joinFailuresAllowed: number;
  /** The wait doubles from 1 s with every failure past the allowance, up to this. */
  joinLockoutMaxMs: number;
  /** Failures older than this are forgotten. */
  joinFailureWindowMs: number;
  /** HTTP: the whole request head must arrive within this (slow-loris), the body within the next. */
  httpHeadersTimeoutMs: number;
  httpRequestTimeoutMs: number;
  /** HTTP: a kept-alive connection with no request for this long is closed. */
  httpKeepAliveMs: number;
};

export const DEFAULT_HOST_LIMITS: HostLimits = {
  joinWithinMs: 15_000,
  idleMs: 30_000,
  messagesPerSecond: 40,
  messageBurst: 120,
  rateLimitedBeforeClose: 200,
  joinFailuresAllowed: 5,
  joinLockoutMaxMs: 5 * 60_000,
  joinFailureWindowMs: 15 * 60_000,
  httpHeadersTimeoutMs: 10_000,
  httpRequestTimeoutMs: 30_000,
  httpKeepAliveMs: 5_000,
};

export function hostLimits(overrides: Partial<HostLimits> = {}): HostLimits {
  return { ...DEFAULT_HOST_LIMITS, ...overrides };
}
