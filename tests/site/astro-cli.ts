/** Run the real Astro CLI (as `npm run build` does), with the Node that runs the tests. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root: the demo site. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const ASTRO = fileURLToPath(new URL('../../node_modules/astro/bin/astro.mjs', import.meta.url));

export interface AstroRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr, without colours. */
  output: string;
}

/**
 * `astro <args>` in `cwd`, to completion.
 *
 * @example
 *   const run = await astro(['build', '--outDir', dir], ROOT);
 */
export function astro(args: readonly string[], cwd: string, extraEnv: Record<string, string> = {}): Promise<AstroRun> {
  return new Promise((resolve, reject) => {
    // As a user's shell runs it: not with the NODE_ENV=test and VITEST* that the test runner sets.
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV' && !name.startsWith('VITEST')));
    const child = spawn(process.execPath, [ASTRO, ...args], {
      cwd,
      env: { ...env, ...extraEnv, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', CI: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      // eslint-disable-next-line no-control-regex
      const plain = (text: string) => text.replace(/\u001b\[[\d;]*m/g, '');
      resolve({ code, stdout, stderr, output: plain(`${stdout}\n${stderr}`) });
    });
  });
}
