/**
 * The export's handling of closed-session parts: their segments, sealed on disk, are opened into the
 * export's temporary folder only to build the master, and the master is sealed again (a fresh part
 * key for the court's sealing key) before anything is renamed into place.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { KeyObject } from 'node:crypto';
import { newPartKey, sealFile, unsealFile, unwrapPartKey } from '../records/crypto/sealed-media.js';
import type { RecordedPart } from '../recording/layout.js';
import { SEALED_SUFFIX, segmentOnDisk } from '../recording/segment-hashes.js';
import { copyFile } from 'node:fs/promises';

/** Points each closed-session track at a temporary folder of its opened segments. */
export async function openSealedSegments(
  parts: RecordedPart[],
  tempDir: string,
  courtPrivateKey: KeyObject,
): Promise<void> {
  for (const part of parts) {
    if (!part.meta.closedSession) continue;
    for (const track of part.tracks) {
      const openedDir = join(tempDir, basename(part.dir), basename(track.dir));
      mkdirSync(openedDir, { recursive: true });
      for (const segment of track.segments) {
        const onDisk = segmentOnDisk(track.dir, segment.file);
        const opened = join(openedDir, segment.file);
        // A segment the host had no time to seal (killed just after it closed) is copied as found.
        if (onDisk.endsWith(SEALED_SUFFIX))
          await unsealFile(onDisk, opened, (wrap) => unwrapPartKey(wrap, courtPrivateKey));
        else await copyFile(onDisk, opened);
      }
      track.dir = openedDir;
    }
  }
}

/** Seals an exported closed-session master in place of its plain file; returns the sealed path. */
export async function sealExportedFile(plain: string, courtPublicKey: KeyObject): Promise<string> {
  const sealed = `${plain}${SEALED_SUFFIX}`;
  await sealFile(plain, sealed, newPartKey(courtPublicKey));
  rmSync(plain);
  return sealed;
}
