/**
 * The reader's experience, in a real browser: Debian's Chromium driven by
 * playwright-core over the demo site, built once and served from 127.0.0.1.
 *
 * Without Chromium the suite fails under CI and is skipped elsewhere, with a
 * banner naming the command that installs it; it never passes silently.
 * Artifacts (the printed PDF, screenshots, Lighthouse reports) go to test-results/.
 */
import { rmSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { suite } from './helpers/browser.ts';
import { CHROMIUM_FLAGS, findChromium, isCi, missingChromiumMessage } from './helpers/chromium.ts';
import { serveStatic, type StaticServer } from './helpers/server.ts';
import { buildSite } from './helpers/site.ts';
import { describeKeyboard } from './specs/keyboard.ts';
import { describeLighthouse } from './specs/lighthouse.ts';
import { describePrint } from './specs/print.ts';
import { describeReading } from './specs/reading.ts';
import { describeRightToLeft } from './specs/right-to-left.ts';
import { describeScreenshots } from './specs/screenshots.ts';

const lookup = findChromium();
const ci = isCi();
const runnable = Boolean(lookup.path) || ci;

if (!runnable) {
  const lines = missingChromiumMessage(lookup, ci);
  const rule = '='.repeat(Math.max(...lines.map((line) => line.length)));
  console.warn(`\n${rule}\n${lines.join('\n')}\n${rule}\n`);
  // Reported as skipped, with the reason, when no browser is found outside CI.
  test('browser tests need Chromium', (context) => {
    context.skip(lines.join(' '));
  });
}

describe.skipIf(!runnable)('reader experience in Chromium', () => {
  let server: StaticServer | undefined;

  beforeAll(async () => {
    // Under CI a missing browser fails every test below, with the reason.
    if (!lookup.path) throw new Error(missingChromiumMessage(lookup, ci).join(' '));
    suite.chromium = lookup.path;
    suite.site = await buildSite();
    server = await serveStatic(suite.site.root);
    suite.origin = server.origin;
    suite.browser = await chromium.launch({ executablePath: lookup.path, headless: true, args: [...CHROMIUM_FLAGS] });
  });

  afterAll(async () => {
    await suite.browser?.close();
    await server?.close();
    if (suite.site?.root) rmSync(suite.site.root, { recursive: true, force: true });
  });

  describeReading();
  describeKeyboard();
  describePrint();
  describeRightToLeft();
  describeScreenshots();
  describeLighthouse();
});
