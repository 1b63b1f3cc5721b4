/**
 * Lighthouse on the article, in the same Debian Chromium (chrome-launcher with
 * the suite's flags; nothing is downloaded): accessibility, best practices and
 * SEO 100, performance at least 95, on Lighthouse's default mobile profile
 * (simulated slow 4G and a 4x slower CPU). Reports go to test-results/lighthouse/.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { describe, expect, test } from 'vitest';
import { resultsDir, suite } from '../helpers/browser.ts';
import { CHROMIUM_FLAGS } from '../helpers/chromium.ts';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const MINIMUM: Record<(typeof CATEGORIES)[number], number> = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 };

export function describeLighthouse(): void {
  describe('Lighthouse', () => {
    test(`should score the article: accessibility, best practices and SEO 100, performance 95 or more`, async () => {
      const chrome = await launch({
        chromePath: suite.chromium,
        chromeFlags: [...CHROMIUM_FLAGS],
        logLevel: 'silent',
      });
      try {
        const url = `${suite.origin}${suite.site.article}`;
        const result = await lighthouse(url, { port: chrome.port, output: ['html', 'json'], logLevel: 'error', onlyCategories: [...CATEGORIES] });
        if (!result) throw new Error('Lighthouse returned no result');
        const [html, json] = result.report as string[];
        const dir = resultsDir('lighthouse');
        writeFileSync(join(dir, 'article.html'), html!);
        writeFileSync(join(dir, 'article.json'), json!);

        const { lhr } = result;
        expect(lhr.runtimeError, 'Lighthouse ran').toBeUndefined();
        const scores = Object.fromEntries(CATEGORIES.map((id) => [id, Math.round((lhr.categories[id]?.score ?? 0) * 100)]));
        writeFileSync(join(dir, 'scores.json'), `${JSON.stringify({ url: suite.site.article, lighthouse: lhr.lighthouseVersion, chromium: lhr.environment.hostUserAgent, formFactor: lhr.configSettings.formFactor, scores }, null, 2)}\n`);
        // Name every audit that cost points, so a failure says what to fix.
        const failing = CATEGORIES.flatMap((id) =>
          (lhr.categories[id]?.auditRefs ?? [])
            .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
            .map((ref) => `${id}: ${ref.id} (${lhr.audits[ref.id]?.displayValue ?? lhr.audits[ref.id]?.score})`),
        );
        for (const id of CATEGORIES) expect(scores[id], `${id}; audits under 1: ${failing.join('; ') || 'none'}`).toBeGreaterThanOrEqual(MINIMUM[id]);
      } finally {
        chrome.kill();
      }
    });
  });
}
