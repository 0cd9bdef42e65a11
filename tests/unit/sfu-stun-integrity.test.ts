import { describe, expect, it } from 'vitest';
import { classes, Message, methods } from 'werift';
import {
  buildBindingRequest,
  buildUnauthorizedResponse,
  checkBindingRequest,
  isStunBindingRequest,
  stunResponseClass,
} from '../../host/sfu/stun-integrity';

const local = { usernameFragment: 'srvufrag', password: 'server-password-0123456789' };

// A binding request captured from Chrome style fields, built independently here per RFC 5389.
function withFingerprint(message: Buffer): Buffer {
  // FINGERPRINT after MESSAGE-INTEGRITY must not disturb the integrity check.
  const fingerprint = Buffer.from([0x80, 0x28, 0x00, 0x04, 1, 2, 3, 4]);
  const out = Buffer.concat([message, fingerprint]);
  out.writeUInt16BE(out.length - 20, 2);
  return out;
}

describe('STUN binding request checks', () => {
  it('accepts a request signed with the transport password and naming its ufrag', () => {
    const request = buildBindingRequest({ username: 'srvufrag:browser', password: local.password });
    expect(isStunBindingRequest(request)).toBe(true);
    expect(checkBindingRequest(request, local)).toEqual({ ok: true, remoteUfrag: 'browser' });
    expect(checkBindingRequest(withFingerprint(request), local).ok).toBe(true);
  });

  it('rejects a wrong password', () => {
    const request = buildBindingRequest({
      username: 'srvufrag:browser',
      password: 'guessed-password',
    });
    expect(checkBindingRequest(request, local)).toEqual({ ok: false, reason: 'bad-integrity' });
  });

  it('rejects a username for another transport', () => {
    const request = buildBindingRequest({
      username: 'otherufrag:browser',
      password: local.password,
    });
    expect(checkBindingRequest(request, local)).toEqual({ ok: false, reason: 'bad-username' });
  });

  it('rejects a tampered message', () => {
    const request = buildBindingRequest({ username: 'srvufrag:browser', password: local.password });
    request[25] = request[25]! ^ 0xff; // inside USERNAME
    expect(checkBindingRequest(request, local).ok).toBe(false);
  });

  it('rejects requests without integrity and truncated requests', () => {
    const request = buildBindingRequest({ username: 'srvufrag:browser', password: local.password });
    const withoutIntegrity = Buffer.from(request.subarray(0, request.length - 24));
    withoutIntegrity.writeUInt16BE(withoutIntegrity.length - 20, 2);
    expect(checkBindingRequest(withoutIntegrity, local)).toEqual({
      ok: false,
      reason: 'bad-integrity',
    });
    expect(checkBindingRequest(request.subarray(0, request.length - 3), local)).toEqual({
      ok: false,
      reason: 'malformed',
    });
    expect(checkBindingRequest(Buffer.from('not stun at all, just bytes'), local).ok).toBe(false);
  });

  it('answers a rejected request with a 401 error response carrying its transaction id', () => {
    const request = buildBindingRequest({ username: 'srvufrag:browser', password: 'wrong' });
    const response = buildUnauthorizedResponse(request);
    expect(stunResponseClass(response)).toBe('error');
    expect(response.subarray(8, 20)).toEqual(request.subarray(8, 20));
    expect(response.readUInt8(26)).toBe(4);
    expect(response.readUInt8(27)).toBe(1);
    expect(response.length % 4).toBe(0);
  });
});

describe('agreement with an independent STUN implementation', () => {
  it("accepts werift's own signed binding request and rejects it under another password", () => {
    const request = new Message(methods.BINDING, classes.REQUEST)
      .setAttribute('USERNAME', 'srvufrag:browser')
      .setAttribute('PRIORITY', 1853824767)
      .addMessageIntegrity(Buffer.from(local.password, 'utf8'))
      .addFingerprint().bytes;
    expect(checkBindingRequest(request, local)).toEqual({ ok: true, remoteUfrag: 'browser' });
    expect(checkBindingRequest(request, { ...local, password: 'other' }).ok).toBe(false);
  });
});
