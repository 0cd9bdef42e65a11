/**
 * Checks incoming STUN binding requests against a transport's ICE credentials. werift answers any
 * binding request without checking them, so the SFU checks USERNAME and MESSAGE-INTEGRITY itself
 * (RFC 8489 §9.1 short-term credentials, RFC 8445 §7.3) before werift ever sees the packet.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

const MAGIC_COOKIE = 0x2112a442;
const HEADER_BYTES = 20;
const BINDING_REQUEST = 0x0001;
const ATTR_USERNAME = 0x0006;
const ATTR_MESSAGE_INTEGRITY = 0x0008;

export type StunCheck =
  | { ok: true; remoteUfrag: string }
  | { ok: false; reason: 'not-binding-request' | 'malformed' | 'bad-username' | 'bad-integrity' };

/** True when the datagram looks like a STUN binding request (RFC 7983 demultiplexing first byte). */
export function isStunBindingRequest(packet: Buffer): boolean {
  return (
    packet.length >= HEADER_BYTES &&
    packet[0]! < 4 &&
    packet.readUInt32BE(4) === MAGIC_COOKIE &&
    packet.readUInt16BE(0) === BINDING_REQUEST
  );
}

/** Verifies USERNAME (`localUfrag:remoteUfrag`) and MESSAGE-INTEGRITY (HMAC-SHA1 keyed by the local password). */
export function checkBindingRequest(
  packet: Buffer,
  local: { usernameFragment: string; password: string },
): StunCheck {
  if (!isStunBindingRequest(packet)) return { ok: false, reason: 'not-binding-request' };
  const declaredLength = packet.readUInt16BE(2);
  if (declaredLength + HEADER_BYTES !== packet.length || declaredLength % 4 !== 0)
    return { ok: false, reason: 'malformed' };
  let username: string | undefined;
  let integrityAt = -1;
  for (let pos = HEADER_BYTES; pos < packet.length;) {
    if (pos + 4 > packet.length) return { ok: false, reason: 'malformed' };
    const type = packet.readUInt16BE(pos);
    const length = packet.readUInt16BE(pos + 2);
    const end = pos + 4 + length;
    if (end > packet.length) return { ok: false, reason: 'malformed' };
    if (type === ATTR_USERNAME && username === undefined)
      username = packet.subarray(pos + 4, end).toString('utf8');
    if (type === ATTR_MESSAGE_INTEGRITY) {
      if (length !== 20) return { ok: false, reason: 'malformed' };
      integrityAt = pos;
      break; // RFC 8489 §14.5: everything after MESSAGE-INTEGRITY except FINGERPRINT is ignored.
    }
    pos = end + ((4 - (length % 4)) % 4);
  }
  if (username === undefined || integrityAt < 0) return { ok: false, reason: 'bad-integrity' };
  const separator = username.indexOf(':');
  if (separator < 0 || username.slice(0, separator) !== local.usernameFragment)
    return { ok: false, reason: 'bad-username' };
  const expected = messageIntegrity(packet.subarray(0, integrityAt), local.password);
  const actual = packet.subarray(integrityAt + 4, integrityAt + 24);
  if (!timingSafeEqual(expected, actual)) return { ok: false, reason: 'bad-integrity' };
  return { ok: true, remoteUfrag: username.slice(separator + 1) };
}

/** HMAC-SHA1 over the message up to MESSAGE-INTEGRITY, with the length field covering the attribute. */
export function messageIntegrity(messageBeforeIntegrity: Buffer, password: string): Buffer {
  const copy = Buffer.from(messageBeforeIntegrity);
  copy.writeUInt16BE(messageBeforeIntegrity.length - HEADER_BYTES + 24, 2);
  return createHmac('sha1', Buffer.from(password, 'utf8')).update(copy).digest();
}

/** Builds a binding request as a browser would (used by tests and the wrong-password probe). */
export function buildBindingRequest(options: {
  username: string;
  password: string;
  transactionId?: Buffer;
}): Buffer {
  const transactionId =
    options.transactionId ?? Buffer.from(crypto.getRandomValues(new Uint8Array(12)));
  const user = Buffer.from(options.username, 'utf8');
  const userPadded = Buffer.alloc(4 + user.length + ((4 - (user.length % 4)) % 4));
  userPadded.writeUInt16BE(ATTR_USERNAME, 0);
  userPadded.writeUInt16BE(user.length, 2);
  user.copy(userPadded, 4);
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt16BE(BINDING_REQUEST, 0);
  header.writeUInt32BE(MAGIC_COOKIE, 4);
  transactionId.copy(header, 8);
  const beforeIntegrity = Buffer.concat([header, userPadded]);
  beforeIntegrity.writeUInt16BE(userPadded.length, 2);
  const integrity = messageIntegrity(beforeIntegrity, options.password);
  const integrityAttr = Buffer.alloc(24);
  integrityAttr.writeUInt16BE(ATTR_MESSAGE_INTEGRITY, 0);
  integrityAttr.writeUInt16BE(20, 2);
  integrity.copy(integrityAttr, 4);
  const message = Buffer.concat([beforeIntegrity, integrityAttr]);
  message.writeUInt16BE(message.length - HEADER_BYTES, 2);
  return message;
}

/** A 401 Unauthorized binding error response (no integrity: the requester proved no credentials). */
export function buildUnauthorizedResponse(request: Buffer): Buffer {
  const reason = Buffer.from('Unauthorized', 'utf8');
  const errorValue = Buffer.alloc(4 + reason.length);
  errorValue.writeUInt8(4, 2);
  errorValue.writeUInt8(1, 3);
  reason.copy(errorValue, 4);
  const padded = errorValue.length + ((4 - (errorValue.length % 4)) % 4);
  const message = Buffer.alloc(HEADER_BYTES + 4 + padded);
  message.writeUInt16BE(0x0111, 0);
  message.writeUInt16BE(4 + padded, 2);
  request.copy(message, 4, 4, HEADER_BYTES);
  message.writeUInt16BE(0x0009, HEADER_BYTES);
  message.writeUInt16BE(errorValue.length, HEADER_BYTES + 2);
  errorValue.copy(message, HEADER_BYTES + 4);
  return message;
}

/** Reads the class of a STUN message: 'success', 'error' or undefined for anything else. */
export function stunResponseClass(packet: Buffer): 'success' | 'error' | undefined {
  if (packet.length < HEADER_BYTES || packet.readUInt32BE(4) !== MAGIC_COOKIE) return undefined;
  const type = packet.readUInt16BE(0);
  if (type === 0x0101) return 'success';
  if (type === 0x0111) return 'error';
  return undefined;
}
