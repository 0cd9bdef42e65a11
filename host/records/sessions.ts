import { randomBytes } from 'node:crypto';
import type { OperatorRole } from './queries/operators.js';

export type OperatorSession = { token: string; name: string; role: OperatorRole; lastSeen: number };

/** Sign-in sessions held in memory: a random token per signed-in operator, expiring when idle. */
export class OperatorSessions {
  private readonly sessions = new Map<string, OperatorSession>();

  constructor(private readonly idleMs = 30 * 60 * 1000) {}

  open(operator: { name: string; role: OperatorRole }): OperatorSession {
    const session = {
      token: randomBytes(32).toString('base64url'),
      ...operator,
      lastSeen: Date.now(),
    };
    this.sessions.set(session.token, session);
    return session;
  }

  find(token: string | undefined): OperatorSession | undefined {
    if (!token) return undefined;
    const session = this.sessions.get(token);
    if (!session) return undefined;
    if (Date.now() - session.lastSeen > this.idleMs) {
      this.sessions.delete(token);
      return undefined;
    }
    session.lastSeen = Date.now();
    return session;
  }

  close(token: string | undefined): void {
    if (token) this.sessions.delete(token);
  }
}
