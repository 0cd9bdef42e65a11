/**
 * A fresh secret voice key from the browser's CSPRNG, where no host draws one: the witness's own check
 * screen and the trainer's demonstration. In a hearing each witness seat's key comes from the host.
 */
export function newHearingVoiceSeed(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
