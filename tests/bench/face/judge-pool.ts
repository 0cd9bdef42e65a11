/**
 * The independent judges on every core. TensorFlow.js's wasm backend runs single-threaded in
 * Node and the three judges take about 1.1 s a 640x480 frame (tiles five times that), so frames
 * are shared among child processes, one a core, each with its own judges (./judge-child.ts). A
 * child takes the next frame when it is done; callers hand over many frames at once and the
 * queue keeps every core busy. The children stay while frames keep coming and go when idle or
 * when this process exits. If a child dies, every frame waiting fails with it: none is dropped.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { RgbaFrame } from '../../../media/core/face/types.js';
import { INDEPENDENT_JUDGES, type IndependentJudges } from './independent-judges.js';
import type { IndependentFaceDetector, JudgeFinding, LookOptions } from './judge-looks.js';

/** `only`: the keys of the judges that look (one, for its own figures); all judges when absent. */
export type JudgeRequest = { frame: RgbaFrame; options: LookOptions; only?: readonly string[] };
export type JudgeReply = { findings: JudgeFinding[] } | { error: string };

const CHILD = fileURLToPath(new URL('./judge-child.ts', import.meta.url));
/** Children are let go after this long without a frame to judge. */
const IDLE_MS = 20_000;

type Pending = {
  request: JudgeRequest;
  resolve(findings: JudgeFinding[]): void;
  reject(error: Error): void;
};
type Child = { worker: ChildProcess; busy: Pending | undefined };

const queue: Pending[] = [];
let children: Child[] = [];
let idleTimer: NodeJS.Timeout | undefined;

function stopAll() {
  const stopping = children;
  children = [];
  for (const child of stopping) child.worker.kill();
}
process.once('exit', stopAll);

function failAll(why: string) {
  const error = new Error(`an independent judge's process ${why}`);
  for (const { busy } of children) busy?.reject(error);
  for (const pending of queue.splice(0)) pending.reject(error);
  stopAll();
}

function startChild(): Child {
  const worker = fork(CHILD, [], {
    execArgv: ['--import', 'tsx'],
    // Frames go over IPC as typed arrays (structured clone), not as JSON.
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const child: Child = { worker, busy: undefined };
  worker.on('message', (reply: JudgeReply) => {
    const done = child.busy;
    child.busy = undefined;
    if (!done) return;
    if ('error' in reply) done.reject(new Error(`an independent judge failed: ${reply.error}`));
    else done.resolve(reply.findings);
    dispatch();
  });
  worker.once('exit', (code, signal) => {
    if (children.includes(child)) failAll(`stopped (${signal ?? code})`);
  });
  return child;
}

function dispatch() {
  clearTimeout(idleTimer);
  for (const child of children) {
    if (child.busy) continue;
    const pending = queue.shift();
    if (!pending) break;
    child.busy = pending;
    child.worker.send(pending.request);
  }
  if (queue.length === 0 && children.every((c) => !c.busy))
    idleTimer = setTimeout(stopAll, IDLE_MS).unref();
}

function judgeInPool(request: JudgeRequest): Promise<JudgeFinding[]> {
  if (children.length === 0)
    children = Array.from({ length: Math.max(1, availableParallelism()) }, startChild);
  const findings = new Promise<JudgeFinding[]>((resolve, reject) =>
    queue.push({ request, resolve, reject }),
  );
  dispatch();
  return findings;
}

/**
 * The independent judges (./independent-judges.ts), each look run on the pool's next free core;
 * `keys` keeps only those judges (all when absent).
 */
export function pooledIndependentJudges(keys?: readonly string[]): IndependentJudges {
  const chosen = INDEPENDENT_JUDGES.filter(({ key }) => !keys || keys.includes(key));
  if (keys && chosen.length !== keys.length)
    throw new Error(`unknown judges among ${keys.join(', ')}`);
  const judges: IndependentFaceDetector[] = chosen.map(({ key, name }) => ({
    key,
    name,
    find: (frame, options) => judgeInPool({ frame, options, only: [key] }),
  }));
  return {
    name: judges.map((j) => j.name).join(' + '),
    key: judges.map((j) => j.key).join('+'),
    judges,
    find: (frame, options) => judgeInPool({ frame, options, ...(keys ? { only: keys } : {}) }),
  };
}
