/** The clerk forms' toolkit: value bindings, and the markup a field renders (labels, errors, ids). */
import { createElement, type ChangeEvent } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SelectField, TextField } from '../../../renderer/components/forms/fields';
import { bindForm } from '../../../renderer/components/forms/useForm';

const draft = { name: '', sealed: false, roles: ['accused'] as string[] };
type Draft = typeof draft;

/** A binding over `values` whose updates land in the returned holder. */
function bound(values: Draft) {
  const holder = { values };
  return { holder, form: bindForm(values, (change) => (holder.values = change(holder.values))) };
}
const typed = (value: string) => ({ target: { value } }) as ChangeEvent<{ value: string }>;
const ticked = (checked: boolean) => ({ target: { checked } }) as ChangeEvent<HTMLInputElement>;

describe('bindForm', () => {
  it('binds a text value and changes only that field', () => {
    const { holder, form } = bound(draft);
    expect(form.text('name').value).toBe('');
    form.text('name').onChange(typed('Aida'));
    expect(holder.values).toEqual({ ...draft, name: 'Aida' });
  });

  it('binds a checkbox to a boolean', () => {
    const { holder, form } = bound(draft);
    expect(form.checkbox('sealed').checked).toBe(false);
    form.checkbox('sealed').onChange(ticked(true));
    expect(holder.values.sealed).toBe(true);
  });

  it('binds a checkbox to membership of an array, adding and removing the one item', () => {
    const { holder, form } = bound(draft);
    expect(form.member('roles', 'accused').checked).toBe(true);
    expect(form.member('roles', 'observer').checked).toBe(false);
    form.member('roles', 'observer').onChange(ticked(true));
    expect(holder.values.roles).toEqual(['accused', 'observer']);
    bindForm(holder.values, (change) => (holder.values = change(holder.values)))
      .member('roles', 'accused')
      .onChange(ticked(false));
    expect(holder.values.roles).toEqual(['observer']);
  });
});

describe('field markup', () => {
  const noChange = () => undefined;

  it('labels the control, and ties its error and hint to it for screen readers', () => {
    const html = renderToStaticMarkup(
      createElement(TextField, {
        label: 'Case number',
        hint: 'As on the court file',
        error: 'Already registered',
        name: 'case-number',
        value: 'CR-1',
        onChange: noChange,
      }),
    );
    const id = /<label for="([^"]+)"/.exec(html)?.[1];
    expect(id).toBeTruthy();
    expect(html).toContain(`id="${id}"`);
    expect(html).toContain('name="case-number"');
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain(`aria-describedby="${id}-hint ${id}-error"`);
    expect(html).toContain(
      `<span id="${id}-error" class="field-error" role="alert">Already registered</span>`,
    );
  });

  it('renders a select with its empty placeholder first, and no error when there is none', () => {
    const html = renderToStaticMarkup(
      createElement(SelectField, {
        label: 'Role',
        name: 'participant-role',
        placeholder: 'Choose…',
        options: [
          { value: 'judge', label: 'Judge' },
          { value: 7, label: 'Seven' },
        ],
        value: '',
        onChange: noChange,
      }),
    );
    expect(html).toMatch(
      /<select[^>]*name="participant-role"[^>]*><option value="" selected="">Choose…<\/option><option value="judge">Judge<\/option><option value="7">Seven<\/option><\/select>/,
    );
    expect(html).toContain('aria-invalid="false"');
    expect(html).not.toContain('role="alert"');
  });
});
