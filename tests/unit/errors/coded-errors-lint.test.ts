/** The lint rule that keeps sentences out of the host's user-facing errors really fires. */
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));

async function sentenceErrors(code: string, file = 'host/records/probe-handlers.ts') {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(code, { filePath: `${root}${file}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax');
}

describe('no sentences in user-facing errors', () => {
  it('flags literal, template and concatenated reasons, in throws and in subclasses', async () => {
    const errors = await sentenceErrors(`
      import { BadRequestError, NotFoundError, UserFacingError } from '../errors.js';
      export class LockedError extends UserFacingError {
        constructor() {
          super('The records are locked.');
        }
      }
      export function probe(id: number) {
        if (id === 1) throw new NotFoundError(\`There is no witness \${id}.\`);
        if (id === 2) throw new BadRequestError('Choose ' + 'a case.');
        throw new UserFacingError('Something went wrong.', 2);
      }
    `);
    expect(errors.length).toBe(4);
  });

  it('allows coded errors', async () => {
    const errors = await sentenceErrors(`
      import { coded } from '../../contract/errors/codes.js';
      import { NotFoundError, UserFacingError } from '../errors.js';
      export class LockedError extends UserFacingError {
        constructor() {
          super(coded('records.locked'));
        }
      }
      export function probe(id: number) {
        throw new NotFoundError(coded('witness.not-found', { id }));
      }
    `);
    expect(errors).toEqual([]);
  });

  it('flags a sentence as the reason of a signalling refusal, and allows a coded one', async () => {
    const refusals = `
      import { coded } from '../../contract/errors/codes.js';
      import { SignallingFailure } from './room.js';
      export function probe(kind: string, n: number) {
        if (n === 1) throw new SignallingFailure('unknown-id', 'Unknown transport.');
        if (n === 2) throw new SignallingFailure('bad-request', \`A \${kind} track.\`);
        if (n === 3) throw new SignallingFailure('forbidden', 'Too many ' + kind);
        throw new SignallingFailure('forbidden', coded('signalling.join-first'));
      }
    `;
    for (const file of ['host/session/probe-requests.ts', 'host/court/probe-controls.ts']) {
      const errors = await sentenceErrors(refusals, file);
      expect(errors.map((e) => e.line)).toEqual([5, 6, 7]);
      expect(errors[0]!.message).toMatch(/code from contract\/errors/);
    }
  });
});
