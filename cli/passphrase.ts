import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { coded } from '../contract/errors/codes.js';
import { UserFacingError } from '../host/errors.js';
import { say } from './i18n/index.js';

/** The court passphrase: INCAMERA_PASSPHRASE, or asked for on the terminal without echo. */
export async function courtPassphrase(prompt = say('prompt.court-passphrase')): Promise<string> {
  return readSecret('INCAMERA_PASSPHRASE', prompt);
}

export async function readSecret(envName: string, prompt: string): Promise<string> {
  const fromEnv = process.env[envName];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!process.stdin.isTTY) {
    throw new UserFacingError(coded('cli.no-passphrase', { env: envName }));
  }
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  try {
    const answer = new Promise<string>((resolve) => rl.question(prompt, resolve));
    muted = true;
    const secret = await answer;
    process.stderr.write('\n');
    return secret;
  } finally {
    rl.close();
  }
}
