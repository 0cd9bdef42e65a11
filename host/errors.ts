import { coded, formatError, type CodedError, type FieldError } from '../contract/errors/codes.js';

/**
 * Errors written for the person at the keyboard: what went wrong, what to do. They carry a
 * catalogue code and its parameters (contract/errors) so the UI and the CLI can say it in the
 * user's language; `message` is the English text, for logs.
 */
export class UserFacingError extends Error {
  readonly code: CodedError['code'];
  readonly params: CodedError['params'];

  /** A plain string is English only (code `untranslated`); lint keeps it out of API handlers. */
  constructor(
    reason: CodedError | string,
    readonly exitCode = 1,
  ) {
    const known = typeof reason === 'string' ? untranslated(reason) : reason;
    super(formatError(known, 'en'));
    this.name = new.target.name;
    this.code = known.code;
    this.params = known.params;
  }

  get coded(): CodedError {
    return { code: this.code, params: this.params };
  }
}

function untranslated(text: string): CodedError {
  return { code: 'untranslated', params: { text } };
}

export class PortInUseError extends UserFacingError {
  constructor(host: string, port: number) {
    super({ code: 'port.in-use', params: { host, port: String(port) } });
  }
}

export class BadRequestError extends UserFacingError {
  constructor(
    reason: CodedError | string,
    readonly fieldErrors?: FieldError[],
  ) {
    super(reason);
  }
}

export class ForbiddenError extends UserFacingError {}
export class NotFoundError extends UserFacingError {}

/** The plain listener serves every API channel: it stays on this machine (see host/net for --lan). */
export class PlainHttpOnNetworkError extends UserFacingError {
  constructor(address: string) {
    super(
      coded('host.plain-http-on-network', {
        address,
        lan: `${address.includes(':') ? `[${address}]` : address}:4443`,
      }),
    );
  }
}
