import type { TFunction } from 'i18next';

const fixedSteps: Record<string, string> = {
  done: 'evidence.steps.done',
  'audit excerpt': 'evidence.steps.auditExcerpt',
  minutes: 'evidence.steps.minutes',
  'minutes PDF': 'evidence.steps.minutesPdf',
};

/** The export's current step (the host words it in English, for its log) in the UI's language. */
export function exportStepText(t: TFunction, step: string): string {
  const fixed = fixedSteps[step];
  if (fixed) return t(fixed);
  const part = /^(finalising|redacting) (.+), part (\d+)$/.exec(step);
  if (part) return t(`evidence.steps.${part[1]}`, { label: part[2], part: part[3] });
  return step;
}
