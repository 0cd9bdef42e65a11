import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from 'react';
import { Field } from './Field';
import type { TextBinding } from './useForm';

type Labelled = {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  name: string;
};

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'name'>;

/** A labelled text (or number, date…) input bound to one value of a form. */
export function TextField({
  label,
  error,
  hint,
  value,
  onChange,
  ...input
}: Labelled & TextBinding & InputProps) {
  return (
    <Field label={label} error={error} hint={hint}>
      {(props) => <input {...props} {...input} value={value} onChange={onChange} />}
    </Field>
  );
}

export { DateField } from './DateField';

export function TextAreaField({
  label,
  error,
  hint,
  value,
  onChange,
  ...area
}: Labelled &
  TextBinding &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange' | 'name'>) {
  return (
    <Field label={label} error={error} hint={hint}>
      {(props) => <textarea {...props} {...area} value={value} onChange={onChange} />}
    </Field>
  );
}

export type SelectOption = { value: string | number; label: ReactNode };

/** A labelled choice; `placeholder` is the empty first option ("Choose…", "Not ordered"). */
export function SelectField({
  label,
  error,
  hint,
  name,
  value,
  onChange,
  placeholder,
  options,
}: Labelled & TextBinding & { placeholder?: string; options: readonly SelectOption[] }) {
  return (
    <Field label={label} error={error} hint={hint}>
      {(props) => (
        <select {...props} name={name} value={value} onChange={onChange}>
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A checkbox with its label after it, as the forms' yes/no measures are shown. */
export function CheckboxField({
  label,
  ...input
}: { label: ReactNode; checked: boolean } & Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'type' | 'checked'
>) {
  return (
    <label className="check">
      <input type="checkbox" {...input} />
      {label}
    </label>
  );
}
