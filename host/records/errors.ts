import { BadRequestError, ForbiddenError, UserFacingError } from '../errors.js';

/** The file exists but is not an InCamera records database (or is damaged). It is left untouched. */
export class NotARecordsDatabaseError extends UserFacingError {
  constructor(path: string, why: string) {
    super(
      `${path} is not a usable InCamera records database: ${why}. The file was left untouched; give another file with --db, or restore it from a backup.`,
    );
  }
}

export class NewerDatabaseError extends UserFacingError {
  constructor(path: string, found: number, known: number) {
    super(
      `${path} was written by a newer InCamera (records schema version ${found}; this version knows up to ${known}). Update InCamera to open it. The file was left untouched.`,
    );
  }
}

export class ReadOnlyLocationError extends UserFacingError {
  constructor(path: string) {
    super(
      `Cannot write the records database at ${path}: the file or its folder is read-only. Choose a folder you may write to with --db FILE (or INCAMERA_DB).`,
    );
  }
}

export class NotInitialisedError extends UserFacingError {
  constructor(path: string) {
    super(
      `The records database ${path} has not been set up yet. Run: npx incamera records init --db ${path}`,
    );
  }
}

export class AlreadyInitialisedError extends UserFacingError {
  constructor(path: string) {
    super(`The records database ${path} is already set up; nothing was changed.`);
  }
}

export class WrongPassphraseError extends UserFacingError {
  constructor() {
    super(
      'The court passphrase is not correct. Check it (capital letters, spaces) and try again. The attempt was recorded in the audit log.',
    );
  }
}

export class TooManyAttemptsError extends UserFacingError {
  constructor(readonly waitSeconds: number) {
    super(
      `Too many wrong passphrases. Wait ${waitSeconds} second${waitSeconds === 1 ? '' : 's'} before trying again.`,
    );
  }
}

export class RecordsLockedError extends ForbiddenError {
  constructor() {
    super('The records are locked. Unlock them with the court passphrase first.');
  }
}

export class SignInRequiredError extends ForbiddenError {
  constructor() {
    super('Sign in as an operator first.');
  }
}

export class RoleRequiredError extends ForbiddenError {
  constructor(action: string, roles: readonly string[]) {
    super(`Only ${roles.join(' or ')} may ${action}. The attempt was recorded in the audit log.`);
  }
}

export class DuplicateCaseError extends BadRequestError {
  constructor(number: string) {
    super(`A case numbered ${number} already exists. Check the number, or open that case.`, {
      number: 'This case number is already registered.',
    });
  }
}

export class KeyWrapperMissingError extends UserFacingError {
  constructor(wrapper: string) {
    super(
      `This records database is additionally sealed to this computer's ${wrapper}. Open it from the InCamera desktop app on the computer where it was set up.`,
    );
  }
}
