/**
 * What every screen of a chained E2E must pass, collected rather than thrown so one run lists them
 * all: axe (0 serious/critical), and in each language a screenshot, no raw message key, nothing
 * wider than the window, no English line in ru/ky, dates in the language's own form.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { wholeMessages, type Language } from './catalogues';
import { saveScreenshot } from './fixtures';

const rawKey =
  /\b(?:app|home|roles|records|clerk|hearing|join|documents|evidence|forms|setup|lifecycle|dates|practice|varyOrder|orderHistory|correctIdentity)\.[a-zA-Z-]+(?:\.[a-zA-Z-]+)*\b/;
/** An ASCII-only line of two or more words: English that reached a ru/ky screen untranslated. */
const englishLine = /^[\x20-\x7E]*[A-Za-z]{3,}[^A-Za-z]+[A-Za-z]{3,}[\x20-\x7E]*$/;
const isoDate = /\b\d{4}-\d{2}-\d{2}\b/;
const slashDate = /\b\d{1,2}\/\d{1,2}\/\d{4}\b/;
const localDate = /\b\d{2}\.\d{2}\.\d{4}\b/;

const foreignCache = new Map<Language, Set<string>>();
/** Messages of the other languages that this one does not share (a sentence left untranslated). */
function foreignMessages(language: Language): Set<string> {
  let foreign = foreignCache.get(language);
  if (!foreign) {
    const own = wholeMessages(language);
    foreign = new Set(
      (['en', 'ru', 'ky'] as Language[])
        .filter((other) => other !== language)
        .flatMap((other) => [...wholeMessages(other)])
        .filter((text) => text.length >= 8 && text.includes(' ') && !own.has(text)),
    );
    foreignCache.set(language, foreign);
  }
  return foreign;
}

export type ScreenCheck = {
  /** The language switch to use (the app's, or a document preview's). */
  switchId?: string;
  /** Where to look (axe and text); the whole page by default. */
  within?: string;
  /** axe only here: a state of a screen already checked whole (a form opened, an error shown). */
  axeWithin?: string;
  /** Text that is data, not interface (names, numbers the user typed): never judged as English. */
  data?: readonly string[];
  /** The screen shows a date: ru and ky must show at least one as dd.mm.yyyy. */
  showsDate?: boolean;
  /** Emulate print for the screenshots (documents). */
  print?: boolean;
};

export class ScreenChecks {
  readonly problems: string[] = [];
  /** Time spent checking and photographing, apart from the chain itself: in all, axe, screenshots. */
  readonly spentMs = { all: 0, axe: 0, screenshots: 0 };
  constructor(
    private readonly folder: string,
    /** The chain's own language: checked last, so the page is left in it. */
    private readonly home: Language,
  ) {}

  async seriousViolations(page: Page, within?: string): Promise<string[]> {
    // Only violations in the results: axe then skips detailing the passes, most of its time here.
    let axe = new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .options({ resultTypes: ['violations'] });
    if (within) axe = axe.include(within);
    const { violations } = await axe.analyze();
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  }

  /** axe once, then each language in turn, ending in the chain's own. */
  async screen(page: Page, name: string, check: ScreenCheck = {}): Promise<void> {
    const started = Date.now();
    await this.check(page, name, check);
    this.spentMs.all += Date.now() - started;
  }

  private async check(page: Page, name: string, check: ScreenCheck): Promise<void> {
    const axeStarted = Date.now();
    for (const violation of await this.seriousViolations(page, check.axeWithin ?? check.within))
      this.problems.push(`${name}: axe ${violation}`);
    this.spentMs.axe += Date.now() - axeStarted;
    const languages = (['en', 'ru', 'ky'] as Language[]).filter((l) => l !== this.home);
    for (const language of [...languages, this.home]) {
      await page.getByTestId(check.switchId ?? 'language-switch').selectOption(language);
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      await this.text(page, `${name} [${language}]`, language, check);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      if (overflow > 1) this.problems.push(`${name} [${language}] is ${overflow}px too wide`);
      const shotStarted = Date.now();
      if (check.print) await page.emulateMedia({ media: 'print' });
      await saveScreenshot(page, this.folder, `${name}-${language}`);
      if (check.print) await page.emulateMedia({ media: 'screen' });
      this.spentMs.screenshots += Date.now() - shotStarted;
    }
  }

  private async text(page: Page, where: string, language: Language, check: ScreenCheck) {
    let text = await page.locator(check.within ?? 'body').innerText();
    // File paths (where the records live) are data; so is what the user typed.
    text = text.replace(/(^|\s)\/\S+/gm, '$1').replace(/\S*records\.db\S*/g, '');
    // Time-zone names (IANA identifiers, "Asia/Bishkek, UTC+06:00") are data in every language.
    text = text.replace(/\b[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*, UTC[+-]\d{2}:\d{2}/g, '');
    for (const data of check.data ?? []) text = text.split(data).join('');
    const key = rawKey.exec(text);
    if (key) this.problems.push(`${where} shows a raw message key: ${key[0]}`);
    const foreign = foreignMessages(language);
    for (const line of text.split('\n').map((l) => l.trim()))
      if (foreign.has(line))
        this.problems.push(`${where} still says, in another language: ${line}`);
    if (language === 'en') return;
    for (const line of text.split('\n').map((l) => l.trim()))
      if (englishLine.test(line)) this.problems.push(`${where} says in English: ${line}`);
    for (const form of [isoDate, slashDate]) {
      const found = form.exec(text);
      if (found) this.problems.push(`${where} writes a date as ${found[0]}`);
    }
    if (check.showsDate && !localDate.test(text))
      this.problems.push(`${where} shows no date as dd.mm.yyyy`);
  }
}
