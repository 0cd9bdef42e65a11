/** The clerk's addresses: every page and section round-trips, and a bad address falls back safely. */
import { describe, expect, it } from 'vitest';
import { hearingSections, hrefFor, parseRoute, type Route } from '../../../renderer/routing';

describe("the clerk's routes", () => {
  it('reads a hearing section, a case and a tab, and writes them back the same', () => {
    const routes: Route[] = [
      { screen: 'hearings' },
      { screen: 'hearings', when: 'past' },
      { screen: 'case', caseId: 7 },
      ...hearingSections.map((section) => ({ screen: 'hearing' as const, hearingId: 42, section })),
    ];
    for (const route of routes) expect(parseRoute(hrefFor(route))).toEqual(route);
    expect(parseRoute('#/hearings/42/codes')).toEqual({
      screen: 'hearing',
      hearingId: 42,
      section: 'codes',
    });
    expect(hrefFor({ screen: 'hearing', hearingId: 42, section: 'overview' })).toBe(
      '#/hearings/42',
    );
  });

  it('treats an unknown section as the overview, and a bad id or tab as no page of its own', () => {
    expect(parseRoute('#/hearings/42/nonsense')).toMatchObject({ section: 'overview' });
    expect(parseRoute('#/hearings/0')).toEqual({ screen: 'home' });
    expect(parseRoute('#/hearings/12abc')).toEqual({ screen: 'home' });
    expect(parseRoute('#/cases/-1')).toEqual({ screen: 'home' });
    expect(parseRoute('#/hearings?when=tomorrow')).toEqual({ screen: 'hearings' });
    expect(parseRoute('#/clerk')).toEqual({ screen: 'clerk' });
  });
});
