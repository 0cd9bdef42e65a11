/**
 * Reads `npm audit --json`: the high and critical advisories of the runtime dependencies, or why
 * the advisory database could not be asked (offline, or a registry mirror without the audit API).
 */
export type Advisory = {
  name: string;
  severity: 'high' | 'critical';
  titles: string[];
  fixAvailable: boolean;
  /** Why it does not reach InCamera, where someone has looked and written it down. */
  explanation?: string;
};

export type AuditOutcome =
  | { kind: 'unreachable'; reason: string }
  | { kind: 'audited'; counts: Record<string, number>; advisories: Advisory[] };

type AuditJson = {
  error?: { summary?: string; code?: string };
  message?: string;
  statusCode?: number;
  vulnerabilities?: Record<
    string,
    { severity?: string; via?: Array<string | { title?: string }>; fixAvailable?: unknown }
  >;
  metadata?: { vulnerabilities?: Record<string, number> };
};

export function readAuditOutput(
  stdout: string,
  explanations: Readonly<Record<string, string>> = {},
): AuditOutcome {
  let json: AuditJson;
  try {
    json = JSON.parse(stdout) as AuditJson;
  } catch {
    return { kind: 'unreachable', reason: 'npm audit gave no readable answer' };
  }
  if (!json.vulnerabilities) {
    const reason =
      json.message ??
      json.error?.summary ??
      (json.statusCode ? `HTTP ${json.statusCode}` : 'no advisory data in the answer');
    return { kind: 'unreachable', reason };
  }
  const advisories: Advisory[] = [];
  for (const [name, entry] of Object.entries(json.vulnerabilities)) {
    if (entry.severity !== 'high' && entry.severity !== 'critical') continue;
    const explanation = explanations[name];
    advisories.push({
      name,
      severity: entry.severity,
      titles: (entry.via ?? []).map((via) =>
        typeof via === 'string' ? `via ${via}` : (via.title ?? 'advisory'),
      ),
      fixAvailable: Boolean(entry.fixAvailable),
      ...(explanation ? { explanation } : {}),
    });
  }
  return { kind: 'audited', counts: json.metadata?.vulnerabilities ?? {}, advisories };
}
