import { useFormat } from '../../i18n/format';
import { useHearings } from './hearings-context';

/** A hearing chosen from the screen's list (HearingsProvider), for a panel that works on one. */
export function HearingPicker({
  label,
  placeholder,
  name,
  value,
  onChange,
}: {
  label: string;
  placeholder: string;
  name: string;
  value: number | undefined;
  onChange(id: number | undefined): void;
}) {
  const { hearings } = useHearings();
  const format = useFormat();
  return (
    <label className="field">
      {label}
      <select
        name={name}
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value ? Number(event.target.value) : undefined)}
      >
        <option value="">{placeholder}</option>
        {hearings.map((h) => (
          <option key={h.id} value={h.id}>
            {h.caseNumber} · {format.dateTime(h.scheduledAt)} · {h.courtroom}
          </option>
        ))}
      </select>
    </label>
  );
}
