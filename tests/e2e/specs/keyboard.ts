/**
 * Keyboard and screen readers: every box is a region named by its visible
 * title, once on the page; the "Facts in this article" links move focus to the
 * box; every Tab stop shows where focus is; status, verdict and approximate
 * counts are words in the accessibility tree, not colours or symbols.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { factBoxWords, parseCount } from 'fact-boxes';
import { DESKTOP, openPage, PHONE, SCHEMES, suite, type OpenPage, type Screen } from '../helpers/browser.ts';

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

function countOf(written: string) {
  const parsed = parseCount(written);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.value;
}

/** The words each marker must read as (DESIGN §3, "Values"; §4: never colour alone). */
const STATUS_WORDS: Record<string, string> = {
  unverified: 'Unverified',
  confirmed: 'Confirmed',
  disputed: 'Disputed',
  denied: 'Denied',
  retracted: 'Retracted',
};
const COUNT_WORDS: Record<string, RegExp> = {
  exact: /^\d[\d,]*$/,
  'at-least': /^at least \d[\d,]*$/,
  'more-than': /^more than \d[\d,]*$/,
  'fewer-than': /^fewer than \d[\d,]*$/,
  'at-most': /^at most \d[\d,]*$/,
  about: /^about \d[\d,]*$/,
  range: /^\d[\d,]* to \d[\d,]*$/,
  unknown: /^unknown$/,
  none: /^none$/,
};

interface TabStop {
  element: string;
  /** Focus came back to an element already seen: the round is over. */
  again: boolean;
  focusVisible: boolean;
  outlineStyle: string;
  outlineWidth: number;
  outlineColor: string;
  boxShadow: string;
  background: string;
  inViewport: boolean;
}

/** Press Tab until focus comes back round, describing each stop and how its focus is drawn. */
async function tabThrough(page: Page, limit = 200): Promise<TabStop[]> {
  const stops: TabStop[] = [];
  for (let index = 0; index < limit; index += 1) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate((): TabStop | undefined => {
      const element = document.activeElement;
      if (!element || element === document.body) return undefined;
      const again = element.hasAttribute('data-e2e-tab-stop');
      element.setAttribute('data-e2e-tab-stop', '');
      const style = getComputedStyle(element);
      // The colour the indicator is drawn on: the nearest opaque background.
      let background = 'rgb(255, 255, 255)';
      for (let node: Element | null = element; node; node = node.parentElement) {
        const colour = getComputedStyle(node).backgroundColor;
        if (colour !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(colour)) {
          background = colour;
          break;
        }
      }
      const rect = element.getBoundingClientRect();
      const label = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${element.getAttribute('href') ? `[href="${element.getAttribute('href')}"]` : ''}`;
      return {
        element: label,
        again,
        focusVisible: element.matches(':focus-visible'),
        outlineStyle: style.outlineStyle,
        outlineWidth: Number.parseFloat(style.outlineWidth),
        outlineColor: style.outlineColor,
        boxShadow: style.boxShadow,
        background,
        inViewport: rect.bottom > 0 && rect.top < innerHeight && rect.right > 0 && rect.left < innerWidth && rect.width > 0 && rect.height > 0,
      };
    });
    if (!stop || stop.again) break;
    stops.push(stop);
  }
  return stops;
}

function rgb(colour: string): [number, number, number] {
  const [r = 0, g = 0, b = 0] = (colour.match(/[\d.]+/g) ?? []).map(Number);
  return [r, g, b];
}

/** WCAG contrast ratio of two computed `rgb()` colours. */
export function contrast(a: string, b: string): number {
  const luminance = (colour: string) => {
    const [r, g, bl] = rgb(colour).map((channel) => {
      const c = channel / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Whether a stop's focus indicator can be seen: a 2 px outline at 3:1, Chromium's own ring, or a shadow. */
function indicatorProblem(stop: TabStop): string | undefined {
  if (!stop.focusVisible) return `${stop.element} is focused but not :focus-visible`;
  if (!stop.inViewport) return `${stop.element} is focused off screen`;
  if (stop.boxShadow !== 'none') return undefined;
  if (stop.outlineStyle === 'none' || stop.outlineWidth < 1) return `${stop.element} has no outline or shadow when focused`;
  if (stop.outlineStyle === 'auto') return undefined; // Chromium's two-tone ring, visible on any background
  if (stop.outlineWidth < 2) return `${stop.element}: outline ${stop.outlineWidth}px is thinner than 2px`;
  const ratio = contrast(stop.outlineColor, stop.background);
  return ratio >= 3 ? undefined : `${stop.element}: outline ${stop.outlineColor} on ${stop.background} is ${ratio.toFixed(2)}:1, under 3:1`;
}

export function describeKeyboard(): void {
  describe('keyboard and screen readers', () => {
    const pages = [
      { name: 'article', path: () => suite.site.article },
      { name: 'authoring guide', path: () => suite.site.guide },
      { name: 'Arabic article', path: () => suite.site.arabic },
    ];

    for (const { name, path } of pages) {
      describe(`the ${name}`, () => {
        let opened: OpenPage;
        beforeAll(async () => {
          opened = await openPage(path(), DESKTOP, 'light');
        });
        afterAll(async () => {
          await opened?.context.close();
        });

        test('should name every box, a region, by its visible title, and no two alike', async () => {
          const { page } = opened;
          const boxes = await page.locator('[data-fact-box]').evaluateAll((elements) =>
            elements.map((element) => ({ id: element.id, title: (element.querySelector('.fact-box__title') as HTMLElement).innerText })),
          );
          expect(boxes.length).toBeGreaterThan(4);
          const titles = boxes.map((box) => normalise(box.title));
          expect(new Set(titles).size, 'titles are unique').toBe(titles.length);
          for (const [index, box] of boxes.entries()) {
            const region = page.getByRole('region', { name: titles[index]!, exact: true });
            expect(await region.count(), `one region named "${titles[index]}"`).toBe(1);
            expect(await region.getAttribute('id')).toBe(box.id);
          }
        });

        test('should write status, verdict and approximate counts as words in the accessibility tree', async () => {
          const { page } = opened;
          const markers = page.locator('[data-fact-box] :is([data-status], [data-rating], [data-count])');
          const count = await markers.count();
          expect(count).toBeGreaterThan(0);
          for (let index = 0; index < count; index += 1) {
            const marker = markers.nth(index);
            const [status, rating, kind] = await Promise.all(['data-status', 'data-rating', 'data-count'].map((name) => marker.getAttribute(name)));
            // What a screen reader reads: the accessibility tree, where the theme's symbols (✓ ? ✗ –) are silent.
            const spoken = normalise((await marker.ariaSnapshot()).replace(/^- [\w-]+:\s*/, '').replace(/^"|"$/g, ''));
            // A box in another language than English reads its own words (its lang, or the page's).
            const lang = await marker.evaluate((element) => element.closest('[lang]')?.getAttribute('lang') ?? 'en');
            if (!lang.startsWith('en')) {
              const words = factBoxWords(lang);
              if (status) expect(spoken, `status ${status} in ${lang}`).toBe(words.t(`status.${status}`));
              else if (kind === 'unknown' || kind === 'none') expect([words.count(countOf(kind === 'none' ? 'none' : '?')), words.t('casualties.notGiven')], `count ${kind} in ${lang}`).toContain(spoken);
              else expect(spoken, `count ${kind} in ${lang}`).toBe(normalise(await marker.innerText()));
              continue;
            }
            if (status) expect(spoken, `status ${status}`).toBe(STATUS_WORDS[status]);
            else if (rating) expect(spoken, `rating ${rating}`).toMatch(/^[A-Z][a-z]+(?:[ -][a-z]+)*$/);
            else expect(spoken, `count ${kind}`).toMatch(COUNT_WORDS[kind!]!);
          }
        });
      });
    }

    test('should read the article’s status and approximate counts as words: “Unverified”, “Disputed”, “more than 24”, “more than 30”', async () => {
      const { page, context } = await openPage(suite.site.article, DESKTOP, 'light');
      try {
        const tree = await page.locator('.article__body').ariaSnapshot();
        for (const words of ['Status', 'Unverified', 'Disputed', 'Injured', 'more than 24', 'more than 30']) expect(tree).toContain(words);
      } finally {
        await context.close();
      }
    });

    test('should read the guide’s verdict and counts as words: “True”, “Confirmed”, “10 to 15”, “unknown”, “at least 15”', async () => {
      const { page, context } = await openPage(suite.site.guide, DESKTOP, 'light');
      try {
        const tree = await page.locator('main').ariaSnapshot();
        for (const words of ['Our verdict', 'True', 'Confirmed', '10 to 15', 'unknown', 'more than 4', 'at least 15']) expect(tree).toContain(words);
      } finally {
        await context.close();
      }
    });

    for (const screen of [DESKTOP, PHONE] as Screen[]) {
      test(`should move focus to the box when a “Facts in this article” link is activated (${screen.name})`, async () => {
        const { page, context } = await openPage(suite.site.article, screen, 'light');
        try {
          const links = page.locator('.fact-list a');
          const count = await links.count();
          expect(count).toBeGreaterThan(4);
          for (let index = 0; index < count; index += 1) {
            const link = links.nth(index);
            const target = (await link.getAttribute('href'))!.slice(1);
            await link.focus();
            await page.keyboard.press('Enter');
            await page.waitForFunction((id) => document.activeElement?.id === id, target, { timeout: 2000 }).catch(() => undefined);
            const focused = await page.evaluate(() => {
              const element = document.activeElement!;
              const rect = element.getBoundingClientRect();
              const style = getComputedStyle(element);
              return {
                id: element.id,
                box: element.hasAttribute('data-fact-box'),
                focusVisible: element.matches(':focus-visible'),
                outline: style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2,
                onScreen: rect.top < innerHeight && rect.bottom > 0,
              };
            });
            expect(focused, `after activating the link to #${target}`).toEqual({ id: target, box: true, focusVisible: true, outline: true, onScreen: true });
            // Reading on moves from the box: the next Tab stop is inside or after it, not back at the list.
            await page.keyboard.press('Tab');
            const next = await page.evaluate((id) => {
              const box = document.getElementById(id)!;
              const after = (element: Element) => box.contains(element) || Boolean(box.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING);
              const tabbable = document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])');
              // Nothing to focus after the box: Tab leaves the page or starts again at the top, as it should.
              if (![...tabbable].some(after)) return true;
              const active = document.activeElement;
              return Boolean(active && active !== document.body && after(active));
            }, target);
            expect(next, `Tab after #${target} goes on from the box`).toBe(true);
          }
          // A pointer click moves focus to the box as well (no ring for the mouse).
          const last = links.nth(count - 1);
          const target = (await last.getAttribute('href'))!.slice(1);
          await page.evaluate(() => window.scrollTo(0, 0));
          await last.click();
          expect(await page.evaluate(() => document.activeElement?.id)).toBe(target);
        } finally {
          await context.close();
        }
      });
    }

    for (const [name, path] of [
      ['article', () => suite.site.article],
      ['authoring guide', () => suite.site.guide],
      ['Arabic article', () => suite.site.arabic],
    ] as const) {
      for (const scheme of SCHEMES) {
        test(`should show where focus is at every Tab stop of the ${name} (${scheme} scheme)`, async () => {
          const { page, context } = await openPage(path(), DESKTOP, scheme);
          try {
            const stops = await tabThrough(page);
            expect(stops.length).toBeGreaterThan(5);
            expect(stops[0]!.element, 'the first stop skips to the content').toBe('a[href="#main"]');
            expect(stops.map(indicatorProblem).filter(Boolean)).toEqual([]);
          } finally {
            await context.close();
          }
        });
      }
    }
  });
}
