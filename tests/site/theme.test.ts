/**
 * The default theme (fact-boxes/styles.css): WCAG 2.2 AA contrast of every
 * colour pair it uses, in light and dark schemes; small enough to ship; no
 * physical left/right properties (right-to-left text works).
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';

const css = readFileSync(new URL('../../packages/fact-boxes/styles.css', import.meta.url), 'utf8');

/** The private colour tokens of a `.fact-box { … }` block: `--_fg` -> `#1c1c1c` (the default of its --fact-box-* property). */
function tokens(block: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const match of block.matchAll(/--_([\w-]+):\s*var\(--fact-box-[\w-]+,\s*(#[\da-f]{6})\)/gi)) map.set(match[1]!, match[2]!.toLowerCase());
  return map;
}

function blockAfter(marker: string): string {
  const start = css.indexOf(marker);
  expect(start, `styles.css has ${marker}`).toBeGreaterThan(-1);
  const open = css.indexOf('.fact-box {', start);
  return css.slice(open, css.indexOf('}', open));
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((index) => {
    const channel = Number.parseInt(hex.slice(index, index + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

const schemes = {
  light: tokens(blockAfter('@layer fact-boxes')),
  dark: tokens(blockAfter('@media (prefers-color-scheme: dark)')),
};

/** Text on background: 4.5:1. */
const TEXT_PAIRS = [
  ['fg', 'bg'],
  ['muted', 'bg'],
  ['accent', 'bg'],
  ['good', 'good-bg'],
  ['warn', 'warn-bg'],
  ['bad', 'bad-bg'],
  ['none', 'none-bg'],
] as const;

/** Graphics readers need (timeline line and dots, bars, status outlines): 3:1. */
const GRAPHIC_PAIRS = [
  ['accent', 'bg'],
  ['bar', 'bg'],
  ['good', 'bg'],
  ['warn', 'bg'],
  ['bad', 'bg'],
  ['none', 'bg'],
] as const;

describe('default theme', () => {
  for (const [scheme, colours] of Object.entries(schemes)) {
    test(`should define every colour token in the ${scheme} scheme`, () => {
      for (const name of ['fg', 'bg', 'muted', 'border', 'accent', 'bar', 'good', 'good-bg', 'warn', 'warn-bg', 'bad', 'bad-bg', 'none', 'none-bg']) {
        expect(colours.get(name), `--_${name}`).toMatch(/^#[\da-f]{6}$/);
      }
    });

    for (const [fg, bg] of TEXT_PAIRS) {
      test(`should give ${fg} text on ${bg} at least 4.5:1 in the ${scheme} scheme`, () => {
        expect(contrast(colours.get(fg)!, colours.get(bg)!)).toBeGreaterThanOrEqual(4.5);
      });
    }

    for (const [fg, bg] of GRAPHIC_PAIRS) {
      test(`should give ${fg} graphics on ${bg} at least 3:1 in the ${scheme} scheme`, () => {
        expect(contrast(colours.get(fg)!, colours.get(bg)!)).toBeGreaterThanOrEqual(3);
      });
    }
  }

  test('should stay under 4 KB gzipped', () => {
    expect(gzipSync(css, { level: 9 }).length).toBeLessThan(4096);
  });

  test('should use logical properties only, so right-to-left text mirrors', () => {
    const physical = css.match(/(?:^|[\s;{])(?:margin|padding|border)-(?:left|right)\b|(?:^|[\s;{])(?:left|right)\s*:|text-align:\s*(?:left|right)|float:\s*(?:left|right)/gm);
    expect(physical).toBeNull();
  });

  test('should support dark mode, print, forced colours and narrow containers', () => {
    expect(css).toContain('@media (prefers-color-scheme: dark)');
    expect(css).toContain('@media print');
    expect(css).toContain('@media (forced-colors: active)');
    expect(css).toMatch(/@container \(min-width: [\d.]+rem\)/);
  });
});
