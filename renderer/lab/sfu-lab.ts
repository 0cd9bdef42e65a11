/**
 * A page for tests and benchmarks only (not linked from the app): drives media/'s transport wrapper
 * from Playwright through the built bundle. `window.sfuLab` joins with a token, sends the fake
 * camera and microphone (or a colour-cycling canvas for latency), and reports what it receives.
 */
import {
  joinMediaSession,
  type LocalTrack,
  type MediaSessionClient,
  type RemoteTrack,
} from '../../media/index';

type Received = {
  remote: RemoteTrack;
  video?: HTMLVideoElement;
  analyser?: AnalyserNode;
  firstFrameAt?: number;
};

const PALETTE: [number, number, number][] = [
  [255, 0, 0],
  [0, 255, 0],
  [0, 0, 255],
  [255, 255, 0],
  [0, 255, 255],
  [255, 0, 255],
];
const now = () => performance.timeOrigin + performance.now();

let session: MediaSessionClient | undefined;
let joinedAt = 0;
const received = new Map<string, Received>();
const errors: string[] = [];
const sending: LocalTrack[] = [];
const colourChanges: { index: number; at: number }[] = [];
const seenColours: { index: number; at: number }[] = [];
let audioContext: AudioContext | undefined;

const status = document.createElement('p');
status.dataset.testid = 'lab-status';
document.body.prepend(status);
function showStatus(): void {
  const all = [...received.values()];
  const videos = all.filter((entry) => entry.video).length;
  const audios = all.length - videos;
  status.textContent = session
    ? `${session.self.displayName} (${session.self.role}) receives ${videos} video and ${audios} audio track(s)`
    : 'not joined';
}

function attach(remote: RemoteTrack): void {
  const entry: Received = { remote };
  if (remote.kind === 'video') {
    const video = document.createElement('video');
    video.autoplay = true;
    video.muted = true;
    video.playsInline = true;
    video.width = 320;
    video.dataset.testid = 'remote-video';
    video.dataset.peer = remote.peerId;
    video.srcObject = new MediaStream([remote.track]);
    document.getElementById('lab')?.append(video);
    void video.play().catch(() => undefined);
    const onFrame = () => {
      entry.firstFrameAt ??= now();
      watchColour(video);
      video.requestVideoFrameCallback(onFrame);
    };
    video.requestVideoFrameCallback(onFrame);
    entry.video = video;
  } else {
    audioContext ??= new AudioContext();
    const analyser = audioContext.createAnalyser();
    analyser.fftSize = 2048;
    audioContext.createMediaStreamSource(new MediaStream([remote.track])).connect(analyser);
    // Chromium only pulls audio from a remote track that is also played somewhere.
    const audio = new Audio();
    audio.srcObject = new MediaStream([remote.track]);
    audio.muted = true;
    void audio.play().catch(() => undefined);
    entry.analyser = analyser;
  }
  received.set(remote.consumerId, entry);
  showStatus();
}

const probe = document.createElement('canvas');
probe.width = probe.height = 8;
const probeContext = probe.getContext('2d', { willReadFrequently: true })!;
function watchColour(video: HTMLVideoElement): void {
  if (colourChanges.length === 0 && seenColours.length > 100) return;
  probeContext.drawImage(video, 0, 0, 8, 8);
  const [r = 0, g = 0, b = 0] = probeContext.getImageData(4, 4, 1, 1).data;
  const index = PALETTE.findIndex(
    ([pr, pg, pb]) => Math.abs(pr - r) + Math.abs(pg - g) + Math.abs(pb - b) < 120,
  );
  if (index >= 0 && seenColours.at(-1)?.index !== index) seenColours.push({ index, at: now() });
}

async function join(token: string): Promise<{ peerId: string; role: string }> {
  joinedAt = now();
  session = await joinMediaSession({ token });
  session.on('track', attach);
  session.on('trackEnded', ({ consumerId }) => {
    received.get(consumerId)?.video?.remove();
    received.delete(consumerId);
    showStatus();
  });
  session.on('error', ({ message }) => errors.push(message));
  for (const remote of session.remoteTracks.values())
    if (!received.has(remote.consumerId)) attach(remote);
  showStatus();
  return { peerId: session.self.peerId, role: session.self.role };
}

async function sendCamera(
  appData: Record<string, string> = { source: 'processed' },
  video: MediaTrackConstraints = { width: 640, height: 480 },
): Promise<string[]> {
  if (!session) throw new Error('join first');
  const stream = await navigator.mediaDevices.getUserMedia({
    video,
    audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false },
  });
  const ids: string[] = [];
  for (const track of stream.getTracks()) {
    const local = await session.produce(track, appData);
    sending.push(local);
    ids.push(local.producerId);
  }
  return ids;
}

/** A canvas track whose colour changes every `periodMs`; the change times are kept for latency. */
async function sendColourCycle(periodMs = 400): Promise<string> {
  if (!session) throw new Error('join first');
  const canvas = document.createElement('canvas');
  canvas.width = 320;
  canvas.height = 240;
  const context = canvas.getContext('2d')!;
  let index = -1;
  const paint = () => {
    index = (index + 1) % PALETTE.length;
    const [r, g, b] = PALETTE[index]!;
    context.fillStyle = `rgb(${r},${g},${b})`;
    context.fillRect(0, 0, canvas.width, canvas.height);
    colourChanges.push({ index, at: now() });
  };
  paint();
  setInterval(paint, periodMs);
  const track = canvas.captureStream(30).getVideoTracks()[0]!;
  return (await session.produce(track, { source: 'processed' })).producerId;
}

function frameSignature(video: HTMLVideoElement): number {
  const canvas = document.createElement('canvas');
  canvas.width = 64;
  canvas.height = 48;
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.drawImage(video, 0, 0, 64, 48);
  let sum = 0;
  for (const value of context.getImageData(0, 0, 64, 48).data) sum = (sum * 31 + value) >>> 0;
  return sum;
}

function audioRms(analyser: AnalyserNode): number {
  const samples = new Float32Array(analyser.fftSize);
  analyser.getFloatTimeDomainData(samples);
  let sum = 0;
  for (const sample of samples) sum += sample * sample;
  return Math.sqrt(sum / samples.length);
}

async function report() {
  const videos = [];
  for (const entry of received.values()) {
    if (!entry.video) continue;
    const before = frameSignature(entry.video);
    await new Promise((resolve) => setTimeout(resolve, 400));
    videos.push({
      peerId: entry.remote.peerId,
      width: entry.video.videoWidth,
      height: entry.video.videoHeight,
      changing: frameSignature(entry.video) !== before,
      firstFrameMs: entry.firstFrameAt ? entry.firstFrameAt - joinedAt : null,
    });
  }
  const audio = [...received.values()]
    .filter((entry) => entry.analyser)
    .map((entry) => ({ peerId: entry.remote.peerId, rms: audioRms(entry.analyser!) }));
  return { videos, audio, errors };
}

/** RTP packets this page has received so far, over every remote track (what the host sent it). */
async function packetsReceived(): Promise<number> {
  let total = 0;
  for (const consumerId of received.keys()) {
    // A track that ends while it is asked counts nothing.
    const stats = await session?.receiveStats(consumerId).catch(() => undefined);
    total += stats?.packetsReceived ?? 0;
  }
  return total;
}

/** For each colour seen on a receiver, the time since the sender painted it. */
function latencies(sent: { index: number; at: number }[]): number[] {
  return seenColours.flatMap(({ index, at }) => {
    const source = sent.filter((change) => change.index === index && change.at <= at).at(-1);
    return source && at - source.at < 2000 ? [at - source.at] : [];
  });
}

Object.assign(window, {
  sfuLab: {
    join,
    sendCamera,
    /** A lighter camera for load tests (many pages on one machine). */
    sendCameraSized: (width: number, height: number, frameRate: number) =>
      sendCamera({ source: 'processed' }, { width, height, frameRate }),
    /** A judge's court control, e.g. admit { peerId } (the host refuses it from anyone else). */
    control: (name: string, data: Record<string, unknown>) =>
      session?.control(name as 'admit', data as { peerId: string }),
    sendColourCycle,
    report,
    packetsReceived,
    colourChanges: () => colourChanges,
    latencies,
    leave: () => session?.close(),
    videoReceiveStats: () =>
      Promise.all(
        [...received.values()]
          .filter((entry) => entry.video)
          .map((entry) => session?.receiveStats(entry.remote.consumerId)),
      ),
    pauseVideo: () => Promise.all(sending.filter((t) => t.kind === 'video').map((t) => t.pause())),
    resumeVideo: () =>
      Promise.all(sending.filter((t) => t.kind === 'video').map((t) => t.resume())),
  },
});
