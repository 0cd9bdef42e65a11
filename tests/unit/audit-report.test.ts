import { describe, expect, it } from 'vitest';
import { readAuditOutput } from '../../scripts/lib/audit-report';

describe('npm audit report', () => {
  it('says the advisory database was unreachable when the registry answers 405', () => {
    const answer = JSON.stringify({
      message:
        '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
      statusCode: 405,
      error: { summary: '', detail: '' },
    });
    expect(readAuditOutput(answer)).toEqual({
      kind: 'unreachable',
      reason: expect.stringContaining('405 Method Not Allowed'),
    });
    expect(readAuditOutput('not json')).toMatchObject({ kind: 'unreachable' });
  });

  it('lists high and critical advisories, with the explanations that exist', () => {
    const answer = JSON.stringify({
      vulnerabilities: {
        ws: { severity: 'high', via: [{ title: 'DoS in ws' }], fixAvailable: true },
        qrcode: { severity: 'critical', via: ['dijkstrajs'], fixAvailable: false },
        pino: { severity: 'moderate', via: [{ title: 'minor' }], fixAvailable: true },
      },
      metadata: { vulnerabilities: { high: 1, critical: 1, moderate: 1 } },
    });
    const outcome = readAuditOutput(answer, { qrcode: 'only renders codes the host made' });
    expect(outcome).toEqual({
      kind: 'audited',
      counts: { high: 1, critical: 1, moderate: 1 },
      advisories: [
        { name: 'ws', severity: 'high', titles: ['DoS in ws'], fixAvailable: true },
        {
          name: 'qrcode',
          severity: 'critical',
          titles: ['via dijkstrajs'],
          fixAvailable: false,
          explanation: 'only renders codes the host made',
        },
      ],
    });
  });
});
