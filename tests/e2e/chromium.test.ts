/**
 * How the browser suite finds Chromium and decides between running, failing
 * (CI) and skipping with a banner (elsewhere). No browser needed.
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { findChromium, INSTALL_COMMAND, isCi, missingChromiumMessage } from './helpers/chromium.ts';

const dir = mkdtempSync(join(tmpdir(), 'fact-boxes-chromium-'));
const fake = (name: string, executable = true) => {
  const path = join(dir, name);
  writeFileSync(path, '#!/bin/sh\n');
  chmodSync(path, executable ? 0o755 : 0o644);
  return path;
};

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('finding Chromium', () => {
  test('should use FACT_BOXES_CHROMIUM when it names an executable', () => {
    const path = fake('my-chromium');
    expect(findChromium({ FACT_BOXES_CHROMIUM: path, PATH: '' }).path).toBe(path);
  });

  test('should find none when FACT_BOXES_CHROMIUM names nothing, even with chromium on PATH', () => {
    fake('chromium');
    expect(findChromium({ FACT_BOXES_CHROMIUM: '/nonexistent', PATH: dir })).toEqual({ path: undefined, tried: ['/nonexistent'] });
  });

  test('should not take a file that is not executable', () => {
    expect(findChromium({ FACT_BOXES_CHROMIUM: fake('not-executable', false) }).path).toBeUndefined();
  });

  test('should find chromium, then chromium-browser, on PATH', () => {
    const other = mkdtempSync(join(tmpdir(), 'fact-boxes-path-'));
    try {
      const browser = join(other, 'chromium-browser');
      writeFileSync(browser, '#!/bin/sh\n');
      chmodSync(browser, 0o755);
      expect(findChromium({ PATH: other }).path).toBe(browser);
      expect(findChromium({ PATH: `${other}:${dir}` }).path).toBe(join(dir, 'chromium'));
      expect(findChromium({ PATH: '/nowhere' }).path).toBeUndefined();
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  test('should treat CI=true and CI=1 as CI, and CI=false, 0 or unset as not', () => {
    expect([isCi({ CI: 'true' }), isCi({ CI: '1' }), isCi({ CI: 'false' }), isCi({ CI: '0' }), isCi({})]).toEqual([true, true, false, false, false]);
  });

  test('should name the one command that installs Chromium, and say whether the tests fail or are skipped', () => {
    const lookup = { path: undefined, tried: ['/nonexistent'] };
    expect(missingChromiumMessage(lookup, false).join('\n')).toContain(`Install Debian's Chromium:  ${INSTALL_COMMAND}`);
    expect(missingChromiumMessage(lookup, false)[0]).toMatch(/^Browser tests SKIPPED: no Chromium \(looked for \/nonexistent\)/);
    expect(missingChromiumMessage(lookup, true)[0]).toMatch(/^Browser tests FAILED/);
    expect(INSTALL_COMMAND).toBe('apt-get install -y chromium');
  });
});
