import type { ApiHandlers } from '../checked-call.js';
import type { HostContext } from '../context.js';

export function createNetHandlers(
  context: HostContext,
): Pick<ApiHandlers, 'net:identity' | 'net:open-join-link'> {
  return {
    // Electron answers this channel itself (electron/remote-join.ts); it only validates here.
    'net:open-join-link': () => ({ opened: false }),
    'net:identity': () => ({
      lan: context.lan ? { url: context.lan.url, fingerprint: context.lan.fingerprint } : null,
    }),
  };
}

/** The join link other machines open: the LAN address, the code and the fingerprint to pin. */
export function joinLink(context: HostContext, linkBase: string, code: string): string {
  const base = (context.lan?.url ?? linkBase).replace(/\/$/, '');
  const fp = context.lan ? `&fp=${context.lan.fingerprint.replaceAll(':', '')}` : '';
  return `${base}/#/join?code=${code}${fp}`;
}
