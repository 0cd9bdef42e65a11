import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isPinnedCertificate, parseJoinLink } from '../../../electron/join-link';
import { loadOrCreateTlsIdentity, type TlsIdentity } from '../../../host/net/tls-identity';
import { chooseAnnouncedIp, parseLanAddress } from '../../../host/net/lan-options';

let host: TlsIdentity;
let other: TlsIdentity;
beforeAll(async () => {
  host = await loadOrCreateTlsIdentity(mkdtempSync(join(tmpdir(), 'incamera-tls-a-')));
  other = await loadOrCreateTlsIdentity(mkdtempSync(join(tmpdir(), 'incamera-tls-b-')));
});

const linkFor = (fp: string, base = 'https://192.168.1.20:4443') =>
  `${base}/#/join?code=7KQ2-ABCD-EFGH-JKLM-NPQR-STUV-WXYZ&fp=${fp.replaceAll(':', '')}`;

describe('the InCamera client pins the certificate named by the join link', () => {
  it('reads host, code and fingerprint from a join link', () => {
    expect(parseJoinLink(linkFor(host.fingerprint))).toEqual({
      origin: 'https://192.168.1.20:4443',
      hostname: '192.168.1.20',
      fingerprint: host.fingerprint,
      url: linkFor(host.fingerprint),
    });
  });

  it('refuses links without a fingerprint, over plain http, or with a short fingerprint', () => {
    expect(parseJoinLink('https://192.168.1.20:4443/#/join?code=7KQ2')).toBeUndefined();
    expect(parseJoinLink(linkFor(host.fingerprint, 'http://192.168.1.20:4180'))).toBeUndefined();
    expect(parseJoinLink(linkFor(host.fingerprint.slice(0, 60)))).toBeUndefined();
    expect(parseJoinLink('not a link')).toBeUndefined();
  });

  it('accepts exactly that certificate for exactly that host, and nothing else', () => {
    const link = parseJoinLink(linkFor(host.fingerprint))!;
    expect(isPinnedCertificate(link, '192.168.1.20', host.cert)).toBe(true);
    expect(isPinnedCertificate(link, '192.168.1.20', other.cert)).toBe(false);
    expect(isPinnedCertificate(link, '192.168.1.21', host.cert)).toBe(false);
    expect(isPinnedCertificate(link, '192.168.1.20', 'garbage')).toBe(false);
  });
});

describe('--lan and the announced address', () => {
  it('parses address and port, defaulting the port', () => {
    expect(parseLanAddress('0.0.0.0:4443')).toEqual({ host: '0.0.0.0', port: 4443 });
    expect(parseLanAddress('192.168.1.20')).toEqual({ host: '192.168.1.20', port: 4443 });
    expect(() => parseLanAddress('example.org:4443')).toThrow(/--lan 0\.0\.0\.0:4443/);
    expect(() => parseLanAddress('1.2.3.4:99999')).toThrow();
  });

  it('announces the given address, else the bound one', () => {
    expect(chooseAnnouncedIp('0.0.0.0', '10.0.0.5')).toBe('10.0.0.5');
    expect(chooseAnnouncedIp('192.168.1.20')).toBe('192.168.1.20');
    expect(() => chooseAnnouncedIp('0.0.0.0', 'court-pc')).toThrow(/not an IP address/);
  });
});
