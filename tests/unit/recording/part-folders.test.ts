/**
 * A part's folder exists a moment before its part.json lands (and forever, if the host is killed
 * in that moment): readers must see a part not yet begun, and the next part must not reuse its
 * number.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  hearingRecordingDir,
  lastPartNumber,
  partDirName,
  readHearingRecording,
  writeJsonAtomic,
} from '../../../host/recording/layout';

const HEARING = 7;

function recordingsWith(parts: { part: number; sealed: boolean; begun: boolean }[]): string {
  const root = mkdtempSync(join(tmpdir(), 'incamera-parts-'));
  for (const { part, sealed, begun } of parts) {
    const dir = join(hearingRecordingDir(root, HEARING), partDirName(part, sealed));
    mkdirSync(dir, { recursive: true });
    if (begun)
      writeJsonAtomic(join(dir, 'part.json'), {
        part,
        hearingId: HEARING,
        closedSession: sealed,
        startedAt: `2026-12-07T10:0${part}:00.000Z`,
      });
    else writeFileSync(join(dir, 'part.json.tmp'), '{"part":');
  }
  return root;
}

describe('recording part folders', () => {
  it('leaves out a part whose part.json has not landed', () => {
    const root = recordingsWith([
      { part: 1, sealed: false, begun: true },
      { part: 2, sealed: true, begun: false },
    ]);
    const parts = readHearingRecording(root, HEARING);
    expect(parts.map((p) => p.meta.part)).toEqual([1]);
  });

  it('numbers the next part after every folder, begun or not', () => {
    const root = recordingsWith([
      { part: 1, sealed: false, begun: true },
      { part: 2, sealed: true, begun: false },
    ]);
    expect(lastPartNumber(root, HEARING)).toBe(2);
  });

  it('reads nothing and numbers from zero where no recording was made', () => {
    const root = mkdtempSync(join(tmpdir(), 'incamera-parts-'));
    expect(readHearingRecording(root, HEARING)).toEqual([]);
    expect(lastPartNumber(root, HEARING)).toBe(0);
  });

  it('still fails loudly on a part.json that is not a part', () => {
    const root = recordingsWith([{ part: 1, sealed: false, begun: true }]);
    writeFileSync(
      join(hearingRecordingDir(root, HEARING), partDirName(1, false), 'part.json'),
      '{"part":"one"}',
    );
    expect(() => readHearingRecording(root, HEARING)).toThrow();
  });
});
