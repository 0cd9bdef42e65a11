/**
 * Joining a hearing hosted on another machine: the join link carries the host certificate's
 * fingerprint (fp=), and the window for that hearing trusts exactly that certificate for exactly
 * that host. Anything else (another certificate, another host, plain http) is refused. The remote
 * page runs in its own in-memory session without the preload: it gets no IPC to this machine's host.
 */
import { BrowserWindow, session as electronSession, type Session } from 'electron';
import { isPinnedCertificate, parseJoinLink, type JoinLink } from './join-link.js';
import { hardenSession } from './security.js';

const NET_OK = 0;
const NET_ERR_FAILED = -2;
const sessionOrigins = new WeakMap<Session, string>();

/** The origin a web contents may navigate within: its remote hearing's, else the app's. */
export function originForSession(session: Session, appOrigin: string): string {
  return sessionOrigins.get(session) ?? appOrigin;
}

export function pinCertificate(target: Session, link: JoinLink): void {
  target.setCertificateVerifyProc((request, callback) => {
    callback(
      isPinnedCertificate(link, request.hostname, request.certificate.data)
        ? NET_OK
        : NET_ERR_FAILED,
    );
  });
}

export async function openRemoteJoin(text: string): Promise<{ opened: boolean }> {
  const link = parseJoinLink(text);
  if (!link) return { opened: false };
  const partition = `remote-join-${link.fingerprint.replaceAll(':', '').slice(0, 16)}`;
  const remote = electronSession.fromPartition(partition, { cache: false });
  sessionOrigins.set(remote, link.origin);
  pinCertificate(remote, link);
  hardenSession(remote, link.origin);
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    title: 'InCamera — hearing',
    backgroundColor: '#f6f4ef',
    webPreferences: {
      session: remote,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.removeMenu();
  await window.loadURL(link.url);
  return { opened: true };
}
