// Electron's binary cannot run here, so the preload runs against a stand-in for contextBridge and
// ipcRenderer that records what it is given; the channel check under test is the preload's own.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BRIDGE_KEY, type IncameraBridge } from '../../contract/bridge';

/** Every key of the typed bridge: the compiler refuses this list if contract/bridge.ts changes. */
const BRIDGE_KEYS = { invoke: true, shell: true } satisfies Record<keyof IncameraBridge, true>;

const exposed: Record<string, unknown> = {};
const invoked: Array<[string, unknown]> = [];

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
  ipcRenderer: {
    invoke: (channel: string, payload: unknown) => {
      invoked.push([channel, payload]);
      return Promise.resolve({ ok: true, data: 'from-main' });
    },
  },
}));

describe('preload bridge', () => {
  beforeEach(async () => {
    invoked.length = 0;
    await import('../../electron/preload');
  });

  it('exposes only window.incamera', () => {
    expect(Object.keys(exposed)).toEqual(['incamera']);
    expect(Object.keys(exposed.incamera as object).sort()).toEqual(['invoke', 'shell']);
  });

  it('exposes exactly the keys of the typed bridge in contract/bridge.ts, and plain values only', () => {
    expect(Object.keys(exposed)).toEqual([BRIDGE_KEY]);
    const bridge = exposed[BRIDGE_KEY] as Record<string, unknown>;
    expect(Object.keys(bridge).sort()).toEqual(Object.keys(BRIDGE_KEYS).sort());
    expect(bridge.shell).toBe('electron');
    expect(typeof bridge.invoke).toBe('function');
  });

  it('refuses prototype names and non-string channels without reaching the main process', async () => {
    const bridge = exposed.incamera as IncameraBridge;
    for (const channel of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', ''])
      expect(await bridge.invoke(channel, {})).toMatchObject({
        ok: false,
        error: { kind: 'unknown-channel', code: 'request.unknown-channel' },
      });
    expect(
      await (bridge.invoke as (c: unknown, p: unknown) => Promise<unknown>)(
        { toString: () => 'app:info' },
        {},
      ),
    ).toMatchObject({ ok: false });
    expect(invoked).toEqual([]);
  });

  it('forwards contract channels and rejects unknown ones without reaching the main process', async () => {
    const bridge = exposed.incamera as IncameraBridge;
    await expect(bridge.invoke('app:info', {})).resolves.toEqual({ ok: true, data: 'from-main' });
    const refused = await bridge.invoke('fs:read', { path: '/etc/passwd' });
    expect(refused).toMatchObject({
      ok: false,
      error: { kind: 'unknown-channel', code: 'request.unknown-channel' },
    });
    expect(invoked).toEqual([['app:info', {}]]);
  });
});
