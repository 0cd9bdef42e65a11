import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  MediaAccessError,
  newHearingVoiceSeed,
  openLocalDevices,
  type LocalDevices,
  type LocalDeviceSnapshot,
  type MediaAccessProblem,
  type VoiceAnonymiser,
} from '../../media';
import { MaskedSelfPreview } from '../components/MaskedSelfPreview';
import { ScreenHeading } from '../components/ScreenHeading';
import { microphoneProcessingPreference } from './witness/microphone-preference';
import { VoiceProtectionPanel } from './witness/VoiceProtectionPanel';

type DeviceState =
  | { phase: 'idle' }
  | { phase: 'starting' }
  | { phase: 'live'; snapshot: LocalDeviceSnapshot }
  | { phase: 'failed'; problem: MediaAccessProblem };

export function WitnessScreen() {
  const { t } = useTranslation();
  const devices = useRef<LocalDevices | null>(null);
  const [camera, setCamera] = useState<MediaStreamTrack | null>(null);
  const [state, setState] = useState<DeviceState>({ phase: 'idle' });
  const [voice, setVoice] = useState<VoiceAnonymiser | null>(null);
  const level = useMicrophoneLevel(devices, state.phase === 'live');

  useEffect(() => () => devices.current?.stop(), []);

  async function start() {
    setState({ phase: 'starting' });
    try {
      const opened = await openLocalDevices(microphoneProcessingPreference());
      devices.current = opened;
      setCamera(opened.cameraTrack());
      setVoice(opened.anonymiseVoice({ preset: 'standard', seed: newHearingVoiceSeed() }));
      setState({ phase: 'live', snapshot: opened.snapshot() });
    } catch (error) {
      setState({
        phase: 'failed',
        problem: error instanceof MediaAccessError ? error.problem : 'other',
      });
    }
  }

  function stop() {
    devices.current?.stop();
    devices.current = null;
    setCamera(null);
    setVoice(null);
    setState({ phase: 'idle' });
  }

  const snapshot = state.phase === 'live' ? state.snapshot : null;
  return (
    <section data-testid="screen-witness" className="witness">
      <ScreenHeading title={t('witness.title')} intro={t('witness.intro')} />
      <div className="witness-layout">
        <MaskedSelfPreview cameraTrack={camera} />
        <div className="panel device-panel">
          {state.phase === 'live' ? (
            <button type="button" className="button secondary" onClick={stop}>
              {t('witness.stop')}
            </button>
          ) : (
            <button
              type="button"
              className="button primary"
              onClick={start}
              disabled={state.phase === 'starting'}
            >
              {state.phase === 'starting' ? t('witness.starting') : t('witness.start')}
            </button>
          )}
          {state.phase === 'failed' && (
            <p role="alert" className="error">
              {t(`witness.errors.${state.problem}`)}
            </p>
          )}
          <dl className="device-list" aria-live="polite">
            <dt>{t('witness.camera')}</dt>
            <dd data-testid="camera-status">
              {snapshot?.videoLabel
                ? `${snapshot.videoLabel} · ${t('witness.resolution', { width: snapshot.width, height: snapshot.height })}`
                : t('witness.none')}
            </dd>
            <dt>{t('witness.microphone')}</dt>
            <dd data-testid="microphone-status">{snapshot?.audioLabel ?? t('witness.none')}</dd>
          </dl>
          <label className="meter-label">
            {t('witness.level')}
            <meter min={0} max={0.5} value={level} />
          </label>
          <VoiceProtectionPanel voice={voice} />
        </div>
      </div>
    </section>
  );
}

function useMicrophoneLevel(devices: React.RefObject<LocalDevices | null>, live: boolean): number {
  const [level, setLevel] = useState(0);
  useEffect(() => {
    if (!live) return;
    const timer = window.setInterval(() => setLevel(devices.current?.level() ?? 0), 100);
    return () => window.clearInterval(timer);
  }, [devices, live]);
  return live ? level : 0;
}
