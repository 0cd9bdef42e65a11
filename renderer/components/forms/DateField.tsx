import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { courtTimeZone, readDate, readTime, SAMPLE_DATE, writeDate } from '../../i18n/date-entry';
import { useCourtZone } from '../../i18n/court-zone';
import { errorsNamespace } from '../../i18n/errors';
import { Field } from './Field';
import type { TextBinding } from './useForm';

type DateFieldProps = TextBinding & {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  name: string;
  /** A date and a 24-hour time (`YYYY-MM-DDTHH:MM`) instead of a date (`YYYY-MM-DD`). */
  withTime?: boolean;
};

const splitValue = (value: string) => {
  const match = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}))?$/.exec(value);
  return match ? { date: match[1]!, time: match[2] ?? '' } : undefined;
};

/**
 * The app's own date (and time) field: typed in the user's language's form (`dd.mm.yyyy` in ru
 * and ky, `yyyy-mm-dd` in en; 24-hour time), whatever the browser's locale. Its value stays the
 * wire form; what cannot be read gets the field's own message, in the user's language, on leaving.
 */
export function DateField({
  withTime = false,
  label,
  error,
  hint,
  name,
  value,
  onChange,
}: DateFieldProps) {
  const { t, i18n } = useTranslation();
  const zone = useCourtZone();
  const language = i18n.language;
  const timeId = useId();
  const initial = splitValue(value);
  const [dateText, setDateText] = useState(initial ? writeDate(initial.date, language) : value);
  const [timeText, setTimeText] = useState(initial?.time ?? '');
  const [touched, setTouched] = useState(false);
  const [seen, setSeen] = useState({ value, language });

  // A value set from outside (a reset, a prefilled form), or another language, rewrites the text.
  if (seen.value !== value || seen.language !== language) {
    const parts = splitValue(value);
    if (seen.value !== value) {
      setTimeText(parts?.time ?? '');
      setDateText(parts ? writeDate(parts.date, language) : value);
      if (value === '') setTouched(false);
    } else if (parts) setDateText(writeDate(parts.date, language));
    setSeen({ value, language });
  }

  const emit = (nextDate: string, nextTime: string) => {
    const date = readDate(nextDate, language);
    const time = readTime(nextTime);
    const blank = nextDate.trim() === '' && (!withTime || nextTime.trim() === '');
    const next = blank
      ? ''
      : date && (!withTime || time)
        ? withTime
          ? `${date}T${time}`
          : date
        : nextDate.trim();
    setSeen({ value: next, language });
    onChange({ target: { value: next } } as ChangeEvent<{ value: string }>);
  };

  const onDate = (text: string) => {
    // A pasted `2026-03-02T09:30` fills both parts.
    const pasted = withTime ? /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/.exec(text.trim()) : null;
    if (pasted) {
      setDateText(writeDate(pasted[1]!, language));
      setTimeText(pasted[2]!);
      return emit(pasted[1]!, pasted[2]!);
    }
    setDateText(text);
    emit(text, timeText);
  };
  const onTime = (text: string) => {
    setTimeText(text);
    emit(dateText, text);
  };

  const dateProblem =
    dateText.trim() !== '' && !readDate(dateText, language)
      ? t('date.local-format', {
          ns: errorsNamespace,
          pattern: t('dates.pattern'),
          example: writeDate(SAMPLE_DATE, language),
        })
      : undefined;
  const timeProblem =
    withTime && timeText.trim() !== '' && !readTime(timeText)
      ? t('time.local-format', { ns: errorsNamespace })
      : undefined;
  const shown = (touched ? (dateProblem ?? timeProblem) : undefined) ?? error;
  const formHint = [
    hint,
    t('dates.formHint', { pattern: t('dates.pattern') }),
    withTime ? t('dates.timeZone', { zone: courtTimeZone(zone) }) : undefined,
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <Field label={label} error={shown} hint={formHint}>
      {(props) => (
        <span className="date-entry">
          <input
            {...props}
            name={name}
            inputMode="numeric"
            autoComplete="off"
            placeholder={t('dates.pattern')}
            value={dateText}
            onChange={(event) => onDate(event.target.value)}
            onBlur={() => setTouched(true)}
            size={12}
          />
          {withTime && (
            <span className="date-entry-time">
              <label htmlFor={timeId}>{t('dates.time')}</label>
              <input
                id={timeId}
                name={`${name}-time`}
                inputMode="numeric"
                autoComplete="off"
                placeholder={t('dates.timePattern')}
                aria-invalid={Boolean(touched && timeProblem)}
                value={timeText}
                onChange={(event) => onTime(event.target.value)}
                onBlur={() => setTouched(true)}
                size={6}
              />
            </span>
          )}
        </span>
      )}
    </Field>
  );
}
