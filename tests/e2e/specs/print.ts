/**
 * Print: the article, its Arabic version and the guide printed to PDF by
 * Chromium. Each box that fits on a page is on one page, source addresses are
 * written out, navigation is dropped. The PDFs are kept in test-results/print/.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openPage, resultsDir, suite, type OpenPage } from '../helpers/browser.ts';
import { comparable, compact, pdfPageTexts } from '../helpers/pdf.ts';

/** A4 with 15 mm margins: the printable area in CSS pixels (96 per inch). */
const MM = 96 / 25.4;
const MARGIN_MM = 15;
const CONTENT_WIDTH = Math.floor((210 - 2 * MARGIN_MM) * MM);
const CONTENT_HEIGHT = Math.floor((297 - 2 * MARGIN_MM) * MM);

interface PrintedBox {
  id: string;
  title: string;
  breakInside: string;
  height: number;
  /** The box's lines of text as laid out for print, to find on the PDF's pages. */
  lines: string[];
  /** Its numbers, Latin words and addresses: what a right-to-left box can be found by in the PDF's text. */
  tokens: string[];
}

interface Printed {
  pages: string[];
  boxes: PrintedBox[];
  /** Every source link: its address, and whether print writes the address out. */
  sources: { href: string; written: boolean }[];
  navs: { label: string; display: string }[];
}

async function printToPdf(page: Page, name: string): Promise<Printed> {
  const pdf = await page.pdf({
    format: 'A4',
    margin: { top: `${MARGIN_MM}mm`, right: `${MARGIN_MM}mm`, bottom: `${MARGIN_MM}mm`, left: `${MARGIN_MM}mm` },
    printBackground: true,
    outline: true,
    tagged: true,
  });
  writeFileSync(join(resultsDir('print'), `${name}.pdf`), pdf);
  const pages = await pdfPageTexts(pdf);

  // The same layout as the PDF: print styles at the printable width.
  await page.setViewportSize({ width: CONTENT_WIDTH, height: CONTENT_HEIGHT });
  await page.emulateMedia({ media: 'print' });
  const measured = await page.evaluate(() => {
    const boxes = [...document.querySelectorAll<HTMLElement>('[data-fact-box]')].map((box) => ({
      id: box.id,
      title: box.querySelector<HTMLElement>('.fact-box__title')!.innerText,
      breakInside: getComputedStyle(box).breakInside,
      height: box.getBoundingClientRect().height,
      lines: box.innerText.split('\n').filter((line) => line.replace(/\s+/g, '').length >= 3),
      // Without punctuation at their ends, which a right-to-left line puts on the other side.
      tokens: box.innerText.match(/[A-Za-z0-9][A-Za-z0-9.:/-]*[A-Za-z0-9/]/g)?.filter((token) => token.length >= 3) ?? [],
    }));
    const sources = [...document.querySelectorAll<HTMLAnchorElement>('.fact-box__source a[href]')].map((link) => {
      const footer = link.closest('footer')!;
      const after = getComputedStyle(link, '::after').content;
      // Written out as text beside the link, or generated after it from the address for print.
      const written = footer.innerText.includes(link.href) || (after.includes('attr(href)') || after.includes(link.href));
      return { href: link.getAttribute('href')!, written };
    });
    const navs = [...document.querySelectorAll('nav')].map((nav) => ({
      label: nav.getAttribute('aria-label') ?? nav.querySelector('h2')?.textContent ?? 'nav',
      display: getComputedStyle(nav).display,
    }));
    return { boxes, sources, navs };
  });
  return { pages, ...measured };
}

function describePrinted(name: string, path: () => string, expectations: { minSources: number; rightToLeft?: boolean }): void {
  describe(`printing the ${name}`, () => {
    let opened: OpenPage;
    let printed: Printed;

    beforeAll(async () => {
      opened = await openPage(path());
      printed = await printToPdf(opened.page, name.replaceAll(' ', '-'));
    });

    afterAll(async () => {
      await opened?.context.close();
    });

    test('should print several A4 pages, with every box on them', () => {
      expect(printed.pages.length).toBeGreaterThan(1);
      const all = compact(printed.pages.join(''));
      for (const box of printed.boxes.filter((box) => comparable(box.title))) expect(all, `#${box.id}`).toContain(compact(box.title));
    });

    test('should keep boxes whole: break-inside: avoid in print', () => {
      expect(printed.boxes.length).toBeGreaterThan(4);
      for (const box of printed.boxes) expect(box.breakInside, `#${box.id}`).toBe('avoid');
    });

    test('should put each box that fits on a page on one page of the PDF', () => {
      const pages = printed.pages.map(compact);
      // Right-to-left lines come out of the PDF in visual order: such boxes are found by their numbers and Latin words.
      const fitting = printed.boxes.filter((box) => box.height <= CONTENT_HEIGHT && box.lines.filter(comparable).length > 1);
      const rightToLeft = printed.boxes.filter((box) => box.height <= CONTENT_HEIGHT && box.lines.filter(comparable).length <= 1 && box.tokens.length > 0);
      expect(fitting.length + rightToLeft.length).toBeGreaterThan(4);
      for (const box of rightToLeft) {
        const tokens = box.tokens.map(compact);
        const whole = pages.findIndex((text) => tokens.every((token) => text.includes(token)));
        expect(whole, `#${box.id}: ${tokens.join(' ')} on one page`).toBeGreaterThanOrEqual(0);
      }
      for (const box of fitting) {
        const lines = box.lines.filter(comparable).map(compact);
        expect(lines.length, `#${box.id} has lines to look for`).toBeGreaterThan(1);
        const whole = pages.findIndex((text) => lines.every((line) => text.includes(line)));
        const found = lines.map((line) => pages.findIndex((text) => text.includes(line)));
        expect(whole, `#${box.id} (${Math.round(box.height)} px tall): every line on one page; lines found on pages ${found.map((index) => index + 1).join(', ')}`).toBeGreaterThanOrEqual(0);
      }
    });

    test('should drop navigation from print', () => {
      expect(printed.navs.length).toBeGreaterThan(0);
      for (const nav of printed.navs) expect(nav.display, `nav "${nav.label}"`).toBe('none');
      const text = compact(printed.pages.join(''));
      if (!expectations.rightToLeft) for (const label of ['Skip to content', 'Facts in this article', 'All facts (JSON)']) expect(text).not.toContain(compact(label));
    });

    test('should write out the address of every source', () => {
      expect(printed.sources.length).toBeGreaterThanOrEqual(expectations.minSources);
      const text = compact(printed.pages.join(''));
      for (const source of printed.sources) {
        expect(source.written, source.href).toBe(true);
        expect(text, `${source.href} in the PDF`).toContain(compact(source.href));
      }
    });

    test('should print status words, not only colours', async () => {
      const words = await opened.page.locator('[data-fact-box] [data-status]').allInnerTexts();
      expect(words.length).toBeGreaterThan(0);
      const text = compact(printed.pages.join(''));
      for (const word of words.filter(comparable)) expect(text).toContain(compact(word));
    });
  });
}

export function describePrint(): void {
  describe('print', () => {
    // The article's boxes cite no addresses today; the guide's "sources" example does, both ways.
    describePrinted('article', () => suite.site.article, { minSources: 0 });
    describePrinted('authoring guide', () => suite.site.guide, { minSources: 2 });
    // The Arabic article cites the Pentagon's address, in a right-to-left box.
    describePrinted('Arabic article', () => suite.site.arabic, { minSources: 1, rightToLeft: true });
  });
}
