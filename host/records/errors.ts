import { coded } from '../../contract/errors/codes.js';
import { BadRequestError, ForbiddenError, UserFacingError } from '../errors.js';

/** The file exists but is not an InCamera records database (or is damaged). It is left untouched. */
export class NotARecordsDatabaseError extends UserFacingError {
  constructor(path: string, why: string) {
    super(coded('database.not-records', { path, why }));
  }
}

export class NewerDatabaseError extends UserFacingError {
  constructor(path: string, found: number, known: number) {
    super(coded('database.newer', { path, found, known }));
  }
}

export class ReadOnlyLocationError extends UserFacingError {
  constructor(path: string) {
    super(coded('database.read-only', { path }));
  }
}

export class NotInitialisedError extends UserFacingError {
  constructor(path: string) {
    super(coded('database.not-initialised', { path }));
  }
}

export class AlreadyInitialisedError extends UserFacingError {
  constructor(path: string) {
    super(coded('database.already-initialised', { path }));
  }
}

export class WrongPassphraseError extends UserFacingError {
  constructor() {
    super(coded('passphrase.wrong'));
  }
}

export class TooManyAttemptsError extends UserFacingError {
  constructor(readonly waitSeconds: number) {
    super(coded('passphrase.too-many-attempts', { count: waitSeconds }));
  }
}

/** The host was started without a records database (no --db / INCAMERA_DB). */
export class RecordsUnavailableError extends UserFacingError {
  constructor() {
    super(coded('records.unavailable'));
  }
}

export class RecordsLockedError extends ForbiddenError {
  constructor() {
    super(coded('records.locked'));
  }
}

export class SignInRequiredError extends ForbiddenError {
  constructor() {
    super(coded('sign-in.required'));
  }
}

/** `action` and `roles` stay in the English log text; the UI says only that the role may not. */
export class RoleRequiredError extends ForbiddenError {
  constructor(action: string, roles: readonly string[]) {
    super(coded('role.required', { roles: roles.join(' or '), action }));
  }
}

export class DuplicateCaseError extends BadRequestError {
  constructor(number: string) {
    super(coded('case.duplicate', { number }), [{ path: 'number', ...coded('case.number-taken') }]);
  }
}

export class KeyWrapperMissingError extends UserFacingError {
  constructor(wrapper: string) {
    super(coded('database.key-wrapper-missing', { wrapper }));
  }
}
