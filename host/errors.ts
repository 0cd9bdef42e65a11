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
