/**
 * A fresh secret seed for one hearing's voice, from the browser's CSPRNG. Until hearings carry their own
 * seed from the host, the witness screen draws one per session.
 */
export function newHearingVoiceSeed(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
