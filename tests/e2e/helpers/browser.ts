/** The shared state of the browser suite, and how a test opens a page in it. */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { BuiltSite } from './site.ts';

/** Filled in by the suite's `beforeAll`: one build, one server, one browser. */
export interface Suite {
  browser: Browser;
  /** `http://127.0.0.1:PORT` */
  origin: string;
  site: BuiltSite;
  /** The Chromium binary in use, for Lighthouse. */
  chromium: string;
}

export const suite = {} as Suite;

/** Where artifacts go (PDF, screenshots, Lighthouse reports): test-results/ at the repository root. */
export const RESULTS = fileURLToPath(new URL('../../../test-results/', import.meta.url));

/** The directory `test-results/<name>`, created. */
export function resultsDir(name: string): string {
  const dir = `${RESULTS}${name}`;
  mkdirSync(dir, { recursive: true });
  return dir;
}

export type Scheme = 'light' | 'dark';

export interface Screen {
  name: 'phone' | 'desktop';
  width: number;
  height: number;
}

export const PHONE: Screen = { name: 'phone', width: 390, height: 844 };
export const DESKTOP: Screen = { name: 'desktop', width: 1280, height: 800 };
export const SCREENS = [PHONE, DESKTOP] as const;
export const SCHEMES: readonly Scheme[] = ['light', 'dark'];

export interface OpenPage {
  page: Page;
  context: BrowserContext;
  /** Console errors, uncaught exceptions, failed requests and HTTP errors, as they happen. */
  problems: string[];
}

/**
 * Open a path of the served site at a screen size and colour scheme, recording every problem the page reports.
 *
 * @example
 *   const { page, problems, context } = await openPage(suite.site.article, PHONE, 'dark');
 */
export async function openPage(path: string, screen: Screen = DESKTOP, colorScheme: Scheme = 'light'): Promise<OpenPage> {
  const phone = screen.name === 'phone';
  const context = await suite.browser.newContext({
    viewport: { width: screen.width, height: screen.height },
    colorScheme,
    deviceScaleFactor: phone ? 2 : 1,
    isMobile: phone,
    hasTouch: phone,
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  const response = await page.goto(`${suite.origin}${path}`, { waitUntil: 'load' });
  if (!response?.ok()) throw new Error(`${path}: HTTP ${response?.status()}`);
  return { page, context, problems };
}
