import type { Session, WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../host/http/security-headers.js';
import { isAppUrl as isAppUrlOf, requestAllowed } from './request-filter.js';

/** Electron's security checklist, applied to the app's session and every web contents it creates. */
export function hardenSession(session: Session, appOrigin: string): void {
  const isAppUrl = (url: string | undefined) => isAppUrlOf(url, appOrigin);

  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    if (permission !== 'media' || !isAppUrl(details.requestingUrl)) return callback(false);
    const types = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    callback(types.every((type) => type === 'video' || type === 'audio'));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => {
    return permission === 'media' && requestingOrigin === appOrigin;
  });
  session.setDevicePermissionHandler(() => false);

  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    });
  });
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !requestAllowed(details.url, appOrigin) });
  });
}

export function hardenWebContents(contents: WebContents, appOrigin: string): void {
  contents.on('will-navigate', (event, url) => {
    if (new URL(url).origin !== appOrigin) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (new URL(url).origin !== appOrigin) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
