import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../i18n/errors';
import { useFormat } from '../../../i18n/format';
import { hrefFor, type HearingSection } from '../../../routing';
import { EvidencePanel } from '../../evidence/EvidencePanel';
import { HearingStatus } from '../HearingStatus';
import { JoinCodesPanel } from '../JoinCodesPanel';
import type { Hearing } from '../types';
import { useApiQuery } from '../use-api-query';
import { WitnessRoomCheckPanel } from '../WitnessRoomCheckPanel';
import { GalleryLinksSection } from '../../gallery/GalleryLinksSection';
import { HearingGallerySection } from './HearingGallerySection';
import { HearingOverview } from './HearingOverview';
import { HearingSectionNav } from './HearingSectionNav';
import { ParticipantsSection } from './ParticipantsSection';
import { WitnessesSection } from './WitnessesSection';

/** One hearing, one section at a time; the section is part of the address, so a reload keeps it. */
export function HearingPage({
  hearingId,
  section,
}: {
  hearingId: number;
  section: HearingSection;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const describe = useErrorText();
  const { data: hearing, problem, reload } = useApiQuery('hearings:get', { id: hearingId });
  if (problem !== undefined && !hearing)
    return (
      <div className="panel" role="alert">
        <p className="error">{describe(problem)}</p>
        <a href={hrefFor({ screen: 'hearings' })}>{t('clerk.nav.allHearings')}</a>
      </div>
    );
  if (!hearing || hearing.id !== hearingId) return <p className="muted">{t('records.loading')}</p>;
  return (
    <div className="clerk-page" data-testid="hearing-page" data-hearing-id={hearing.id}>
      <nav aria-label={t('clerk.nav.breadcrumb')} className="breadcrumb">
        <ol>
          <li>
            <a href={hrefFor({ screen: 'hearings' })}>{t('clerk.nav.allHearings')}</a>
          </li>
          <li>
            <a href={hrefFor({ screen: 'case', caseId: hearing.caseId })}>
              {t('clerk.nav.case', { number: hearing.caseNumber })}
            </a>
          </li>
        </ol>
      </nav>
      <div className="hearing-title">
        <h2 data-testid="hearing-title">
          {t('clerk.nav.hearingTitle', {
            number: hearing.caseNumber,
            when: format.dateTime(hearing.scheduledAt),
            courtroom: hearing.courtroom,
          })}
        </h2>
        <HearingStatus status={hearing.status} />
      </div>
      <div className="hearing-layout">
        <HearingSectionNav hearingId={hearing.id} current={section} />
        <SectionPanel section={section}>
          <SectionBody section={section} hearing={hearing} onChanged={reload} />
        </SectionPanel>
      </div>
    </div>
  );
}

/** The section's own heading; focus moves to it when the clerk goes from section to section. */
function SectionPanel({ section, children }: { section: HearingSection; children: ReactNode }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const shown = useRef(section);
  useEffect(() => {
    if (shown.current !== section) heading.current?.focus();
    shown.current = section;
  }, [section]);
  return (
    <section
      className="panel hearing-section"
      aria-labelledby="hearing-section-title"
      data-testid={`hearing-section-${section}`}
    >
      <h3 id="hearing-section-title" ref={heading} tabIndex={-1}>
        {t(`clerk.nav.sections.${section}`)}
      </h3>
      {children}
    </section>
  );
}

function SectionBody({
  section,
  hearing,
  onChanged,
}: {
  section: HearingSection;
  hearing: Hearing;
  onChanged: () => void;
}) {
  switch (section) {
    case 'overview':
      return <HearingOverview hearing={hearing} onChanged={onChanged} />;
    case 'participants':
      return <ParticipantsSection hearingId={hearing.id} onChanged={onChanged} />;
    case 'witnesses':
      return <WitnessesSection caseId={hearing.caseId} caseNumber={hearing.caseNumber} />;
    case 'codes':
      return <JoinCodesPanel hearing={hearing} />;
    case 'preflight':
      return <WitnessRoomCheckPanel hearingId={hearing.id} />;
    case 'evidence':
      return <EvidencePanel hearingId={hearing.id} canRedact={false} />;
    case 'gallery':
      return (
        <HearingGallerySection hearing={hearing}>
          <GalleryLinksSection hearingId={hearing.id} />
        </HearingGallerySection>
      );
  }
}
