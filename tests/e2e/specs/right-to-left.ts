/**
 * Right to left: two pages wholly in Arabic, boxes included: a fixture
 * (Markdown through the remark plugin in the `ar` locale, with the default
 * theme only) and the site's Arabic article (Astro, Sätteri, `lang: ar` in its
 * frontmatter). Every box mirrors. Checked by geometry: the accent edge on the
 * right, titles flush right, labels to the right of their values, the
 * timeline's line on the right, the table's first column on the right,
 * counts and dates reading right to left with their numbers left to right,
 * Latin names in their own order, and nothing wider than the screen.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DESKTOP, openPage, PHONE, suite, type OpenPage } from '../helpers/browser.ts';

/** Each box's frame, as laid out. */
async function frames(page: Page) {
  return page.locator('[data-fact-box]').evaluateAll((boxes) =>
    boxes.map((box) => {
      const style = getComputedStyle(box);
      const title = box.querySelector('.fact-box__title')!;
      const range = document.createRange();
      range.selectNodeContents(title);
      const text = range.getBoundingClientRect();
      const heading = title.getBoundingClientRect();
      return {
        id: box.id,
        direction: style.direction,
        borderLeft: Number.parseFloat(style.borderLeftWidth),
        borderRight: Number.parseFloat(style.borderRightWidth),
        accentRight: style.borderRightColor,
        accentLeft: style.borderLeftColor,
        title: { textLeft: text.left, textRight: text.right, left: heading.left, right: heading.right },
      };
    }),
  );
}

const PAGES = [
  { name: 'an Arabic fixture page, remark and the default theme', path: () => suite.site.rightToLeft, types: ['claim', 'casualties', 'timeline', 'actor'], table: true },
  { name: 'the Arabic article of the site', path: () => suite.site.arabic, types: ['claim', 'casualties', 'timeline', 'actor', 'attacks'], table: false },
];

export function describeRightToLeft(): void {
  for (const { name, path, types: expectedTypes, table } of PAGES) describeRightToLeftPage(name, path, expectedTypes, table);
}

function describeRightToLeftPage(name: string, path: () => string, expectedTypes: string[], table: boolean): void {
  describe(`right to left (${name})`, () => {
    let opened: OpenPage;

    beforeAll(async () => {
      opened = await openPage(path(), DESKTOP, 'light');
    });

    afterAll(async () => {
      await opened?.context.close();
    });

    test('should render every box of the Arabic Markdown, right to left, in Arabic', async () => {
      const { page } = opened;
      expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
      const types = await page.locator('[data-fact-box]').evaluateAll((boxes) => boxes.map((box) => box.getAttribute('data-fact-box')));
      expect(new Set(types)).toEqual(new Set(expectedTypes));
      for (const frame of await frames(page)) expect(frame.direction, `#${frame.id}`).toBe('rtl');
      // The box's own words (kinds, labels, table heads) are Arabic: no English left in them.
      const labels = await page.locator('[data-fact-box] :is(.fact-box__kind, dt, th[scope="col"], tfoot th)').allInnerTexts();
      expect(labels.length).toBeGreaterThan(10);
      for (const label of labels) expect(label, 'a label in Latin letters').not.toMatch(/[A-Za-z]/);
      expect(opened.problems).toEqual([]);
    });

    test('should draw each box’s accent edge (its inline start) on the right', async () => {
      for (const frame of await frames(opened.page)) {
        expect(frame.borderRight, `#${frame.id} right border`).toBeGreaterThan(frame.borderLeft);
        expect(frame.borderRight, `#${frame.id} right border`).toBeGreaterThanOrEqual(4);
        expect(frame.accentRight, `#${frame.id}`).not.toBe(frame.accentLeft);
      }
    });

    test('should set each title flush right', async () => {
      for (const { id, title } of await frames(opened.page)) {
        expect(Math.abs(title.right - title.textRight), `#${id}: title text ends at the right`).toBeLessThanOrEqual(1);
        expect(title.textLeft - title.left, `#${id}: room left of the title`).toBeGreaterThan(20);
      }
    });

    test('should put each label to the right of its value, or above it flush right in a narrow box', async () => {
      const pairs = await opened.page.locator('.fact-box__fact').evaluateAll((facts) =>
        facts.map((fact) => {
          const term = fact.querySelector('dt')!.getBoundingClientRect();
          const value = fact.querySelector('dd')!.getBoundingClientRect();
          const row = fact.getBoundingClientRect();
          // Boxes lay out by their own width: a narrow one (the site's "who is who" grid) puts labels above values.
          const box = fact.closest('[data-fact-box]')!.getBoundingClientRect();
          return { fact: fact.getAttribute('data-fact'), termLeft: term.left, termRight: term.right, termBottom: term.bottom, valueTop: value.top, valueRight: value.right, rowRight: row.right, sameLine: Math.abs(term.top - value.top) < 12, wide: box.width >= 560 };
        }),
      );
      expect(pairs.filter((pair) => pair.wide).length).toBeGreaterThan(5);
      for (const pair of pairs) {
        if (pair.wide) expect(pair.sameLine, `${pair.fact}: label beside its value in a wide box`).toBe(true);
        if (pair.sameLine) expect(pair.termLeft, `${pair.fact}: label right of value`).toBeGreaterThanOrEqual(pair.valueRight - 1);
        else {
          expect(pair.valueTop, `${pair.fact}: value below its label`).toBeGreaterThanOrEqual(pair.termBottom - 1);
          expect(Math.abs(pair.rowRight - pair.valueRight), `${pair.fact}: value at the row's right edge`).toBeLessThanOrEqual(1);
        }
        expect(Math.abs(pair.rowRight - pair.termRight), `${pair.fact}: label at the row's right edge`).toBeLessThanOrEqual(1);
      }
    });

    test('should mirror quotations, timelines and tables', async () => {
      const layout = await opened.page.evaluate((table) => {
        const quote = getComputedStyle(document.querySelector('.fact-box__quote')!);
        const events = [...document.querySelectorAll('.fact-box__event')].slice(0, -1).map((event) => {
          const style = getComputedStyle(event);
          const dot = getComputedStyle(event, '::before');
          const box = event.getBoundingClientRect();
          const date = event.querySelector('.fact-box__event-date')!.getBoundingClientRect();
          return { line: [Number.parseFloat(style.borderLeftWidth), Number.parseFloat(style.borderRightWidth)], dotRight: dot.right, dotLeft: dot.left, dateRight: date.right, boxRight: box.right };
        });
        const quoteRule = [Number.parseFloat(quote.borderLeftWidth), Number.parseFloat(quote.borderRightWidth)];
        if (!table) return { quote: quoteRule, events, name: undefined, cellsRight: 0 };
        const row = document.querySelector('.fact-box__table tbody tr')!;
        const name = row.querySelector('th')!.getBoundingClientRect();
        const cells = [...row.querySelectorAll('td')].map((cell) => cell.getBoundingClientRect());
        return { quote: quoteRule, events, name: { left: name.left }, cellsRight: Math.max(...cells.map((cell) => cell.right)) };
      }, table);
      expect(layout.quote, 'quotation rule [left, right]').toEqual([0, 2]);
      expect(layout.events.length).toBeGreaterThan(1);
      for (const event of layout.events) {
        expect(event.line, 'timeline line [left, right]').toEqual([0, 2]);
        // The dot sits on the line: a few pixels from the right edge, the whole width from the left.
        expect(Math.abs(Number.parseFloat(event.dotRight)), 'dot offset from the right').toBeLessThan(20);
        expect(Number.parseFloat(event.dotLeft), 'dot offset from the left').toBeGreaterThan(200);
        expect(event.boxRight - event.dateRight, 'date indented from the line on the right').toBeGreaterThan(10);
      }
      if (layout.name) expect(layout.name.left, 'the party column is the rightmost').toBeGreaterThanOrEqual(layout.cellsRight - 1);
    });

    test('should read counts and dates right to left, each number in them left to right', async () => {
      const runs = await opened.page.locator('[data-fact-box] :is(time, .fact-box__count)').evaluateAll((elements) =>
        elements
          .filter((element) => /[\u0600-\u06ff]/.test(element.textContent!) && /\d/.test(element.textContent!))
          .map((element) => {
            const text = element.firstChild!;
            const value = text.textContent!;
            const at = (index: number) => {
              const range = document.createRange();
              range.setStart(text, index);
              range.setEnd(text, index + 1);
              return range.getBoundingClientRect();
            };
            const first = at(0);
            const last = at(value.length - 1);
            // Each number: its first digit left of its last.
            const numbers = [...value.matchAll(/\d[\d,.]*\d/g)].map((match) => ({ number: match[0], firstLeft: at(match.index).left, lastLeft: at(match.index + match[0].length - 1).left }));
            return { text: value, firstLeft: first.left, lastLeft: last.left, sameLine: Math.abs(first.top - last.top) < 4, numbers };
          }),
      );
      expect(runs.length).toBeGreaterThan(3);
      expect(runs.map((run) => run.text)).toEqual(expect.arrayContaining(['أكثر من 24']));
      for (const run of runs) {
        if (run.sameLine) expect(run.firstLeft, `"${run.text}" reads right to left`).toBeGreaterThan(run.lastLeft);
        for (const number of run.numbers) expect(number.firstLeft, `${number.number} in "${run.text}" reads left to right`).toBeLessThan(number.lastLeft);
      }
    });

    test('should keep Latin names and addresses in their own order among the Arabic words', async () => {
      const names = await opened.page.locator('[data-fact-box] bdi').evaluateAll((elements) =>
        elements
          .filter((element) => /^[\x20-\x7e]+$/.test(element.textContent!) && element.textContent!.length > 2)
          .map((element) => {
            const text = element.firstChild!;
            const at = (index: number) => {
              const range = document.createRange();
              range.setStart(text, index);
              range.setEnd(text, index + 1);
              return range.getBoundingClientRect();
            };
            const value = text.textContent!;
            const first = at(0);
            const last = at(value.length - 1);
            return { text: value, firstLeft: first.left, lastLeft: last.left, sameLine: Math.abs(first.top - last.top) < 4 };
          }),
      );
      if (expectedTypes.includes('attacks')) expect(names.map((name) => name.text)).toEqual(expect.arrayContaining(['Lloyd J. Austin III', 'https://www.defense.gov/']));
      for (const name of names.filter((name) => name.sameLine)) expect(name.firstLeft, `"${name.text}" reads left to right`).toBeLessThan(name.lastLeft);
    });

    test('should not scroll sideways on a phone', async () => {
      const phone = await openPage(path(), PHONE, 'dark');
      try {
        const { scrollWidth, clientWidth } = await phone.page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
        expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
        for (const frame of await frames(phone.page)) expect(frame.borderRight, `#${frame.id}`).toBeGreaterThan(frame.borderLeft);
        expect(phone.problems).toEqual([]);
      } finally {
        await phone.context.close();
      }
    });
  });
}
