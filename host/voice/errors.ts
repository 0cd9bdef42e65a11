import { UserFacingError } from '../errors.js';

/** The input could not be used as audio; the message says which file and what to do. */
export class AudioInputError extends UserFacingError {}

export class AudioOutputError extends UserFacingError {}
