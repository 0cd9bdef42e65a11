import type { VoiceAnonymiser } from './voice/voice-anonymiser';

/**
 * What E2E tests may reach on a live page, and only when they opt in before the app loads
 * (localStorage 'incamera:test-hooks' = '1'): the anonymised track and the break switch, never raw media.
 */
export type MediaTestHooks = {
  voice?: VoiceAnonymiser | null;
  /** The witness in a hearing: break the face detector or the voice processor, as a crash would. */
  witness?: { breakFace(): void; breakVoice(): void };
};

const TEST_HOOKS_KEY = 'incamera:test-hooks';

function hooksEnabled(): boolean {
  try {
    return window.localStorage.getItem(TEST_HOOKS_KEY) === '1';
  } catch {
    return false;
  }
}

function setHooks(hooks: MediaTestHooks): void {
  if (!hooksEnabled()) return;
  const target = window as unknown as { incameraTestHooks?: MediaTestHooks };
  target.incameraTestHooks = { ...target.incameraTestHooks, ...hooks };
}

export function exposeVoiceForTests(voice: VoiceAnonymiser | null): void {
  setHooks({ voice });
}

export function exposeWitnessPipelinesForTests(
  witness: NonNullable<MediaTestHooks['witness']>,
): void {
  setHooks({ witness });
}
