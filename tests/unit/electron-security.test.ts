// Electron's binary cannot run here: the hardening functions run against stand-ins for the session
// and web contents that record the handlers they are given; the handlers under test are the app's.
import { describe, expect, it } from 'vitest';
import { hardenSession, hardenWebContents } from '../../electron/security';
import { CONTENT_SECURITY_POLICY } from '../../host/http/security-headers';

type Session = Parameters<typeof hardenSession>[0];
type WebContents = Parameters<typeof hardenWebContents>[0];

const APP = 'http://127.0.0.1:4180';
type Handler = (...args: never[]) => unknown;

function fakeSession(origin = APP) {
  const handlers: Record<string, Handler> = {};
  const session = {
    setPermissionRequestHandler: (h: Handler) => (handlers.permissionRequest = h),
    setPermissionCheckHandler: (h: Handler) => (handlers.permissionCheck = h),
    setDevicePermissionHandler: (h: Handler) => (handlers.devicePermission = h),
    webRequest: {
      onHeadersReceived: (h: Handler) => (handlers.headers = h),
      onBeforeRequest: (h: Handler) => (handlers.beforeRequest = h),
    },
  };
  hardenSession(session as unknown as Session, origin);
  return handlers as Record<string, (...args: unknown[]) => unknown>;
}

describe("Electron's session hardening", () => {
  it('puts the same strict CSP on every response as the host serves', () => {
    const handlers = fakeSession();
    let headers: Record<string, string[]> = {};
    handlers.headers!(
      { responseHeaders: { 'Content-Security-Policy': ['default-src *'] } },
      (result: { responseHeaders: Record<string, string[]> }) => (headers = result.responseHeaders),
    );
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    const csp = CONTENT_SECURITY_POLICY;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*|https?:/);
  });

  it('lets requests reach only the app itself', () => {
    const handlers = fakeSession();
    const cancelled = (url: string) => {
      let cancel: boolean | undefined;
      handlers.beforeRequest!({ url }, (result: { cancel: boolean }) => (cancel = result.cancel));
      return cancel;
    };
    expect(cancelled(`${APP}/assets/index.js`)).toBe(false);
    expect(cancelled('https://attacker.example/x.js')).toBe(true);
    expect(cancelled('http://127.0.0.1:9999/')).toBe(true);
    expect(cancelled('file:///etc/passwd')).toBe(true);
  });

  it("lets the app's own signalling WebSocket through, local (ws:) and remote (wss:), and no other", () => {
    const local = fakeSession();
    const remote = fakeSession('https://court-host.local:4443');
    const cancelled = (handlers: ReturnType<typeof fakeSession>, url: string) => {
      let cancel: boolean | undefined;
      handlers.beforeRequest!({ url }, (result: { cancel: boolean }) => (cancel = result.cancel));
      return cancel;
    };
    expect(cancelled(local, 'ws://127.0.0.1:4180/ws')).toBe(false);
    expect(cancelled(remote, 'wss://court-host.local:4443/ws?join=1')).toBe(false);
    expect(cancelled(remote, 'https://court-host.local:4443/api/court:join')).toBe(false);
    // Not a downgrade to plain ws: against an https: origin, nor another host or port.
    expect(cancelled(remote, 'ws://court-host.local:4443/ws')).toBe(true);
    expect(cancelled(remote, 'wss://court-host.local:4444/ws')).toBe(true);
    expect(cancelled(remote, 'wss://attacker.example/ws')).toBe(true);
    expect(cancelled(local, 'wss://127.0.0.1:4180/ws')).toBe(true);
  });

  it('grants camera and microphone to the app only, and nothing else', () => {
    const handlers = fakeSession();
    const request = (permission: string, url: string, mediaTypes: string[] = []) => {
      let granted: boolean | undefined;
      handlers.permissionRequest!({}, permission, (answer: boolean) => (granted = answer), {
        requestingUrl: url,
        mediaTypes,
      });
      return granted;
    };
    expect(request('media', `${APP}/#/witness`, ['video', 'audio'])).toBe(true);
    expect(request('media', 'https://attacker.example/', ['video'])).toBe(false);
    for (const other of ['geolocation', 'notifications', 'clipboard-read', 'openExternal'])
      expect(request(other, `${APP}/`)).toBe(false);
    expect(handlers.permissionCheck!({}, 'media', APP)).toBe(true);
    expect(handlers.permissionCheck!({}, 'media', 'https://attacker.example')).toBe(false);
    expect(handlers.devicePermission!({})).toBe(false);
  });

  it('blocks navigation away, new windows and webviews', () => {
    const listeners: Record<string, (...args: unknown[]) => void> = {};
    let windowOpen: (() => unknown) | undefined;
    const contents = {
      on: (event: string, listener: (...args: unknown[]) => void) => (listeners[event] = listener),
      setWindowOpenHandler: (handler: () => unknown) => (windowOpen = handler),
    };
    hardenWebContents(contents as unknown as WebContents, APP);
    const prevented = (event: string, url?: string) => {
      let stopped = false;
      listeners[event]!({ preventDefault: () => (stopped = true) }, url);
      return stopped;
    };
    expect(prevented('will-navigate', 'https://attacker.example/')).toBe(true);
    expect(prevented('will-navigate', `${APP}/#/judge`)).toBe(false);
    expect(prevented('will-redirect', 'https://attacker.example/')).toBe(true);
    expect(prevented('will-attach-webview')).toBe(true);
    expect(windowOpen!()).toEqual({ action: 'deny' });
  });
});
