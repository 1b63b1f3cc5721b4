/**
 * Which Chromium the browser tests drive: Debian's, never a downloaded one.
 * `FACT_BOXES_CHROMIUM` names a binary; otherwise `chromium` or
 * `chromium-browser` on PATH. Without one, the suite fails under CI and is
 * skipped elsewhere, with a banner naming the command that installs it.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The one command that installs Debian's Chromium. */
export const INSTALL_COMMAND = 'apt-get install -y chromium';

/**
 * Flags for every launch, Playwright's and Lighthouse's alike: headless, no
 * sandbox (root in CI), and nothing that reaches the network on its own.
 */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
] as const;

export interface ChromiumLookup {
  /** The binary to launch, when one was found. */
  path: string | undefined;
  /** Where it looked, for the message when it found none. */
  tried: string[];
}

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * Find Chromium: `FACT_BOXES_CHROMIUM` when set (and only it), else the first
 * `chromium` or `chromium-browser` on PATH.
 *
 * @example
 *   findChromium({ FACT_BOXES_CHROMIUM: '/nonexistent' }) // { path: undefined, tried: ['/nonexistent'] }
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): ChromiumLookup {
  const chosen = env.FACT_BOXES_CHROMIUM;
  if (chosen) return { path: isExecutableFile(chosen) ? chosen : undefined, tried: [chosen] };
  const tried: string[] = [];
  for (const name of ['chromium', 'chromium-browser']) {
    for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
      const candidate = join(dir, name);
      tried.push(candidate);
      if (isExecutableFile(candidate)) return { path: candidate, tried };
    }
  }
  return { path: undefined, tried: env.PATH ? ['chromium or chromium-browser on PATH'] : ['PATH (empty)'] };
}

/** Whether this is a CI run (`CI=true`, `CI=1`…), where a missing browser is a failure. */
export function isCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = (env.CI ?? '').trim().toLowerCase();
  return value !== '' && value !== '0' && value !== 'false';
}

/**
 * What to tell the reader when no browser is found: one line each for what happened,
 * the command that installs Chromium, and what else works.
 */
export function missingChromiumMessage(lookup: ChromiumLookup, ci: boolean): string[] {
  const where = lookup.tried.length === 1 ? lookup.tried[0] : 'chromium or chromium-browser on PATH';
  return [
    `${ci ? 'Browser tests FAILED' : 'Browser tests SKIPPED'}: no Chromium (looked for ${where}).`,
    `Install Debian's Chromium:  ${INSTALL_COMMAND}`,
    `or set FACT_BOXES_CHROMIUM to a Chromium binary.${ci ? '' : ' (Under CI=true these tests fail instead.)'}`,
  ];
}
