import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../../..', import.meta.url));
export const cliPath = fileURLToPath(new URL('../../../bin/incamera.mjs', import.meta.url));

export type HostProcess = {
  url: string;
  child: ChildProcess;
  logs: string[];
  stop(): Promise<number | null>;
};

/** Starts the real host through the real CLI on a free port and waits for its listening line. */
export async function startHostProcess(
  extraArgs: string[] = [],
  env: NodeJS.ProcessEnv = {},
): Promise<HostProcess> {
  // Never touch the user's own records: a fresh database unless the test names one.
  const dbArgs = extraArgs.includes('--db')
    ? []
    : ['--db', join(mkdtempSync(join(tmpdir(), 'incamera-e2e-')), 'records.db')];
  const child = spawn(process.execPath, [cliPath, 'host', '--port', '0', ...dbArgs, ...extraArgs], {
    cwd: projectRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    // Generous: on a loaded 2-core machine loading the host's code alone took over 20 s.
    const timer = setTimeout(
      () => reject(new Error(`host did not start:\n${logs.join('\n')}`)),
      60_000,
    );
    const onLine = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        logs.push(line);
        const match = /"url":"([^"]+)".*"msg":"host\.listening"/.exec(line);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      }
    };
    child.stdout.on('data', onLine);
    child.stderr.on('data', onLine);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code}:\n${logs.join('\n')}`));
    });
  });
  return {
    url,
    child,
    logs,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill('SIGTERM');
      }),
  };
}
