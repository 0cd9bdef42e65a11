/** The rows and the goals that `npm run eval:voice` prints. */
import type { VoicePreset } from '../../media/core/voice/index.js';
import type { AttackFigures } from './shared-attacker.js';

export type KeyResult = AttackFigures & {
  key: string;
  /** Restoration by the disguise's own family (cents, formant scale, alpha), and which inverse. */
  family?: number;
  familyBy?: string;
  /** Recogniser word errors on the transcribed files. */
  errors?: number;
};

type Goals = { ignorant: number; restoration: number; lazy?: number; referenceCents: number };
const GOALS: Partial<Record<VoicePreset, Goals>> = {
  standard: { ignorant: 0.35, restoration: 0.25, lazy: 0.2, referenceCents: 300 },
  strong: { ignorant: 0.45, restoration: 0.35, referenceCents: 500 },
};

const pct = (value: number) => `${(100 * value).toFixed(1)}%`;
const mean = (xs: number[]) => xs.reduce((sum, x) => sum + x, 0) / xs.length;
/** The restoration that counts: the better of the attacker's pitch search and the family search. */
export const restoration = (r: KeyResult) => Math.min(r.restored, r.family ?? 1);

export function printRow(r: KeyResult): void {
  if (Number.isNaN(r.ignorant)) {
    console.log(
      `  ${r.key.padEnd(22)} not attacked (--no-references); recogniser errors ${r.errors ?? '-'}`,
    );
    return;
  }
  const family = r.family === undefined ? '' : `; family ${pct(r.family)} (${r.familyBy})`;
  const errors = r.errors === undefined ? '' : `; recogniser errors ${r.errors}`;
  console.log(
    `  ${r.key.padEnd(22)} original ${pct(r.original)} | ignorant ${pct(r.ignorant)} | lazy ${pct(r.lazy)} | restoration ${pct(restoration(r))} (sox ${r.restoredBy} ${pct(r.restored)}${family})${errors}`,
  );
}

export function printGoals(
  name: string,
  preset: VoicePreset,
  rows: KeyResult[],
  references: Map<number, KeyResult>,
  latencyMs: number,
  rtf: number,
): void {
  const goals = GOALS[preset];
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
  const worst = (pick: (r: KeyResult) => number) =>
    rows.reduce((a, b) => (pick(b) < pick(a) ? b : a));
  const line = (name: string, pick: (r: KeyResult) => number, goal?: number) => {
    const m = mean(rows.map(pick));
    const w = worst(pick);
    const judged = goal === undefined ? '' : ` — goal >= ${pct(goal)}: ${verdict(m >= goal)}`;
    console.log(`   ${name.padEnd(12)} mean ${pct(m)}, worst ${pct(pick(w))} (${w.key})${judged}`);
  };
  const against = name === preset ? '' : ` (against ${preset}'s goals)`;
  console.log(`\nGoals for ${name}${against}, on the mean over ${rows.length} key(s):`);
  line('ignorant', (r) => r.ignorant, goals?.ignorant);
  line('lazy', (r) => r.lazy, goals?.lazy);
  line('restoration', restoration, goals?.restoration);
  const reference = goals && references.get(goals.referenceCents);
  const errors = rows.flatMap((r) => (r.errors === undefined ? [] : [r.errors]));
  if (errors.length && reference?.errors !== undefined) {
    const m = mean(errors);
    console.log(
      `   recogniser   mean ${m.toFixed(1)} errors, worst ${Math.max(...errors)} — goal <= +${goals!.referenceCents} cents (${reference.errors}): ${verdict(m <= reference.errors)}`,
    );
  }
  console.log(
    `   delay        ${latencyMs.toFixed(1)} ms — goal <= 25 ms: ${verdict(latencyMs <= 25)}`,
  );
  console.log(`   real time    ${rtf.toFixed(4)} CPU — goal <= 0.05: ${verdict(rtf <= 0.05)}`);
}
