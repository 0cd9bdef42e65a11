/**
 * Fuzzes the signalling WebSocket of a real host while a hearing runs: outsiders (never joined,
 * rotating loopback addresses) and two insiders (the joined, admitted prosecutor and the protected
 * witness) send random and
 * mutated messages; every few cases the judge and the defence must still get answers. Checked at the
 * end: every case answered (no timeouts), no request failed inside the host, no table written but
 * the audit log, and there only the expected actions; the host's heap stays bounded.
 */
import { FUZZ_JUDGE, openFuzzHearing, type FuzzHearing } from './hearing.js';
import { auditActionsSince, readDbState } from './db-state.js';
import { measureMemory, type MemoryFigures } from './memory.js';
import { createFuzzer } from './random.js';
import { INSIDER_NAMES, makeSignallingCase, type SignallingContext } from './signalling-cases.js';
import { openFuzzSocket, type FuzzSocket, type Reply } from './ws-client.js';

export type SignallingFuzzReport = {
  cases: number;
  outcomes: Record<string, number>;
  failures: string[];
  memory: { before: MemoryFigures; after: MemoryFigures; peakHeapMiB: number };
  audit: Record<string, number>;
  livenessChecks: number;
  elapsedMs: number;
};

/**
 * Audit actions the fuzz may cause: slowed joins, joins with a seated participant's code, and the
 * witness (an insider too) reporting its pipelines failed or restored.
 */
const EXPECTED_AUDIT = new Set([
  'session.join-throttled',
  'session.join-refused',
  'session.witness-protection-failed',
  'session.witness-protection-restored',
]);
const HEAP_GROWTH_LIMIT_MIB = 64;
const OUTSIDERS = 8;
const CHECK_EVERY = 100;

export async function fuzzSignalling(options: {
  cases: number;
  seed: string;
  onProgress?: (done: number) => void;
}): Promise<SignallingFuzzReport> {
  const started = Date.now();
  // The per-connection rate is raised so that cases reach the handlers rather than the limiter
  // (tests/integration/host-limits.test.ts proves the limiter); every other limit is the default.
  const hearing = await openFuzzHearing({ messagesPerSecond: 5000, messageBurst: 5000 });
  const failures: string[] = [];
  const outcomes: Record<string, number> = {};
  try {
    const { judge, defence, insider, witness, ctx } = await seatEveryone(hearing);
    // The participants' clients beat every second, as the real ones do.
    const heartbeat = setInterval(() => [judge, defence, witness].forEach((s) => s.beat()), 1000);
    const before = readDbState(hearing.dbPath);
    const memoryBefore = measureMemory();
    let peakHeapMiB = memoryBefore.heapMiB;
    const targets = Array.from({ length: options.cases }, (_, i) => {
      const f = createFuzzer(`${options.seed}:${i}:target`);
      return f.chance(0.7) ? 'outsider' : f.chance(0.5) ? 'prosecutor' : 'witness';
    });
    let done = 0;
    let livenessChecks = 0;
    const record = (reply: Reply, index: number) => {
      const key =
        reply.kind === 'response'
          ? reply.ok
            ? 'response:ok'
            : `response:${reply.code}`
          : reply.kind === 'error'
            ? `error:${reply.code}`
            : reply.kind === 'closed'
              ? `closed:${reply.code}`
              : 'timeout';
      outcomes[key] = (outcomes[key] ?? 0) + 1;
      if (reply.kind === 'timeout') failures.push(`case ${index}: no answer from the host`);
      if ((reply.kind === 'response' || reply.kind === 'error') && reply.code === 'failed')
        failures.push(`case ${index}: the host failed inside: ${reply.message}`);
    };
    const afterCase = async () => {
      done += 1;
      if (done % CHECK_EVERY !== 0) return;
      options.onProgress?.(done);
      livenessChecks += 1;
      const fromJudge = await judge.request('setScreening', { on: true });
      if (fromJudge.kind !== 'response' || !fromJudge.ok)
        failures.push(`after ${done} cases the judge got ${JSON.stringify(fromJudge)}`);
      const fromDefence = await defence.request('pauseConsumer', { consumerId: 'none' });
      if (fromDefence.kind !== 'response' || fromDefence.code !== 'unknown-id')
        failures.push(`after ${done} cases the defence got ${JSON.stringify(fromDefence)}`);
      peakHeapMiB = Math.max(peakHeapMiB, process.memoryUsage().heapUsed / 2 ** 20);
    };

    const outsiderCases = targets.flatMap((t, i) => (t === 'outsider' ? [i] : []));
    const insiders: Partial<Record<'prosecutor' | 'witness', FuzzSocket>> = {
      prosecutor: insider,
      witness,
    };
    const runInsider = async (role: 'prosecutor' | 'witness') => {
      for (const [index, target] of targets.entries()) {
        if (target !== role) continue;
        const fuzzCase = makeSignallingCase(
          createFuzzer(`${options.seed}:${index}`),
          ctx,
          INSIDER_NAMES,
        );
        const socket = insiders[role];
        if (!socket?.open) {
          // Cut off (an oversized frame): its remaining cases are sent as an outsider's.
          delete insiders[role];
          const outsider = await openOutsider(hearing, index);
          record(await outsider.exchange(fuzzCase.frame), index);
          outsider.close();
        } else {
          const reply = await socket.exchange(fuzzCase.frame);
          record(reply, index);
          noteIds(reply, fuzzCase.name, ctx);
        }
        await afterCase();
      }
    };
    let nextOutsider = 0;
    const runOutsider = async (worker: number) => {
      let socket: FuzzSocket | undefined;
      while (nextOutsider < outsiderCases.length) {
        const index = outsiderCases[nextOutsider++]!;
        if (!socket?.open) socket = await openOutsider(hearing, index + worker);
        const reply = await socket.exchange(
          makeSignallingCase(createFuzzer(`${options.seed}:${index}`), ctx).frame,
        );
        record(reply, index);
        await afterCase();
      }
      socket?.close();
    };
    await Promise.all([
      runInsider('prosecutor'),
      runInsider('witness'),
      ...Array.from({ length: OUTSIDERS }, (_, w) => runOutsider(w)),
    ]);

    const finalJudge = await judge.request('setScreening', { on: true });
    if (finalJudge.kind !== 'response' || !finalJudge.ok)
      failures.push(`at the end the judge got ${JSON.stringify(finalJudge)}`);
    const after = readDbState(hearing.dbPath);
    if (after.digest !== before.digest)
      failures.push('a table other than the audit log was written during the fuzz');
    const audit = auditActionsSince(hearing.dbPath, before.auditSeq);
    for (const action of Object.keys(audit))
      if (!EXPECTED_AUDIT.has(action)) failures.push(`unexpected audit entry: ${action}`);
    clearInterval(heartbeat);
    for (const socket of [judge, defence, ...Object.values(insiders)]) socket?.close();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const memoryAfter = measureMemory();
    if (memoryAfter.heapMiB - memoryBefore.heapMiB > HEAP_GROWTH_LIMIT_MIB)
      failures.push(
        `heap grew from ${memoryBefore.heapMiB} to ${memoryAfter.heapMiB} MiB (limit +${HEAP_GROWTH_LIMIT_MIB})`,
      );
    return {
      cases: options.cases,
      outcomes,
      failures,
      memory: {
        before: memoryBefore,
        after: memoryAfter,
        peakHeapMiB: Math.round(peakHeapMiB * 10) / 10,
      },
      audit,
      livenessChecks,
      elapsedMs: Date.now() - started,
    };
  } finally {
    await hearing.close();
  }
}

/** Outsiders come from rotating loopback addresses, as a distributed guesser would. */
async function openOutsider(hearing: FuzzHearing, n: number): Promise<FuzzSocket> {
  const address = `127.${10 + ((n >> 16) & 0x7f)}.${(n >> 8) & 0xff}.${n & 0xff || 1}`;
  try {
    return await openFuzzSocket(hearing.host.url, address);
  } catch {
    return openFuzzSocket(hearing.host.url);
  }
}

async function seatEveryone(hearing: FuzzHearing) {
  const joinAs = async (role: keyof FuzzHearing['codes']) => {
    const socket = await openFuzzSocket(hearing.host.url);
    const reply = await socket.request('join', { token: hearing.codes[role] });
    if (reply.kind !== 'response' || !reply.ok)
      throw new Error(`${role} could not join: ${JSON.stringify(reply)}`);
    const { routerRtpCapabilities } = reply.data as { routerRtpCapabilities: unknown };
    await socket.request('setRtpCapabilities', { rtpCapabilities: routerRtpCapabilities });
    return { socket, peerId: (reply.data as { self: { peerId: string } }).self.peerId };
  };
  const judge = await joinAs('judge');
  await judge.socket.request('signInJudge', {
    operator: FUZZ_JUDGE.name,
    passphrase: FUZZ_JUDGE.passphrase,
  });
  const defence = await joinAs('defence');
  const witness = await joinAs('witness');
  const insider = await joinAs('prosecutor');
  for (const seat of [defence, insider])
    await judge.socket.request('admit', { peerId: seat.peerId });
  await judge.socket.request('callWitness', { peerId: witness.peerId });
  const ctx: SignallingContext = {
    codes: (['judge', 'defence', 'witness', 'prosecutor'] as const).map((r) => hearing.codes[r]),
    peerIds: [judge, defence, witness, insider].map((s) => s.peerId),
    transportIds: [],
    producerIds: [],
  };
  for (const direction of ['send', 'recv']) {
    const reply = await insider.socket.request('createWebRtcTransport', { direction });
    if (reply.kind === 'response' && reply.ok)
      ctx.transportIds.push((reply.data as { id: string }).id);
  }
  return {
    judge: judge.socket,
    defence: defence.socket,
    insider: insider.socket,
    witness: witness.socket,
    ctx,
  };
}

function noteIds(reply: Reply, name: string | undefined, ctx: SignallingContext): void {
  if (reply.kind !== 'response' || !reply.ok || !reply.data) return;
  const data = reply.data as { id?: string; producerId?: string };
  if (name === 'createWebRtcTransport' && data.id) ctx.transportIds.push(data.id);
  if (name === 'produce' && data.producerId) ctx.producerIds.push(data.producerId);
}
