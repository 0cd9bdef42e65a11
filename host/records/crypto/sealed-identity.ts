import { decrypt, encrypt } from './aead.js';

/** What is sealed: never stored, logged or sent anywhere in plaintext except to a judge's reveal. */
export type WitnessIdentity = {
  name: string;
  birthDate?: string | undefined;
  contact?: string | undefined;
  address?: string | undefined;
  notes?: string | undefined;
};

function aadFor(caseId: number, pseudonym: string): string {
  return `incamera/witness-identity/v1|case:${caseId}|${pseudonym}`;
}

export function sealIdentity(
  dataKey: Buffer,
  caseId: number,
  pseudonym: string,
  identity: WitnessIdentity,
): Buffer {
  return encrypt(dataKey, Buffer.from(JSON.stringify(identity), 'utf8'), aadFor(caseId, pseudonym));
}

export function openIdentity(
  dataKey: Buffer,
  caseId: number,
  pseudonym: string,
  sealed: Buffer,
): WitnessIdentity {
  const plain = decrypt(dataKey, sealed, aadFor(caseId, pseudonym));
  if (!plain) {
    throw new Error(
      'The sealed identity could not be opened: it was altered or moved to another record.',
    );
  }
  return JSON.parse(plain.toString('utf8')) as WitnessIdentity;
}
