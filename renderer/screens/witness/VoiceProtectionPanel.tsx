import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { exposeVoiceForTests, type VoiceAnonymiser, type VoiceState } from '../../../media';

/** The witness's voice protection: whether the disguise runs, and the level of what is sent. */
export function VoiceProtectionPanel({ voice }: { voice: VoiceAnonymiser | null }) {
  const { t } = useTranslation();
  const state = useVoiceState(voice);
  const level = useSentLevel(voice, state.phase === 'disguised');
  const tone =
    state.phase === 'disguised' ? 'ok' : state.phase === 'starting' ? 'pending' : 'alert';

  return (
    <div className={`voice-protection voice-${tone}`} data-testid="voice-protection">
      <p
        className="voice-state"
        data-testid="voice-state"
        data-phase={state.phase}
        role={tone === 'alert' ? 'alert' : 'status'}
      >
        {t(`witness.voice.${state.phase}`)}
      </p>
      {state.phase === 'muted' && (
        <p className="voice-reason">{t(`witness.voice.reasons.${state.reason}`)}</p>
      )}
      <label className="meter-label">
        {t('witness.voice.sentLevel')}
        <meter data-testid="voice-sent-level" min={0} max={0.3} value={level} />
      </label>
    </div>
  );
}

const STOPPED: VoiceState = { phase: 'stopped' };

function useVoiceState(voice: VoiceAnonymiser | null): VoiceState {
  useEffect(() => exposeVoiceForTests(voice), [voice]);
  const subscribe = useCallback(
    (onChange: () => void) => (voice ? voice.onState(onChange) : () => undefined),
    [voice],
  );
  return useSyncExternalStore(subscribe, () => voice?.state() ?? STOPPED);
}

function useSentLevel(voice: VoiceAnonymiser | null, live: boolean): number {
  const [level, setLevel] = useState(0);
  useEffect(() => {
    if (!voice || !live) return;
    const timer = window.setInterval(() => setLevel(voice.level()), 100);
    return () => window.clearInterval(timer);
  }, [voice, live]);
  return voice && live ? level : 0;
}
