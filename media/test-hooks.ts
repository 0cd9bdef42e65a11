import type { VoiceAnonymiser } from './voice/voice-anonymiser';

/**
 * What E2E tests may reach on a live page, and only when they opt in before the app loads
 * (localStorage 'incamera:test-hooks' = '1'): the anonymised track and the break switch, never raw media.
 */
export type MediaTestHooks = { voice: VoiceAnonymiser | null };

const TEST_HOOKS_KEY = 'incamera:test-hooks';

export function exposeVoiceForTests(voice: VoiceAnonymiser | null): void {
  let enabled: boolean;
  try {
    enabled = window.localStorage.getItem(TEST_HOOKS_KEY) === '1';
  } catch {
    enabled = false;
  }
  if (!enabled) return;
  const target = window as unknown as { incameraTestHooks?: MediaTestHooks };
  target.incameraTestHooks = { voice };
}
