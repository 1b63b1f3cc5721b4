/**
 * Right to left: an Arabic page (Markdown through the remark plugin, in
 * `<html lang="ar" dir="rtl">` with the default theme) mirrors every box. Checked
 * by geometry: the accent edge on the right, titles flush right, labels to the
 * right of their values, the timeline's line on the right, the table's first
 * column on the right, and nothing wider than the screen.
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

export function describeRightToLeft(): void {
  describe('right to left (an Arabic page)', () => {
    let opened: OpenPage;

    beforeAll(async () => {
      opened = await openPage(suite.site.rightToLeft, DESKTOP, 'light');
    });

    afterAll(async () => {
      await opened?.context.close();
    });

    test('should render every box of the Arabic Markdown, right to left', async () => {
      const { page } = opened;
      expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
      const types = await page.locator('[data-fact-box]').evaluateAll((boxes) => boxes.map((box) => box.getAttribute('data-fact-box')));
      expect(new Set(types)).toEqual(new Set(['claim', 'casualties', 'timeline', 'actor']));
      for (const frame of await frames(page)) expect(frame.direction, `#${frame.id}`).toBe('rtl');
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

    test('should put each label to the right of its value', async () => {
      const pairs = await opened.page.locator('.fact-box__fact').evaluateAll((facts) =>
        facts.map((fact) => {
          const term = fact.querySelector('dt')!.getBoundingClientRect();
          const value = fact.querySelector('dd')!.getBoundingClientRect();
          const row = fact.getBoundingClientRect();
          return { fact: fact.getAttribute('data-fact'), termLeft: term.left, termRight: term.right, valueRight: value.right, rowRight: row.right, sameLine: Math.abs(term.top - value.top) < 12 };
        }),
      );
      expect(pairs.length).toBeGreaterThan(5);
      for (const pair of pairs) {
        expect(pair.sameLine, `${pair.fact}: label beside its value on a wide screen`).toBe(true);
        expect(pair.termLeft, `${pair.fact}: label right of value`).toBeGreaterThanOrEqual(pair.valueRight - 1);
        expect(Math.abs(pair.rowRight - pair.termRight), `${pair.fact}: label at the row's right edge`).toBeLessThanOrEqual(1);
      }
    });

    test('should mirror quotations, timelines and tables', async () => {
      const layout = await opened.page.evaluate(() => {
        const quote = getComputedStyle(document.querySelector('.fact-box__quote')!);
        const events = [...document.querySelectorAll('.fact-box__event')].slice(0, -1).map((event) => {
          const style = getComputedStyle(event);
          const dot = getComputedStyle(event, '::before');
          const box = event.getBoundingClientRect();
          const date = event.querySelector('.fact-box__event-date')!.getBoundingClientRect();
          return { line: [Number.parseFloat(style.borderLeftWidth), Number.parseFloat(style.borderRightWidth)], dotRight: dot.right, dotLeft: dot.left, dateRight: date.right, boxRight: box.right };
        });
        const row = document.querySelector('.fact-box__table tbody tr')!;
        const name = row.querySelector('th')!.getBoundingClientRect();
        const cells = [...row.querySelectorAll('td')].map((cell) => cell.getBoundingClientRect());
        return { quote: [Number.parseFloat(quote.borderLeftWidth), Number.parseFloat(quote.borderRightWidth)], events, name: { left: name.left }, cellsRight: Math.max(...cells.map((cell) => cell.right)) };
      });
      expect(layout.quote, 'quotation rule [left, right]').toEqual([0, 2]);
      expect(layout.events.length).toBeGreaterThan(1);
      for (const event of layout.events) {
        expect(event.line, 'timeline line [left, right]').toEqual([0, 2]);
        // The dot sits on the line: a few pixels from the right edge, the whole width from the left.
        expect(Math.abs(Number.parseFloat(event.dotRight)), 'dot offset from the right').toBeLessThan(20);
        expect(Number.parseFloat(event.dotLeft), 'dot offset from the left').toBeGreaterThan(200);
        expect(event.boxRight - event.dateRight, 'date indented from the line on the right').toBeGreaterThan(10);
      }
      expect(layout.name.left, 'the party column is the rightmost').toBeGreaterThanOrEqual(layout.cellsRight - 1);
    });

    test('should keep dates and figures in words in their own reading order', async () => {
      const runs = await opened.page.locator('[data-fact-box] :is(time, .fact-box__count)').evaluateAll((elements) =>
        elements
          .filter((element) => /^[\d\sA-Za-z,]+$/.test(element.textContent!) && /\s/.test(element.textContent!))
          .map((element) => {
            const text = element.firstChild!;
            const at = (index: number) => {
              const range = document.createRange();
              range.setStart(text, index);
              range.setEnd(text, index + 1);
              return range.getBoundingClientRect();
            };
            const first = at(0);
            const last = at(text.textContent!.length - 1);
            return { text: element.textContent!, firstLeft: first.left, lastLeft: last.left, sameLine: Math.abs(first.top - last.top) < 4 };
          }),
      );
      expect(runs.map((run) => run.text)).toEqual(expect.arrayContaining(['5 November 2023', 'more than 24', '10 to 15']));
      for (const run of runs.filter((run) => run.sameLine)) expect(run.firstLeft, `"${run.text}" reads left to right`).toBeLessThan(run.lastLeft);
    });

    test('should not scroll sideways on a phone', async () => {
      const phone = await openPage(suite.site.rightToLeft, PHONE, 'dark');
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
