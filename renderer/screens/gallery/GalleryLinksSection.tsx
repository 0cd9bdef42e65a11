import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../i18n/errors';
import { useFormat } from '../../i18n/format';
import { callApi } from '../../api/client';
import { type GalleryLink, type IssuedLink } from './gallery-api';
import { IssuedLinkCard } from './IssuedLinkCard';

const LABEL_MAX = 80;

/**
 * The clerk's gallery links for one hearing: issue one with a label (its address is shown once,
 * with a copy button and a QR code), see who has one, revoke.
 */
export function GalleryLinksSection({ hearingId }: { hearingId: number }) {
  const { t } = useTranslation();
  const describe = useErrorText();
  const format = useFormat();
  const [links, setLinks] = useState<GalleryLink[]>([]);
  const [label, setLabel] = useState('');
  // Kept with its hearing, so a section moved to another hearing never shows this one's link.
  const [issuedFor, setIssuedFor] = useState<{ hearingId: number; issued: IssuedLink }>();
  const issued = issuedFor?.hearingId === hearingId ? issuedFor.issued : undefined;
  const [problem, setProblem] = useState<unknown>();

  const reload = useCallback(() => {
    callApi('gallery:links', { hearingId }).then(
      (answer) => setLinks(answer.links),
      (error: unknown) => setProblem(error),
    );
  }, [hearingId]);
  useEffect(reload, [reload]);

  const act = async (run: () => Promise<void>) => {
    setProblem(undefined);
    try {
      await run();
    } catch (error) {
      setProblem(error);
    }
    reload();
  };

  return (
    <div data-testid="gallery-links">
      <p className="muted">{t('gallery.links.intro')}</p>
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          void act(async () => {
            const answer = await callApi('gallery:issue-link', {
              hearingId,
              label: label.trim(),
            });
            setIssuedFor({ hearingId, issued: answer });
            setLabel('');
          });
        }}
      >
        <label className="field">
          {t('gallery.links.label')}
          <input
            name="gallery-link-label"
            value={label}
            maxLength={LABEL_MAX}
            required
            placeholder={t('gallery.links.labelExample')}
            onChange={(event) => setLabel(event.target.value)}
          />
        </label>
        <button type="submit" className="button primary" disabled={label.trim() === ''}>
          {t('gallery.links.issue')}
        </button>
      </form>
      {issued && <IssuedLinkCard issued={issued} />}
      {problem !== undefined && (
        <p className="error" role="alert">
          {describe(problem)}
        </p>
      )}
      {links.length === 0 ? (
        <p className="muted" data-testid="gallery-links-none">
          {t('gallery.links.none')}
        </p>
      ) : (
        <table className="records-table" data-testid="gallery-link-list">
          <thead>
            <tr>
              <th scope="col">{t('gallery.links.label')}</th>
              <th scope="col">{t('gallery.links.issued')}</th>
              <th scope="col">{t('gallery.links.status')}</th>
              <th scope="col">{t('gallery.links.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {links.map((link) => (
              <tr key={link.id} data-testid={`gallery-link-${link.id}`}>
                <td>{link.label}</td>
                <td>
                  {t('gallery.links.issuedBy', {
                    when: format.dateTime(link.issuedAt),
                    who: link.issuedBy,
                  })}
                </td>
                <td>
                  {link.revokedAt
                    ? t('gallery.links.revokedAt', { when: format.dateTime(link.revokedAt) })
                    : t('gallery.links.active')}
                </td>
                <td>
                  {!link.revokedAt && (
                    <button
                      type="button"
                      className="button secondary small"
                      aria-label={t('gallery.links.revokeNamed', { label: link.label })}
                      onClick={() =>
                        void act(async () => {
                          await callApi('gallery:revoke-link', { linkId: link.id });
                        })
                      }
                    >
                      {t('gallery.links.revoke')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
