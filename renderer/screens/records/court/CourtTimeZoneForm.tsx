import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../../../api/client';
import { FormMessage } from '../../../components/forms/FormMessage';
import { TimeZoneField } from '../../../components/forms/TimeZoneField';
import { useApiForm } from '../../../components/forms/useApiForm';
import { useForm } from '../../../components/forms/useForm';
import { setCourtZone, useCourtZone } from '../../../i18n/court-zone';

/** The clerk changes the court's time zone; every screen and document of this window follows. */
export function CourtTimeZoneForm() {
  const { t } = useTranslation();
  const zone = useCourtZone();
  const fields = useForm({ timeZone: zone });
  const [saved, setSaved] = useState<string>();
  const form = useApiForm();
  return (
    <form
      noValidate
      className="court-time-zone"
      aria-labelledby="court-time-zone-title"
      onSubmit={async (event) => {
        event.preventDefault();
        setSaved(undefined);
        const result = await form.submit(() =>
          callApi('records:set-time-zone', { timeZone: fields.values.timeZone }),
        );
        if (!result) return;
        setCourtZone(result.timeZone);
        setSaved(t('courtZone.saved', { zone: result.timeZone }));
      }}
    >
      <h2 id="court-time-zone-title">{t('courtZone.title')}</h2>
      <TimeZoneField
        label={t('courtZone.label')}
        hint={t('courtZone.hint')}
        error={form.errors.fields.timeZone}
        name="court-time-zone"
        {...fields.text('timeZone')}
      />
      <FormMessage errors={form.errors} success={saved} />
      <button type="submit" className="button" disabled={form.busy}>
        {t('courtZone.save')}
      </button>
    </form>
  );
}
