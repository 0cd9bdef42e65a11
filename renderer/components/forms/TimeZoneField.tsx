import { useMemo } from 'react';
import { isTimeZone, timeZoneChoices, zoneWithOffset } from '../../../contract/records/time-zone';
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
  const current = binding.value;
  const options = useMemo(() => {
    const now = new Date();
    // A stored zone this list lacks (an alias such as Etc/GMT-6) stays choosable.
    const zones = timeZoneChoices();
    return (zones.includes(current) || !isTimeZone(current) ? zones : [current, ...zones]).map(
      (zone) => ({
        value: zone,
        label: zoneWithOffset(zone, now),
      }),
    );
  }, [current]);
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
