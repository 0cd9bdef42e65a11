/**
 * "Another machine on the court network" for E2E tests: a Linux network namespace joined to this
 * one by a veth pair. The host's --lan listener binds this side's veth address; a browser launched
 * through `chromiumPath` runs inside the namespace and reaches the host only over the veth link (its
 * 127.0.0.1 is its own). Where namespaces cannot be made (not root, no iproute2, a container
 * without CAP_NET_ADMIN) it falls back to the loopback LAN listener on this machine, and says so.
 */
import { spawnSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LaunchOptions } from '@playwright/test';
import { findChromium } from '../../../scripts/lib/chromium';
import { chromiumLaunchOptions } from './browser';
import type { HostProcess } from './host-process';

export type SecondMachine = {
  /** What ran: a real second network stack, or this machine's loopback. */
  kind: 'namespace' | 'loopback';
  /** The address the host's --lan listener binds, reachable from the second machine. */
  hostAddress: string;
  /** A Chromium that runs on the second machine (absent: this machine's own Chromium). */
  chromiumPath?: string;
  /** One line saying which ran, for the test's console. */
  description: string;
  /** Removes the namespace, the veth pair and the wrapper; safe to call twice. */
  remove(): void;
};

function ip(args: string[]): string | undefined {
  const run = spawnSync('ip', args, { encoding: 'utf8' });
  if (run.error) return run.error.message;
  return run.status === 0 ? undefined : (run.stderr || `ip ${args.join(' ')} failed`).trim();
}

/** A /30 of 10.77.0.0/16 per test process, so parallel worktrees rarely meet on one subnet. */
function subnetFor(pid: number): { host: string; remote: string } {
  const third = (pid >> 6) & 255;
  const fourth = (pid & 63) * 4;
  return { host: `10.77.${third}.${fourth + 1}`, remote: `10.77.${third}.${fourth + 2}` };
}

export function makeSecondMachine(label: string): SecondMachine {
  const namespace = `incamera-${label}-${process.pid}`;
  const hostSide = `icm${process.pid}h`.slice(-15);
  const remoteSide = `icm${process.pid}r`.slice(-15);
  const { host, remote } = subnetFor(process.pid);
  let wrapperDir: string | undefined;
  const remove = () => {
    ip(['link', 'del', hostSide]);
    ip(['netns', 'del', namespace]);
    if (wrapperDir) rmSync(wrapperDir, { recursive: true, force: true });
    wrapperDir = undefined;
  };
  const steps = [
    ['netns', 'add', namespace],
    ['link', 'add', hostSide, 'type', 'veth', 'peer', 'name', remoteSide],
    ['link', 'set', remoteSide, 'netns', namespace],
    ['addr', 'add', `${host}/30`, 'dev', hostSide],
    ['link', 'set', hostSide, 'up'],
    ['-n', namespace, 'addr', 'add', `${remote}/30`, 'dev', remoteSide],
    ['-n', namespace, 'link', 'set', remoteSide, 'up'],
    ['-n', namespace, 'link', 'set', 'lo', 'up'],
  ];
  const chromium = findChromium();
  let failure = chromium ? undefined : 'no Chromium found';
  for (const step of steps) {
    if (failure) break;
    failure = ip(step);
  }
  if (failure) {
    remove();
    return {
      kind: 'loopback',
      hostAddress: '127.0.0.1',
      description: `no network namespace (${failure.split('\n')[0]}): the public browser runs on this machine over the loopback LAN listener`,
      remove: () => {},
    };
  }
  wrapperDir = mkdtempSync(join(tmpdir(), 'incamera-second-machine-'));
  const chromiumPath = join(wrapperDir, 'chromium');
  writeFileSync(chromiumPath, `#!/bin/sh\nexec ip netns exec ${namespace} '${chromium}' "$@"\n`);
  chmodSync(chromiumPath, 0o755);
  return {
    kind: 'namespace',
    hostAddress: host,
    chromiumPath,
    description: `network namespace ${namespace} (${remote}) reaches the host at ${host} over veth only`,
    remove,
  };
}

/**
 * A certificate's two pins: Chromium's (base64 SHA-256 of its SubjectPublicKeyInfo, for
 * --ignore-certificate-errors-spki-list, which accepts that key only and still refuses any other)
 * and the join slip's fingerprint.
 */
export function certificatePins(certificatePath: string): { spki: string; fingerprint: string } {
  const certificate = new X509Certificate(readFileSync(certificatePath));
  const spki = certificate.publicKey.export({ type: 'spki', format: 'der' });
  return {
    spki: createHash('sha256').update(spki).digest('base64'),
    // The join slip's form: SHA-256 of the whole certificate, AB:CD:…
    fingerprint: certificate.fingerprint256,
  };
}

/** A Chromium on the second machine that trusts the host's certificate by its pin, nothing else. */
export function pinnedChromiumOptions(machine: SecondMachine, spki: string): LaunchOptions {
  const options = chromiumLaunchOptions();
  return {
    ...options,
    ...(machine.chromiumPath ? { executablePath: machine.chromiumPath } : {}),
    args: [...(options.args ?? []), `--ignore-certificate-errors-spki-list=${spki}`],
  };
}

/** The host's --lan listener, as its "host.lan-listening" line gives it. */
export function lanListener(host: HostProcess): {
  url: string;
  fingerprint: string;
  certificate: string;
} {
  const line = host.logs.find((l) => l.includes('"host.lan-listening"'));
  if (!line) throw new Error(`the host has no LAN listener:\n${host.logs.join('\n')}`);
  return JSON.parse(line) as { url: string; fingerprint: string; certificate: string };
}
