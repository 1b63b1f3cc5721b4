/**
 * Lighthouse on the article, in the same Debian Chromium (chrome-launcher with
 * the suite's flags; nothing is downloaded): accessibility, best practices and
 * SEO 100 on every run, performance at least 95 in one of up to three runs (it is
 * timed, and a busy machine costs it points), on Lighthouse's default mobile profile
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
        // Performance is timed on a simulated slow phone, and a busy machine (a heavy test beside it) can
        // cost it points: it gets up to three runs, as Lighthouse's own advice on variance suggests. The
        // other categories do not depend on timing and must pass on every run.
        const runs: string[] = [];
        let best = 0;
        for (let run = 1; run <= 3; run++) {
          const result = await lighthouse(url, { port: chrome.port, output: ['html', 'json'], logLevel: 'error', onlyCategories: [...CATEGORIES] });
          if (!result) throw new Error('Lighthouse returned no result');
          const [html, json] = result.report as string[];
          const dir = resultsDir('lighthouse');
          writeFileSync(join(dir, 'article.html'), html!);
          writeFileSync(join(dir, 'article.json'), json!);

          const { lhr } = result;
          expect(lhr.runtimeError, 'Lighthouse ran').toBeUndefined();
          const scores = Object.fromEntries(CATEGORIES.map((id) => [id, Math.round((lhr.categories[id]?.score ?? 0) * 100)]));
          writeFileSync(join(dir, 'scores.json'), `${JSON.stringify({ url: suite.site.article, lighthouse: lhr.lighthouseVersion, chromium: lhr.environment.hostUserAgent, formFactor: lhr.configSettings.formFactor, run, scores }, null, 2)}\n`);
          // Name every audit that cost points, so a failure says what to fix.
          const failing = CATEGORIES.flatMap((id) =>
            (lhr.categories[id]?.auditRefs ?? [])
              .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
              .map((ref) => `${id}: ${ref.id} (${lhr.audits[ref.id]?.displayValue ?? lhr.audits[ref.id]?.score})`),
          );
          for (const id of CATEGORIES) {
            if (id !== 'performance') expect(scores[id], `${id}; audits under 1: ${failing.join('; ') || 'none'}`).toBeGreaterThanOrEqual(MINIMUM[id]);
          }
          runs.push(`run ${run}: ${scores.performance} (${failing.filter((audit) => audit.startsWith('performance')).join('; ') || 'no audit under 1'})`);
          best = Math.max(best, scores.performance!);
          if (best >= MINIMUM.performance) break;
        }
        expect(best, `performance in each run: ${runs.join(' | ')}`).toBeGreaterThanOrEqual(MINIMUM.performance);
      } finally {
        chrome.kill();
      }
    });
  });
}
