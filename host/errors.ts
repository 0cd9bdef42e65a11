/** Errors whose message is written for the person at the keyboard: what went wrong, what to do. */
export class UserFacingError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class PortInUseError extends UserFacingError {
  constructor(host: string, port: number) {
    super(
      `Port ${port} on ${host} is already in use. Choose another port with --port N (for npm start: npm start -- --port N) or set INCAMERA_PORT=N.`,
    );
  }
}

export class BadRequestError extends UserFacingError {
  constructor(
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}

export class ForbiddenError extends UserFacingError {}
export class NotFoundError extends UserFacingError {}

/** The plain listener serves every API channel: it stays on this machine (see host/net for --lan). */
export class PlainHttpOnNetworkError extends UserFacingError {
  constructor(address: string) {
    super(
      `Refusing to serve the whole API over plain HTTP on ${address}: other machines could reach the records and the judge's controls. Keep --host 127.0.0.1 (unset INCAMERA_HOST) and let other machines join with --lan ${address.includes(':') ? `[${address}]` : address}:4443 (HTTPS, join channels only).`,
    );
  }
}
