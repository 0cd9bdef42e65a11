import { EventEmitter } from 'node:events';
import type { Observable } from './types.js';

/** A typed EventEmitter for the SFU's objects. */
export class Emitter<Events extends Record<string, unknown[]>> implements Observable<Events> {
  private readonly events = new EventEmitter();

  on<E extends keyof Events & string>(event: E, listener: (...args: Events[E]) => void): void {
    this.events.on(event, listener as (...args: unknown[]) => void);
  }

  off<E extends keyof Events & string>(event: E, listener: (...args: Events[E]) => void): void {
    this.events.off(event, listener as (...args: unknown[]) => void);
  }

  protected emit<E extends keyof Events & string>(event: E, ...args: Events[E]): void {
    this.events.emit(event, ...args);
  }
}
