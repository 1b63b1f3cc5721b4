/**
 * Screenshots of the article at phone and desktop widths, light and dark, kept
 * in test-results/screenshots/ (the README shows two of them, copied to
 * docs/screenshots/), and of the right-to-left page.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, describe } from 'vitest';
import { DESKTOP, openPage, SCHEMES, SCREENS, suite, resultsDir } from '../helpers/browser.ts';

/** The stretch of the article with the attacks and casualties boxes, the heart of a README picture. */
const FIGURES = '#attacks-on-us-forces-since-october-17';

export function describeScreenshots(): void {
  describe('screenshots', () => {
    for (const screen of SCREENS) {
      for (const scheme of SCHEMES) {
        test(`should screenshot the article on a ${screen.name} in the ${scheme} scheme`, async () => {
          const { page, context } = await openPage(suite.site.article, screen, scheme);
          try {
            const dir = resultsDir('screenshots');
            const whole = join(dir, `article-${screen.name}-${scheme}.png`);
            await page.screenshot({ path: whole, fullPage: true });
            // One screen's worth, scrolled to the figures: what a reader sees there.
            await page.locator(FIGURES).evaluate((element) => element.scrollIntoView({ block: 'start' }));
            await page.evaluate(() => window.scrollBy(0, -16));
            const view = join(dir, `article-${screen.name}-${scheme}-figures.png`);
            await page.screenshot({ path: view });
            for (const file of [whole, view]) expect(statSync(file).size, file).toBeGreaterThan(10_000);
          } finally {
            await context.close();
          }
        });
      }
    }

    test('should screenshot the right-to-left page', async () => {
      const { page, context } = await openPage(suite.site.rightToLeft, DESKTOP, 'light');
      try {
        const file = join(resultsDir('screenshots'), 'right-to-left-desktop-light.png');
        await page.screenshot({ path: file, fullPage: true });
        expect(statSync(file).size).toBeGreaterThan(10_000);
      } finally {
        await context.close();
      }
    });
  });
}
