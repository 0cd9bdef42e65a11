/**
 * The independent judges on every core. TensorFlow.js's wasm backend runs single-threaded in
 * Node, and a live run hands the judges 100–150 frames at about a second each, so the frames are
 * shared among child processes, one a core, each with its own judges (./judge-child.ts). Each
 * child takes the next frame when it is done, so the tiled frames (five looks each) do not pile up
 * on one. The children stay for a while after a batch, since a test judges several in a row, and
 * go when idle or when this process exits. A batch fails if a child does; no frame is dropped.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import {
  decodeRgba,
  maskColourShare,
  type JudgedFrame,
  type SavedFrame,
} from './independent-judge';

export type JudgeJob = SavedFrame & { tiled: boolean };
export type JudgeReply = { verdict: JudgedFrame } | { error: string };

const CHILD = fileURLToPath(new URL('./judge-child.ts', import.meta.url));
/** Children are let go after this long without a frame to judge. */
const IDLE_MS = 20_000;

type Pending = { job: JudgeJob; resolve(v: JudgedFrame): void; reject(e: Error): void };
type Judge = { child: ChildProcess; busy: Pending | undefined };

const queue: Pending[] = [];
let judges: Judge[] = [];
let idleTimer: NodeJS.Timeout | undefined;

function stopAll() {
  for (const { child } of judges) child.kill();
  judges = [];
}
process.once('exit', stopAll);

function failAll(why: string) {
  const error = new Error(`an independent judge's process ${why}`);
  for (const { busy } of judges) busy?.reject(error);
  for (const pending of queue.splice(0)) pending.reject(error);
  stopAll();
}

function startJudge(): Judge {
  const child = fork(CHILD, [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const judge: Judge = { child, busy: undefined };
  child.on('message', (reply: JudgeReply) => {
    const done = judge.busy;
    judge.busy = undefined;
    if (!done) return;
    if ('error' in reply) done.reject(new Error(`judging ${done.job.file}: ${reply.error}`));
    else done.resolve(reply.verdict);
    dispatch();
  });
  child.once('exit', (code, signal) => {
    if (judges.includes(judge)) failAll(`stopped (${signal ?? code})`);
  });
  return judge;
}

function dispatch() {
  clearTimeout(idleTimer);
  for (const judge of judges) {
    if (judge.busy) continue;
    const pending = queue.shift();
    if (!pending) break;
    judge.busy = pending;
    judge.child.send(pending.job);
  }
  if (queue.length === 0 && judges.every((j) => !j.busy))
    idleTimer = setTimeout(stopAll, IDLE_MS).unref();
}

function judgeInPool(jobs: readonly JudgeJob[]): Promise<JudgedFrame[]> {
  if (judges.length === 0)
    judges = Array.from({ length: Math.max(1, availableParallelism()) }, startJudge);
  const verdicts = jobs.map(
    (job) => new Promise<JudgedFrame>((resolve, reject) => queue.push({ job, resolve, reject })),
  );
  dispatch();
  return Promise.all(verdicts);
}

/**
 * Every frame on the whole, and the `tiledCount` least masked frames also in tiles (the tiles
 * cost about five whole looks each on this machine, so they go where a face could still be seen).
 */
export function judgeFrames(
  saved: readonly SavedFrame[],
  tiledCount: number,
): Promise<JudgedFrame[]> {
  const tiledFiles = new Set(
    saved
      .map((s) => ({ file: s.file, share: maskColourShare(decodeRgba(s)) }))
      .sort((a, b) => a.share - b.share)
      .slice(0, tiledCount)
      .map((d) => d.file),
  );
  return judgeInPool(saved.map((s) => ({ ...s, tiled: tiledFiles.has(s.file) })));
}
