/**
 * A TLS client that trusts exactly one certificate, by its SHA-256 fingerprint, as the InCamera
 * client does with the fp= of a join link: no certificate authority, nothing sent before the check.
 */
import { connect, type ConnectionOptions, type TLSSocket } from 'node:tls';

export class FingerprintMismatch extends Error {}

/** A tls.connect that destroys the socket unless the server's certificate has this fingerprint. */
export function pinnedConnect(fingerprint: string) {
  return (options: ConnectionOptions): TLSSocket => {
    // Chain checks are replaced by the pin below; nothing is written until it has passed.
    const socket = connect({ ...options, rejectUnauthorized: false });
    socket.once('secureConnect', () => {
      const seen = socket.getPeerCertificate().fingerprint256;
      if (seen !== fingerprint)
        socket.destroy(
          new FingerprintMismatch(`certificate ${seen} is not the pinned ${fingerprint}`),
        );
    });
    return socket;
  };
}
