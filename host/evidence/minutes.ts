/**
 * The hearing's minutes as a self-contained HTML page (printed to PDF by pdf.ts): participants by
 * role (a witness only by pseudonym), the protective measures applied, the recording's parts, the
 * redactions and every audited event with its time. No real identity of a witness is ever read.
 */
import type { UiLanguage } from '../../contract/i18n/languages.js';
import {
  eventText,
  measureText,
  minutesWords,
  missingText,
  roleWord,
  type MeasureItem,
  type MinutesWords,
  type MissingNote,
} from './minutes-i18n/index.js';

/** A participant: by name, by role and number, or a witness whose protective order is not linked. */
export type MinutesParticipant =
  | { role: string; name: string }
  | { role: string; unnamedId: number }
  | { role: 'witness'; withoutOrder: true };

export type MinutesInput = {
  caseNumber: string;
  courtroom: string;
  scheduledAt: string;
  participants: MinutesParticipant[];
  measures: { pseudonym: string; items: MeasureItem[] }[];
  parts: {
    part: number;
    closedSession: boolean;
    startedAt: string;
    stoppedAt?: string | undefined;
  }[];
  redactions: { fromAt: string; toAt: string; reason: string }[];
  events: { at: string; actorRole: string; action: string }[];
  missing: MissingNote[];
  exportedAt: string;
  /** The evidence-signing key and the audit log's head, printed so paper outlives the files. */
  integrity?: { fingerprint: string; publicKey: string; auditHead: { seq: number; hash: string } };
};

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const time = (iso: string) =>
  iso
    .replace('T', ' ')
    .replace(/\.\d+Z$/, ' UTC')
    .replace(/Z$/, ' UTC');

export function minutesHtml(input: MinutesInput, language: UiLanguage = 'en'): string {
  const w = minutesWords[language];
  const participantName = (p: MinutesParticipant) =>
    'name' in p
      ? p.name
      : 'unnamedId' in p
        ? w.unnamed(roleWord(w, p.role), p.unnamedId)
        : w.witnessWithoutOrder;
  const rows = (cells: string[][]) =>
    cells.map((row) => `<tr>${row.map((c) => `<td>${escape(c)}</td>`).join('')}</tr>`).join('\n');
  const head = (names: string[]) =>
    `<tr>${names.map((n) => `<th>${escape(n)}</th>`).join('')}</tr>`;
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8">
<title>${escape(w.title(input.caseNumber))}</title>
<style>
body{font:11pt/1.4 "DejaVu Sans",Arial,sans-serif;margin:2em;color:#111}
h1{font-size:16pt}h2{font-size:12pt;margin-top:1.5em;border-bottom:1px solid #999}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #bbb;padding:3px 6px;text-align:left;vertical-align:top}
.warn{color:#8a1c00}
</style></head><body>
<h1>${escape(w.heading(input.caseNumber))}</h1>
<p>${escape(w.courtroom)}: ${escape(input.courtroom)} · ${escape(w.scheduled)}: ${escape(time(input.scheduledAt))} · ${escape(w.exported)}: ${escape(time(input.exportedAt))}</p>
<h2>${escape(w.participants)}</h2>
<table>${head([w.role, w.nameOrPseudonym])}${rows(input.participants.map((p) => [roleWord(w, p.role), participantName(p)]))}</table>
<h2>${escape(w.measuresHeading)}</h2>
${
  input.measures.length === 0
    ? `<p>${escape(w.noneOrdered)}</p>`
    : `<table>${head([w.witness, w.measures])}${rows(input.measures.map((m) => [m.pseudonym, m.items.map((item) => measureText(w, item)).join('; ')]))}</table>`
}
<h2>${escape(w.recording)}</h2>
${
  input.parts.length === 0
    ? `<p>${escape(w.notRecorded)}</p>`
    : `<table>${head([w.part, w.session, w.started, w.stopped])}${rows(
        input.parts.map((p) => [
          String(p.part),
          p.closedSession ? w.closedSession : w.openSession,
          time(p.startedAt),
          p.stoppedAt ? time(p.stoppedAt) : w.notStopped,
        ]),
      )}</table>`
}
${input.missing.map((m) => `<p class="warn">${escape(missingText(w, m))}</p>`).join('\n')}
<h2>${escape(w.redactionsHeading)}</h2>
${
  input.redactions.length === 0
    ? `<p>${escape(w.none)}</p>`
    : `<table>${head([w.from, w.to, w.reason])}${rows(input.redactions.map((r) => [time(r.fromAt), time(r.toAt), r.reason || '—']))}</table>`
}
${input.integrity ? integritySection(w, input.integrity) : ''}
<h2>${escape(w.events)}</h2>
<table>${head([w.time, w.by, w.event])}${rows(
    input.events.map((e) => [time(e.at), roleWord(w, e.actorRole), eventText(w, e.action)]),
  )}</table>
</body></html>
`;
}

function integritySection(
  w: MinutesWords,
  integrity: NonNullable<MinutesInput['integrity']>,
): string {
  const code = (text: string) => `<code style="word-break:break-all">${escape(text)}</code>`;
  return `<h2>${escape(w.integrity.heading)}</h2>
<p>${escape(w.integrity.fingerprint)}: ${code(integrity.fingerprint)}</p>
<p>${escape(w.integrity.publicKey)}: ${code(integrity.publicKey)}</p>
<p>${escape(w.integrity.auditHead(integrity.auditHead.seq))}: ${code(integrity.auditHead.hash)}</p>
<p>${escape(w.integrity.explain)}</p>`;
}
