import { useState, type ChangeEvent } from 'react';

type KeysOf<T, V> = { [K in keyof T]-?: T[K] extends V ? K : never }[keyof T];

/** What a text input, select or text area takes to show and change one string value. */
export type TextBinding = {
  value: string;
  onChange: (event: ChangeEvent<{ value: string }>) => void;
};
export type CheckboxBinding = {
  checked: boolean;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
};

export type FormBinding<T> = {
  values: T;
  set<K extends keyof T>(key: K, value: T[K]): void;
  /** Binds a string value to an input, select or text area: `<TextField {...form.text('name')} />`. */
  text<K extends KeysOf<T, string>>(key: K): TextBinding;
  checkbox<K extends KeysOf<T, boolean>>(key: K): CheckboxBinding;
  /** Binds membership of `item` in an array value to a checkbox (ticked: in the array). */
  member<K extends KeysOf<T, readonly unknown[]>>(
    key: K,
    item: T[K] extends readonly (infer I)[] ? I : never,
  ): CheckboxBinding;
};

/** Binds a form's values, held wherever `update` keeps them (a hook's state, a parent's). */
export function bindForm<T>(
  values: T,
  update: (change: (current: T) => T) => void,
): FormBinding<T> {
  const set = <K extends keyof T>(key: K, value: T[K]) =>
    update((current) => ({ ...current, [key]: value }));
  return {
    values,
    set,
    text: (key) => ({
      value: values[key] as string,
      onChange: (event) => set(key, event.target.value as T[typeof key]),
    }),
    checkbox: (key) => ({
      checked: values[key] as boolean,
      onChange: (event) => set(key, event.target.checked as T[typeof key]),
    }),
    member: (key, item) => {
      const list = values[key] as readonly unknown[];
      return {
        checked: list.includes(item),
        onChange: (event) =>
          set(
            key,
            (event.target.checked
              ? [...list, item]
              : list.filter((entry) => entry !== item)) as T[typeof key],
          ),
      };
    },
  };
}

/** A form's values in one state, with bindings for its fields and a reset to the initial values. */
export function useForm<T>(initial: T): FormBinding<T> & {
  reset(next?: T): void;
  /** Puts back the initial value of some fields (e.g. a name after it was added). */
  clear(...keys: Array<keyof T>): void;
} {
  const [values, setValues] = useState(initial);
  return {
    ...bindForm(values, setValues),
    reset: (next = initial) => setValues(next),
    clear: (...keys) =>
      setValues((current) => ({
        ...current,
        ...Object.fromEntries(keys.map((key) => [key, initial[key]])),
      })),
  };
}

/** A controlled part of a form (e.g. a fieldset) whose values its parent holds. */
export function bindControlled<T>(value: T, onChange: (next: T) => void): FormBinding<T> {
  return bindForm(value, (change) => onChange(change(value)));
}
