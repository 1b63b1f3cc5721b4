/**
 * The article, its Arabic version, the authoring guide and the actor pages (the index, and one actor's) at phone and desktop
 * widths, light and dark: no axe-core violations, no sideways scrolling, every
 * box visible with its title, no console errors.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openPage, SCHEMES, SCREENS, suite, type OpenPage } from '../helpers/browser.ts';

/** WCAG 2.0, 2.1 and 2.2 A and AA, and axe's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** One line per failing node, to read in a failed assertion. */
export async function axeViolations(opened: OpenPage): Promise<string[]> {
  const results = await new AxeBuilder({ page: opened.page }).withTags(AXE_TAGS).analyze();
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id} (${violation.impact}): ${node.target.join(' ')}: ${node.failureSummary?.replace(/\s+/g, ' ')}`),
  );
}

export function describeReading(): void {
  const pages = [
    { name: 'article', path: () => suite.site.article, boxes: true },
    { name: 'authoring guide', path: () => suite.site.guide, boxes: true },
    { name: 'Arabic article', path: () => suite.site.arabic, boxes: true },
    // Pages of the site's entities: no boxes, but links to boxes across the site.
    { name: 'index of actors', path: () => suite.site.actors, boxes: false },
    { name: 'page of an actor', path: () => suite.site.actor, boxes: false },
  ];
  for (const { name, path, boxes: hasBoxes } of pages) {
    for (const screen of SCREENS) {
      for (const scheme of SCHEMES) {
        describe(`the ${name} on a ${screen.name} (${screen.width} px), ${scheme} scheme`, () => {
          let opened: OpenPage;

          beforeAll(async () => {
            opened = await openPage(path(), screen, scheme);
          });

          afterAll(async () => {
            await opened?.context.close();
          });

          test('should have no axe-core violations (WCAG 2.2 AA and best practices)', async () => {
            expect(await axeViolations(opened)).toEqual([]);
          });

          test('should not scroll sideways', async () => {
            const { scrollWidth, clientWidth } = await opened.page.evaluate(() => ({
              scrollWidth: document.documentElement.scrollWidth,
              clientWidth: document.documentElement.clientWidth,
            }));
            expect(clientWidth).toBeGreaterThan(screen.width - 20); // the screen, less any scrollbar
            expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
          });

          test.skipIf(!hasBoxes)('should show every box, inside the screen, with its title', async () => {
            const boxes = opened.page.locator('[data-fact-box]');
            const count = await boxes.count();
            expect(count).toBeGreaterThan(4);
            for (let index = 0; index < count; index += 1) {
              const box = boxes.nth(index);
              const id = await box.getAttribute('id');
              expect(await box.isVisible(), `#${id} visible`).toBe(true);
              const title = box.locator('.fact-box__title');
              expect(await title.isVisible(), `#${id} title visible`).toBe(true);
              expect((await title.innerText()).trim(), `#${id} title text`).not.toBe('');
              const rect = (await box.boundingBox())!;
              expect(rect.x, `#${id} left edge`).toBeGreaterThanOrEqual(0);
              expect(rect.x + rect.width, `#${id} right edge`).toBeLessThanOrEqual(screen.width + 0.5);
              // Nothing inside a box is wider than the box (a table scrolls inside it instead).
              const overflowing = await box.evaluate((element) => element.scrollWidth > element.clientWidth + 1);
              expect(overflowing, `#${id} content overflows it`).toBe(false);
            }
          });

          test('should log no console errors and load every resource', () => {
            expect(opened.problems).toEqual([]);
          });
        });
      }
    }
  }
}
