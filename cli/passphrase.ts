import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { UserFacingError } from '../host/errors.js';

/** The court passphrase: INCAMERA_PASSPHRASE, or asked for on the terminal without echo. */
export async function courtPassphrase(prompt = 'Court passphrase: '): Promise<string> {
  return readSecret('INCAMERA_PASSPHRASE', prompt);
}

export async function readSecret(envName: string, prompt: string): Promise<string> {
  const fromEnv = process.env[envName];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!process.stdin.isTTY) {
    throw new UserFacingError(
      `No passphrase given. Set ${envName}, or run this in a terminal to be asked for it.`,
    );
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
