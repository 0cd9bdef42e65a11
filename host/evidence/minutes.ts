/**
 * The hearing's minutes as a self-contained HTML page (printed to PDF by pdf.ts): participants by
 * role (a witness only by pseudonym), the protective measures applied, the recording's parts, the
 * redactions and every audited event with its time. No real identity of a witness is ever read.
 */
export type MinutesInput = {
  caseNumber: string;
  courtroom: string;
  scheduledAt: string;
  participants: { role: string; name: string }[];
  measures: { pseudonym: string; items: string[] }[];
  parts: {
    part: number;
    closedSession: boolean;
    startedAt: string;
    stoppedAt?: string | undefined;
  }[];
  redactions: { fromAt: string; toAt: string; reason: string }[];
  events: { at: string; actorRole: string; action: string }[];
  missing: string[];
  exportedAt: string;
};

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const time = (iso: string) =>
  iso
    .replace('T', ' ')
    .replace(/\.\d+Z$/, ' UTC')
    .replace(/Z$/, ' UTC');

/** Plain words for the audit's actions; unknown ones are shown as recorded. */
const EVENT_WORDS: Record<string, string> = {
  'hearing.created': 'Hearing scheduled',
  'participant.added': 'Participant added',
  'evidence.exported': 'Evidence exported',
  'session.opened': 'Session opened',
  'session.joined': 'Participant joined',
  'session.rejoined': 'Participant reconnected',
  'session.join-refused': 'Join refused',
  'session.admitted': 'Participant admitted',
  'session.witness-called': 'Witness called in',
  'session.removed': 'Participant removed',
  'session.muted': 'Participant muted',
  'session.unmuted': 'Participant unmuted',
  'session.witness-video-paused': "Witness's picture paused",
  'session.witness-video-resumed': "Witness's picture resumed",
  'session.closed-session-on': 'Closed session began',
  'session.closed-session-off': 'Closed session ended',
  'session.screening-on': 'Screening on',
  'session.screening-off': 'Screening off',
  'session.ended': 'Hearing ended',
  'recording.started': 'Recording started',
  'recording.stopped': 'Recording stopped',
  'recording.redaction-marked': 'Redaction marked',
  'join-code.issued': 'Join code issued',
  'join-code.revoked': 'Join code withdrawn',
};

export function minutesHtml(input: MinutesInput): string {
  const rows = (cells: string[][]) =>
    cells.map((row) => `<tr>${row.map((c) => `<td>${escape(c)}</td>`).join('')}</tr>`).join('\n');
  const head = (names: string[]) =>
    `<tr>${names.map((n) => `<th>${escape(n)}</th>`).join('')}</tr>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Minutes: case ${escape(input.caseNumber)}</title>
<style>
body{font:11pt/1.4 "DejaVu Sans",Arial,sans-serif;margin:2em;color:#111}
h1{font-size:16pt}h2{font-size:12pt;margin-top:1.5em;border-bottom:1px solid #999}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #bbb;padding:3px 6px;text-align:left;vertical-align:top}
.warn{color:#8a1c00}
</style></head><body>
<h1>Minutes of the hearing — case ${escape(input.caseNumber)}</h1>
<p>Courtroom: ${escape(input.courtroom)} · Scheduled: ${escape(time(input.scheduledAt))} · Exported: ${escape(time(input.exportedAt))}</p>
<h2>Participants</h2>
<table>${head(['Role', 'Name or pseudonym'])}${rows(input.participants.map((p) => [p.role, p.name]))}</table>
<h2>Protective measures applied</h2>
${
  input.measures.length === 0
    ? '<p>None ordered.</p>'
    : `<table>${head(['Witness', 'Measures'])}${rows(input.measures.map((m) => [m.pseudonym, m.items.join('; ')]))}</table>`
}
<h2>Recording</h2>
${
  input.parts.length === 0
    ? '<p>The hearing was not recorded.</p>'
    : `<table>${head(['Part', 'Session', 'Started', 'Stopped'])}${rows(
        input.parts.map((p) => [
          String(p.part),
          p.closedSession ? 'closed (sealed record)' : 'open',
          time(p.startedAt),
          p.stoppedAt ? time(p.stoppedAt) : 'not stopped (interrupted)',
        ]),
      )}</table>`
}
${input.missing.map((m) => `<p class="warn">${escape(m)}</p>`).join('\n')}
<h2>Redactions in the public copy</h2>
${
  input.redactions.length === 0
    ? '<p>None.</p>'
    : `<table>${head(['From', 'To', 'Reason'])}${rows(input.redactions.map((r) => [time(r.fromAt), time(r.toAt), r.reason || '—']))}</table>`
}
<h2>Events</h2>
<table>${head(['Time', 'By', 'Event'])}${rows(
    input.events.map((e) => [time(e.at), e.actorRole, EVENT_WORDS[e.action] ?? e.action]),
  )}</table>
</body></html>
`;
}
