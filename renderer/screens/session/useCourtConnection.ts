import i18next from 'i18next';
import { useEffect, useState } from 'react';
import { uiLanguages } from '../../../contract/i18n/languages';
import type { HearingState, PeerInfo, WitnessProtectionOrder } from '../../../contract/signalling';
import {
  connectCourt,
  openParticipantOutgoing,
  openWitnessOutgoing,
  type CourtConnection,
  type CourtConnectionState,
  type Outgoing,
  type CourtConnectionEvents,
  type RemoteTrack,
} from '../../../media';
import { faceMaskingTuning } from '../../face-masking-tuning';
import { setCourtZone } from '../../i18n/court-zone';

const STORAGE_KEY = 'incamera.join';

/** The code and seat token survive a reload of this window (sessionStorage), never more. */
export type StoredJoin = { code: string; seatToken?: string };

export function storedJoin(): StoredJoin | undefined {
  try {
    const value = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as StoredJoin | null;
    return value && typeof value.code === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

export function storeJoin(join: StoredJoin | undefined): void {
  if (join) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(join));
  else sessionStorage.removeItem(STORAGE_KEY);
}

async function outgoingFor(
  self: PeerInfo,
  protection: WitnessProtectionOrder | undefined,
): Promise<Outgoing> {
  if (self.role === 'witness')
    return openWitnessOutgoing({
      pseudonym: self.displayName,
      protection,
      // The card goes to the whole court and into the recording: in each of the court's languages.
      noPictureCard: uiLanguages.map((lng) =>
        i18next.getFixedT(lng)('session.witness.noPictureCard'),
      ),
      faceMasking: faceMaskingTuning,
    });
  return openParticipantOutgoing();
}

export type VariedOrder = Pick<WitnessProtectionOrder, 'faceStyle' | 'voicePreset'>;

export type CourtView = {
  connection: CourtConnection;
  state: CourtConnectionState;
  hearing: HearingState | undefined;
  tracks: RemoteTrack[];
  self: PeerInfo | undefined;
  /** The last failure (a refused track, …): shown with `useErrorText`, in the user's language. */
  error: CourtConnectionEvents['error'] | undefined;
  /** The judge: each protected witness's pipelines as its machine last reported them. */
  witnessPipelines: ReturnType<CourtConnection['witnessPipelines']>;
  /** The witness: what the court's varied order now asks for (none until varied; never the key). */
  variedOrder: VariedOrder | undefined;
};

export function useCourtConnection(join: StoredJoin | undefined): CourtView | undefined {
  const [view, setView] = useState<CourtView>();
  useEffect(() => {
    if (!join) return;
    const connection = connectCourt({
      code: join.code,
      seatToken: join.seatToken,
      onSeat: (seatToken) => storeJoin({ code: join.code, seatToken }),
      outgoing: outgoingFor,
    });
    let self: PeerInfo | undefined;
    let error: CourtConnectionEvents['error'] | undefined;
    let variedOrder: VariedOrder | undefined;
    let joins = 0;
    const update = () =>
      setView({
        connection,
        state: connection.state(),
        hearing: connection.hearing(),
        tracks: connection.remoteTracks(),
        self,
        error,
        witnessPipelines: connection.witnessPipelines(),
        variedOrder,
      });
    const offs = [
      connection.on('state', (state) => {
        if (state.phase === 'joined') {
          self = state.self;
          joins += 1;
        }
        if (state.phase === 'over') {
          storeJoin(undefined);
          connection.outgoing()?.stop();
        }
        update();
      }),
      connection.on('hearing', (hearing) => {
        // A seat on another machine has no records of its own: the hearing brings the court's zone.
        if (hearing.courtTimeZone) setCourtZone(hearing.courtTimeZone);
        update();
      }),
      connection.on('tracks', update),
      connection.on('witnessPipelines', update),
      connection.on('protection', ({ faceStyle, voicePreset }) => {
        variedOrder = { faceStyle, voicePreset };
        update();
      }),
      connection.on('error', (e) => {
        error = e;
        update();
      }),
    ];
    update();
    // Tests ask for this with ?session-diagnostics in the address.
    if (new URLSearchParams(window.location.search).has('session-diagnostics'))
      (window as unknown as Record<string, unknown>).incameraSessionDiagnostics = {
        simulateNetworkDrop: () => connection.simulateNetworkDrop(),
        joins: () => joins,
      };
    return () => {
      offs.forEach((off) => off());
      connection.leave();
    };
  }, [join]);
  return view;
}
