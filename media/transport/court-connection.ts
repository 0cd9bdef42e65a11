/**
 * A participant's place in a court session that survives network blips and reloads: it joins with
 * the join code (and the seat token from the first join), re-joins with backoff whenever the
 * connection drops, and sends its outgoing tracks whenever the judge has admitted it. The host
 * keeps the seat's admission, so a reconnect needs no second admission.
 */
import type {
  CourtControlName,
  HearingState,
  PeerInfo,
  SignallingError,
  SignallingNotificationData,
  SignallingRequestData,
  SignallingResponseData,
  WitnessProtectionOrder,
} from '../../contract/signalling';
import { coded } from '../../contract/errors/codes';
import { MediaAccessError, type MediaAccessProblem } from '../local-devices';
import type { Outgoing } from '../outgoing';
import {
  joinMediaSession,
  type MediaSessionClient,
  type ReceiveStats,
  type RemoteTrack,
} from './media-session';
import { problemOf, SignallingRequestError, type SignallingProblem } from './signalling-client';

export type CourtConnectionState =
  | { phase: 'connecting' }
  | { phase: 'joined'; self: PeerInfo }
  | { phase: 'reconnecting'; attempt: number }
  | {
      phase: 'over';
      reason: 'removed' | 'ended' | 'closed-session' | 'refused' | 'left';
      /** Why the host refused (English, for logs), and its coded reason for the user's language. */
      message?: string;
      coded?: SignallingError['reason'];
    };

export type CourtConnectionEvents = {
  state: CourtConnectionState;
  hearing: HearingState;
  tracks: RemoteTrack[];
  /** A refused request (its coded reason), or the camera or microphone failing (`device`). */
  error: SignallingProblem & { device?: MediaAccessProblem };
  /** The judge: the protected witness's pipelines, when they change. */
  witnessPipelines: SignallingNotificationData<'witnessPipelineState'>;
  /** The witness: the court varied the order; this is the protection now applied. */
  protection: WitnessProtectionOrder;
};

export type CourtConnectionOptions = {
  code: string;
  seatToken?: string | undefined;
  /** Called with the seat token after the first join: keep it with the code (sessionStorage). */
  onSeat?: (seatToken: string) => void;
  hostUrl?: string;
  /** What to send once admitted; opened once and kept across reconnects. */
  outgoing?: (self: PeerInfo, protection: WitnessProtectionOrder | undefined) => Promise<Outgoing>;
};

export type CourtConnection = {
  state(): CourtConnectionState;
  hearing(): HearingState | undefined;
  /** The judge: what each protected witness's machine last reported of its pipelines. */
  witnessPipelines(): SignallingNotificationData<'witnessPipelineState'>[];
  remoteTracks(): RemoteTrack[];
  outgoing(): Outgoing | undefined;
  on<E extends keyof CourtConnectionEvents>(
    event: E,
    listener: (data: CourtConnectionEvents[E]) => void,
  ): () => void;
  control<N extends CourtControlName>(
    name: N,
    data: SignallingRequestData<N>,
  ): Promise<SignallingResponseData<N>>;
  receiveStats(consumerId: string): Promise<ReceiveStats | undefined>;
  /** Drops the connection as a network failure would (tests and trainers' demonstrations). */
  simulateNetworkDrop(): void;
  leave(): void;
};

const BACKOFF_MS = [100, 250, 500, 1000, 2000];
const PIPELINE_CHECK_MS = 250;

export function connectCourt(options: CourtConnectionOptions): CourtConnection {
  const listeners = new Map<string, Set<(data: never) => void>>();
  const emit = <E extends keyof CourtConnectionEvents>(e: E, data: CourtConnectionEvents[E]) => {
    for (const l of listeners.get(e) ?? []) (l as (d: CourtConnectionEvents[E]) => void)(data);
  };
  let state: CourtConnectionState = { phase: 'connecting' };
  let session: MediaSessionClient | undefined;
  let seatToken = options.seatToken;
  let hearing: HearingState | undefined;
  let outgoing: Outgoing | undefined;
  let outgoingOpening: Promise<Outgoing> | undefined;
  /** The witness's order as the host last said it (join answer, then any variation). */
  let latestProtection: WitnessProtectionOrder | undefined;
  let attempt = 0;
  let timer: number | undefined;
  const tracks = new Map<string, RemoteTrack>();
  const pipelines = new Map<string, SignallingNotificationData<'witnessPipelineState'>>();

  const setState = (next: CourtConnectionState) => {
    state = next;
    emit('state', next);
  };
  const over = () => state.phase === 'over';

  async function connect(): Promise<void> {
    let joined: MediaSessionClient;
    try {
      joined = await joinMediaSession({
        token: options.code,
        ...(seatToken ? { seatToken } : {}),
        ...(options.hostUrl ? { hostUrl: options.hostUrl } : {}),
      });
    } catch (error) {
      if (over()) return;
      if (
        error instanceof SignallingRequestError &&
        (error.error.code === 'unauthorized' || error.error.code === 'rate-limited')
      )
        return setState({
          phase: 'over',
          reason: 'refused',
          message: error.message,
          ...(error.reason ? { coded: error.reason } : {}),
        });
      return scheduleReconnect();
    }
    if (over()) return joined.close();
    session = joined;
    attempt = 0;
    latestProtection = joined.witnessProtection;
    if (joined.seatToken && joined.seatToken !== seatToken) {
      seatToken = joined.seatToken;
      options.onSeat?.(seatToken);
    }
    let producing = false;
    joined.on('hearingState', (next) => {
      hearing = next;
      emit('hearing', next);
      const me = next.participants.find((p) => p.peerId === joined.self.peerId);
      if (me?.status === 'admitted' && !producing && options.outgoing) {
        producing = true;
        void sendOutgoing(joined);
      }
    });
    joined.on('track', (remote) => {
      tracks.set(remote.consumerId, remote);
      emit('tracks', [...tracks.values()]);
    });
    joined.on('trackEnded', ({ consumerId }) => {
      if (tracks.delete(consumerId)) emit('tracks', [...tracks.values()]);
    });
    joined.on('error', (e) => emit('error', e));
    joined.on('witnessPipelineState', (state) => {
      pipelines.set(state.peerId, state);
      emit('witnessPipelines', state);
    });
    joined.on('sessionOver', ({ reason }) => setState({ phase: 'over', reason }));
    joined.on('witnessProtection', (order) => applyVariedOrder(joined, order));
    joined.on('closed', () => {
      if (session === joined) session = undefined;
      tracks.clear();
      emit('tracks', []);
      if (!over()) scheduleReconnect();
    });
    setState({ phase: 'joined', self: joined.self });
  }

  async function sendOutgoing(target: MediaSessionClient): Promise<void> {
    let opened: Outgoing;
    try {
      opened = outgoing ??= await (outgoingOpening ??= options.outgoing!(
        target.self,
        latestProtection ?? target.witnessProtection,
      ));
    } catch (error) {
      return emit(
        'error',
        error instanceof MediaAccessError
          ? { message: error.message, device: error.problem }
          : problemOf(error, coded('media.camera-failed')),
      );
    }
    try {
      for (const { track, appData } of opened.tracks) await target.produce(track, appData);
      if (opened.pipelineState) reportPipelines(target, opened);
    } catch (error) {
      emit('error', problemOf(error, coded('media.send-failed')));
    }
  }

  /**
   * The court varied the witness's order: applied in place where the pipelines can, else they are
   * closed and the seat re-joins (same seat, no second admission) to open them under the new order.
   */
  function applyVariedOrder(target: MediaSessionClient, order: WitnessProtectionOrder): void {
    latestProtection = order;
    emit('protection', order);
    if (!outgoing) {
      // Still opening under the earlier order: apply once it is open.
      void outgoingOpening?.then(() => {
        if (outgoing && latestProtection === order) applyVariedOrder(target, order);
      });
      return;
    }
    if (outgoing.applyProtection?.(order) === 'applied') return;
    outgoing.stop();
    outgoing = undefined;
    outgoingOpening = undefined;
    target.drop('the protective order was varied');
  }

  /** Tells the host (for the judge) whenever the witness's pipelines change, until this session ends. */
  function reportPipelines(target: MediaSessionClient, source: Outgoing): void {
    let last = '';
    const check = () => {
      if (session !== target || over()) return window.clearInterval(timer);
      const state = source.pipelineState!();
      const key = JSON.stringify(state);
      if (key === last) return;
      last = key;
      target.reportPipelineState(state).catch(() => {
        last = '';
      });
    };
    const timer = window.setInterval(check, PIPELINE_CHECK_MS);
    check();
  }

  function scheduleReconnect(): void {
    attempt += 1;
    setState({ phase: 'reconnecting', attempt });
    const delay = BACKOFF_MS[Math.min(attempt - 1, BACKOFF_MS.length - 1)]!;
    timer = window.setTimeout(() => void connect(), delay);
  }

  void connect();

  return {
    state: () => state,
    hearing: () => hearing,
    witnessPipelines: () => [...pipelines.values()],
    remoteTracks: () => [...tracks.values()],
    outgoing: () => outgoing,
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (data: never) => void);
      listeners.set(event, set);
      return () => void set.delete(listener as (data: never) => void);
    },
    async control(name, data) {
      if (!session)
        throw new SignallingRequestError({
          code: 'failed',
          message: 'Not connected to the hearing host right now.',
          reason: coded('signalling.not-connected'),
        });
      return session.control(name, data);
    },
    receiveStats: async (consumerId) => session?.receiveStats(consumerId),
    simulateNetworkDrop: () => session?.drop('network dropped (simulated)'),
    leave() {
      window.clearTimeout(timer);
      if (!over()) setState({ phase: 'over', reason: 'left' });
      session?.close();
      outgoing?.stop();
    },
  };
}
