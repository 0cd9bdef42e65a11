/**
 * CPU time used by the Chromium processes this script started (Linux /proc). The machine is
 * shared, so frames per second depend on others' load; CPU milliseconds per output frame do not,
 * and say what the pipeline would reach on two idle cores.
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

type ProcStat = { pid: number; ppid: number; comm: string; cpuTicks: number };

function readStat(pid: number): ProcStat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = text.lastIndexOf(')');
    const comm = text.slice(text.indexOf('(') + 1, close);
    const fields = text.slice(close + 2).split(' ');
    return {
      pid,
      ppid: Number(fields[1]),
      comm,
      cpuTicks: Number(fields[11]) + Number(fields[12]),
    };
  } catch {
    return null;
  }
}

/** Seconds of CPU used so far by Chromium processes descending from this process; null off Linux. */
export function chromiumCpuSeconds(): number | null {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
  const stats = entries.map((name) => readStat(Number(name))).filter((s) => s !== null);
  const children = new Map<number, ProcStat[]>();
  for (const stat of stats) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), stat]);
  let ticks = 0;
  const queue = [...(children.get(process.pid) ?? [])];
  while (queue.length > 0) {
    const stat = queue.pop()!;
    if (/chrom/i.test(stat.comm)) ticks += stat.cpuTicks;
    queue.push(...(children.get(stat.pid) ?? []));
  }
  return ticks / TICKS_PER_SECOND;
}
