/**
 * Every frame the witness's masking pipeline sent, judged by the independent detector: the page's
 * `?face-diagnostics` tap keeps the output frames, they are saved as PNG files, and each frame that
 * is not hidden whole goes to the independent judges (the two least masked also in upscaled tiles).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import {
  bestScores,
  HIDDEN_WHOLE_SHARE,
  judgeFrames,
  LEAK_RULE,
  type JudgedFrame,
  type SavedFrame,
} from './independent-judge';

export type TappedOutput = { tapped: number; notHidden: SavedFrame[] };
export type JudgedOutput = { tapped: number; hiddenWhole: number; judged: JudgedFrame[] };

/** Saves the page's tapped output frames under `dir`, except those hidden whole (only counted). */
export async function saveTappedOutput(page: Page, dir: string, name: string) {
  const shares = await page.evaluate(() => window.incameraFaceDiagnostics!.tappedMaskedShares());
  const notHidden: SavedFrame[] = [];
  for (const [index, share] of shares.entries()) {
    if (share >= HIDDEN_WHOLE_SHARE) continue;
    const url = await page.evaluate(
      (i) => window.incameraFaceDiagnostics!.tappedFramePng(i),
      index,
    );
    const png = Buffer.from(url.split(',')[1]!, 'base64');
    const file = join(dir, `${name}-out-${String(index).padStart(3, '0')}.png`);
    writeFileSync(file, png);
    // The PNG header's IHDR chunk holds the width and height at bytes 16 and 20.
    notHidden.push({ file, width: png.readUInt32BE(16), height: png.readUInt32BE(20) });
  }
  return { tapped: shares.length, notHidden } satisfies TappedOutput;
}

export async function judgeOutput({ tapped, notHidden }: TappedOutput): Promise<JudgedOutput> {
  const judged = await judgeFrames(notHidden, 2);
  return { tapped, hiddenWhole: tapped - notHidden.length, judged };
}

export async function judgeTappedOutput(page: Page, dir: string, name: string) {
  return judgeOutput(await saveTappedOutput(page, dir, name));
}

/** The files of the judged frames in which the independent detector found a face. */
export const framesWithFaces = (output: JudgedOutput) =>
  output.judged.filter((f) => f.faces.length > 0).map((f) => f.file);

export function describeOutput(name: string, output: JudgedOutput): string {
  return `${name}: ${output.tapped} output frames, ${output.hiddenWhole} hidden whole, ${output.judged.length} judged, ${framesWithFaces(output).length} with a face (${LEAK_RULE}), best score ${bestScores(output.judged) || '-'}`;
}
