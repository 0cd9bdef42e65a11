/** The frontier table that `npm run eval:voice` ends with: every disguise measured, side by side. */
import { restoration, type KeyResult } from './voice-goals.js';

const pct = (value: number) => `${(100 * value).toFixed(1)}`.padStart(5);
const mean = (xs: number[]) => xs.reduce((sum, x) => sum + x, 0) / xs.length;

export function printFrontier(
  results: Map<string, KeyResult[]>,
  references: Map<number, KeyResult>,
): void {
  console.log(
    '\nFrontier (EER %, mean / worst key; 50 = chance; goals for standard: ignorant 35, lazy 20, restoration 25; words: recogniser errors, mean over keys)',
  );
  console.log(
    `  ${'disguise'.padEnd(20)} ${'ignorant'.padStart(13)} ${'lazy'.padStart(13)} ${'restoration'.padStart(13)} ${'words'.padStart(7)}`,
  );
  const row = (name: string, rows: KeyResult[]) => {
    const cell = (pick: (r: KeyResult) => number) =>
      `${pct(mean(rows.map(pick)))} / ${pct(Math.min(...rows.map(pick)))}`;
    const errors = rows.flatMap((r) => (r.errors === undefined ? [] : [r.errors]));
    const words = errors.length ? mean(errors).toFixed(1) : '-';
    console.log(
      `  ${name.padEnd(20)} ${cell((r) => r.ignorant)} ${cell((r) => r.lazy)} ${cell(restoration)} ${words.padStart(7)}`,
    );
  };
  for (const [cents, reference] of references) {
    if (!Number.isNaN(reference.ignorant)) row(`sox pitch +${cents}`, [reference]);
    else console.log(`  ${`sox pitch +${cents}`.padEnd(20)} words ${reference.errors ?? '-'}`);
  }
  for (const [name, rows] of results) row(name, rows);
}
