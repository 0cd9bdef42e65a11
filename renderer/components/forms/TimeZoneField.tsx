import { useMemo } from 'react';
import { timeZoneChoices, zoneWithOffset } from '../../../contract/records/time-zone';
import { SelectField } from './fields';
import type { TextBinding } from './useForm';

/** The court's time zone from the IANA list (Asia/Bishkek first, then this machine's), with offsets. */
export function TimeZoneField({
  label,
  hint,
  error,
  name,
  ...binding
}: TextBinding & { label: string; hint?: string; error?: string | undefined; name: string }) {
  const options = useMemo(() => {
    const now = new Date();
    return timeZoneChoices().map((zone) => ({ value: zone, label: zoneWithOffset(zone, now) }));
  }, []);
  return (
    <SelectField
      label={label}
      hint={hint}
      error={error}
      name={name}
      options={options}
      {...binding}
    />
  );
}
