/**
 * Styles that hold in any host: the same boxes (Markdown through the remark
 * plugin) on a bare page and inside containers styled by hostile prose
 * stylesheets that do what hosts' own do (tests/e2e/fixtures/hosts/: a
 * Starlight-like `.sl-markdown-content`, in its cascade layer and without one; a
 * Docusaurus-like set of element rules and `.markdown`; a Tailwind-like reset
 * and `.prose`), each loaded after the theme. Every part of every box must lay
 * out as on the bare page, within a pixel, in the same colours; dark mode
 * follows each host's own switch. Screenshots go to test-results/host-styles/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import remarkFactBoxes from 'fact-boxes/remark';
import { attacks } from '../../site/boxes/attacks.ts';
import { DESKTOP, PHONE, resultsDir, type Scheme, type Screen } from './helpers/browser.ts';
import { CHROMIUM_FLAGS, findChromium, isCi, missingChromiumMessage } from './helpers/chromium.ts';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const THEME = read('../../packages/fact-boxes/styles.css');

interface Host {
  /** The class of the host's Markdown container around the boxes. */
  container: string;
  /** The host's stylesheet, loaded after the theme. */
  css: string;
}

const starlight = read('./fixtures/hosts/starlight.css');
const HOSTS: Record<string, Host> = {
  bare: { container: '', css: '' },
  starlight: { container: 'sl-markdown-content', css: `@layer starlight.content {\n${starlight}\n}` },
  'starlight-unlayered': { container: 'sl-markdown-content', css: starlight },
  docusaurus: { container: 'markdown', css: read('./fixtures/hosts/docusaurus.css') },
  tailwind: { container: 'prose', css: read('./fixtures/hosts/tailwind.css') },
};

/** The dark and light box backgrounds of the theme (its defaults). */
const DARK_BG = 'rgb(29, 31, 35)';
const LIGHT_BG = 'rgb(251, 250, 248)';
const PRINT_BG = 'rgb(255, 255, 255)';

/** The parts of a box whose place and size must not depend on the host. */
const PARTS = [
  '.fact-box__header',
  '.fact-box__kind',
  '.fact-box__title',
  '.fact-box__quote',
  '.fact-box__quote > *',
  '.fact-box__facts',
  '.fact-box__fact',
  'dt',
  'dd',
  '.fact-box__status',
  '.fact-box__rating',
  '.fact-box__figure',
  '.fact-box__characterisation',
  '.fact-box__table',
  'th',
  'td',
  '.fact-box__timeline',
  '.fact-box__event',
  '.fact-box__event-date',
  '.fact-box__event-text',
  '.fact-box__event-text > *',
  '.fact-box__body',
  '.fact-box__body > *',
  '.fact-box__body li',
  '.fact-box__source',
  '.fact-box__source a',
].join(', ');

/** Markdown through remark-parse, fact-boxes (with the demo site's own box), remark-rehype and rehype-stringify. */
async function render(markdown: string): Promise<string> {
  const file = new VFile({ value: markdown, path: 'host-styles.md' });
  const result = await unified().use(remarkParse).use(remarkFactBoxes, { boxes: [attacks] }).use(remarkRehype).use(rehypeStringify).process(file);
  if (file.messages.length > 0) throw new Error(file.messages.map(String).join('\n'));
  return String(result);
}

/** A page: the same frame everywhere (font, width), the theme, then the host's stylesheet and its container. */
function hostPage(body: string, host: Host, { root = '', inner = '' }: { root?: string; inner?: string } = {}): string {
  return `<!doctype html>
<html lang="en" ${root}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>fact boxes in a host</title>
<style>html { font: 16px/1.5 'DejaVu Sans', sans-serif; } body { margin: 0; padding: 16px; } main { max-inline-size: 640px; }</style>
<style>${THEME}</style>
<style>${host.css}</style>
</head>
<body>
<main><div class="${host.container}"><div ${inner}>
${body}
</div></div></main>
</body>
</html>`;
}

interface Part {
  key: string;
  x: number;
  y: number;
  width: number;
  height: number;
  color: string;
  background: string;
}

interface BoxLayout {
  id: string;
  width: number;
  height: number;
  background: string;
  color: string;
  title: { fontSize: string; fontWeight: string; lineHeight: string; marginTop: string; marginBottom: string; fontFamily: string };
  /** The space between one row of facts and the next, in px. */
  gaps: number[];
  cells: string[];
  lists: string[];
  parts: Part[];
}

/** Every box's size, its parts' places relative to the box, and the computed styles the tests name. */
function layout(page: Page): Promise<BoxLayout[]> {
  return page.locator('[data-fact-box]').evaluateAll((boxes, selector) => {
    return boxes.map((box) => {
      const origin = box.getBoundingClientRect();
      const style = getComputedStyle(box);
      const title = getComputedStyle(box.querySelector('.fact-box__title')!);
      const counts = new Map<string, number>();
      const parts = [...box.querySelectorAll(selector)].map((element) => {
        const name = `${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).split(' ')[0]}` : ''}`;
        const index = counts.get(name) ?? 0;
        counts.set(name, index + 1);
        const rect = element.getBoundingClientRect();
        const computed = getComputedStyle(element);
        return {
          key: `${name}[${index}] "${(element.textContent ?? '').trim().slice(0, 24)}"`,
          x: rect.left - origin.left,
          y: rect.top - origin.top,
          width: rect.width,
          height: rect.height,
          color: computed.color,
          background: computed.backgroundColor,
        };
      });
      return {
        id: box.id,
        width: origin.width,
        height: origin.height,
        background: style.backgroundColor,
        color: style.color,
        title: {
          fontSize: title.fontSize,
          fontWeight: title.fontWeight,
          lineHeight: title.lineHeight,
          marginTop: title.marginTop,
          marginBottom: title.marginBottom,
          fontFamily: title.fontFamily,
        },
        gaps: [...box.querySelectorAll('.fact-box__fact')].map((row) => row.getBoundingClientRect()).flatMap((row, index, rows) => (index === 0 ? [] : [row.top - rows[index - 1]!.bottom])),
        cells: [...box.querySelectorAll('th, td')].map((cell) => {
          const computed = getComputedStyle(cell);
          return `${computed.paddingTop} ${computed.paddingRight} ${computed.paddingBottom} ${computed.paddingLeft} / ${computed.borderTopWidth} ${computed.borderRightWidth} ${computed.borderBottomWidth} ${computed.borderLeftWidth}`;
        }),
        lists: [...box.querySelectorAll('ol, ul')].map((list) => `${list.className || list.tagName.toLowerCase()}: ${getComputedStyle(list).listStyleType}`),
        parts,
      };
    });
  }, PARTS);
}

const lookup = findChromium();
const ci = isCi();
const runnable = Boolean(lookup.path) || ci;

if (!runnable) {
  test('host styles need Chromium', (context) => {
    context.skip(missingChromiumMessage(lookup, ci).join(' '));
  });
}

describe.skipIf(!runnable)('boxes inside hosts’ prose styles (Chromium)', () => {
  let browser: Browser;
  let boxes: string;
  let screenshots: string;

  beforeAll(async () => {
    if (!lookup.path) throw new Error(missingChromiumMessage(lookup, ci).join(' '));
    screenshots = resultsDir('host-styles');
    boxes = await render(read('./fixtures/host-styles.md'));
    browser = await chromium.launch({ executablePath: lookup.path, headless: true, args: [...CHROMIUM_FLAGS] });
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** Open a page in a fresh context, run `inspect` on it, save a screenshot. */
  async function open<T>(name: string, html: string, screen: Screen, scheme: Scheme, inspect: (page: Page) => Promise<T>): Promise<T> {
    const context = await browser.newContext({ viewport: { width: screen.width, height: screen.height }, colorScheme: scheme, reducedMotion: 'reduce' });
    try {
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      // For people to look at (no check reads it). Headless Chromium on a busy machine sometimes fails to capture at the first try.
      const shoot = () => page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
      await shoot().catch(async () => {
        await page.waitForTimeout(250);
        await shoot();
      });
      return await inspect(page);
    } finally {
      await context.close();
    }
  }

  for (const screen of [DESKTOP, PHONE]) {
    describe(`on a ${screen.name} (${screen.width} px)`, () => {
      let bare: BoxLayout[];

      beforeAll(async () => {
        bare = await open(`bare-${screen.name}`, hostPage(boxes, HOSTS.bare!), screen, 'light', layout);
      });

      test('should render every kind of box on the bare page', () => {
        expect(bare.map((box) => box.id)).toHaveLength(7);
        for (const box of bare) expect(box.background, box.id).toBe(LIGHT_BG);
      });

      for (const [name, host] of Object.entries(HOSTS).filter(([name]) => name !== 'bare')) {
        describe(`inside ${name}`, () => {
          let inside: BoxLayout[];

          beforeAll(async () => {
            const root = name === 'tailwind' ? '' : 'data-theme="light"';
            inside = await open(`${name}-${screen.name}`, hostPage(boxes, host, { root }), screen, 'light', layout);
          });

          test('should give box titles the bare page’s size, weight, font and margins', () => {
            expect(inside.map((box) => [box.id, box.title])).toEqual(bare.map((box) => [box.id, box.title]));
          });

          test('should keep the gaps between rows of facts', () => {
            const off = inside.flatMap((box, index) => box.gaps.flatMap((gap, at) => (Math.abs(gap - bare[index]!.gaps[at]!) > 1 ? [`#${box.id} row ${at + 1}: ${gap.toFixed(1)} px (bare ${bare[index]!.gaps[at]!.toFixed(1)})`] : [])));
            expect(inside.map((box) => box.gaps.length)).toEqual(bare.map((box) => box.gaps.length));
            expect(off).toEqual([]);
          });

          test('should keep table cells’ padding and borders and lists’ markers', () => {
            expect(inside.map((box) => [box.id, box.cells, box.lists])).toEqual(bare.map((box) => [box.id, box.cells, box.lists]));
          });

          test('should lay out every part of every box as on the bare page, within a pixel', () => {
            expect(inside.map((box) => box.id)).toEqual(bare.map((box) => box.id));
            const moved: string[] = [];
            inside.forEach((box, index) => {
              const reference = bare[index]!;
              if (Math.abs(box.width - reference.width) > 1 || Math.abs(box.height - reference.height) > 1) {
                moved.push(`#${box.id}: ${box.width}×${box.height}, bare ${reference.width}×${reference.height}`);
              }
              expect(box.parts.map((part) => part.key), `#${box.id} parts`).toEqual(reference.parts.map((part) => part.key));
              box.parts.forEach((part, at) => {
                const want = reference.parts[at]!;
                const off = (['x', 'y', 'width', 'height'] as const).filter((edge) => Math.abs(part[edge] - want[edge]) > 1);
                if (off.length > 0) moved.push(`#${box.id} ${part.key}: ${off.map((edge) => `${edge} ${part[edge].toFixed(1)} (bare ${want[edge].toFixed(1)})`).join(', ')}`);
              });
            });
            expect(moved).toEqual([]);
          });

          test('should colour the box and its own parts as on the bare page', () => {
            const colours = (layouts: BoxLayout[]) =>
              layouts.flatMap((box) => [`#${box.id}: ${box.color} on ${box.background}`, ...box.parts.map((part) => `#${box.id} ${part.key}: ${part.color} on ${part.background}`)]);
            expect(colours(inside)).toEqual(colours(bare));
          });
        });
      }
    });
  }

  describe('dark mode follows the host’s own switch', () => {
    /** The background of every box on a page. */
    const backgrounds = (page: Page) => page.locator('[data-fact-box]').evaluateAll((boxes) => [...new Set(boxes.map((box) => getComputedStyle(box).backgroundColor))]);

    const cases: { name: string; host: string; root?: string; inner?: string; scheme: Scheme; want: string }[] = [
      { name: 'a bare page, dark operating system', host: 'bare', scheme: 'dark', want: DARK_BG },
      { name: 'a bare page, light operating system', host: 'bare', scheme: 'light', want: LIGHT_BG },
      { name: "Starlight's :root[data-theme='dark'], light operating system", host: 'starlight', root: 'data-theme="dark"', scheme: 'light', want: DARK_BG },
      { name: "Starlight's :root[data-theme='light'], dark operating system", host: 'starlight', root: 'data-theme="light"', scheme: 'dark', want: LIGHT_BG },
      { name: "Docusaurus's html[data-theme='dark'], light operating system", host: 'docusaurus', root: 'data-theme="dark"', scheme: 'light', want: DARK_BG },
      { name: "Docusaurus's html[data-theme='light'], dark operating system", host: 'docusaurus', root: 'data-theme="light"', scheme: 'dark', want: LIGHT_BG },
      { name: "Tailwind's .dark on <html>, light operating system", host: 'tailwind', root: 'class="dark"', scheme: 'light', want: DARK_BG },
      { name: 'a .light class, dark operating system', host: 'tailwind', root: 'class="light"', scheme: 'dark', want: LIGHT_BG },
      { name: "a light section (data-theme='light') in a dark page", host: 'docusaurus', root: 'data-theme="dark"', inner: 'data-theme="light"', scheme: 'dark', want: LIGHT_BG },
      { name: 'a dark section (.dark) in a light page', host: 'docusaurus', root: 'data-theme="light"', inner: 'class="dark"', scheme: 'light', want: DARK_BG },
    ];

    for (const { name, host, root, inner, scheme, want } of cases) {
      test(`should make boxes ${want === DARK_BG ? 'dark' : 'light'} on ${name}`, async () => {
        const file = `dark-mode-${name.replace(/[^a-z]+/gi, '-').replace(/^-|-$/g, '').toLowerCase()}`;
        expect(await open(file, hostPage(boxes, HOSTS[host]!, { root, inner }), DESKTOP, scheme, backgrounds)).toEqual([want]);
      });
    }

    test('should print boxes black on white whatever the host’s switch says', async () => {
      const printed = await open('print-data-theme-dark', hostPage(boxes, HOSTS.starlight!, { root: 'data-theme="dark"' }), DESKTOP, 'dark', async (page) => {
        await page.emulateMedia({ media: 'print' });
        return page.locator('[data-fact-box]').evaluateAll((boxes) => [...new Set(boxes.map((box) => `${getComputedStyle(box).color} on ${getComputedStyle(box).backgroundColor}`))]);
      });
      expect(printed).toEqual([`rgb(0, 0, 0) on ${PRINT_BG}`]);
    });
  });
});
