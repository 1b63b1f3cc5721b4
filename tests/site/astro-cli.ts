/** Run the real Astro CLI (as `npm run build` does), with the Node that runs the tests. */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
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

/** Whether the process that took a lock is gone (the lock is left over from a killed run). */
function ownerGone(lock: string): boolean {
  try {
    process.kill(Number(readFileSync(join(lock, 'pid'), 'utf8')), 0);
    return false;
  } catch {
    return true;
  }
}

/**
 * Run `work` while no other test process builds the same site root. Astro
 * writes its data store under `<root>/.astro/`, which no option moves, by
 * writing a temporary file and renaming it: two builds of one root at once
 * (test files run side by side) can fail on each other's rename.
 */
async function oneBuildPerRoot<T>(root: string, work: () => Promise<T>): Promise<T> {
  const lock = join(tmpdir(), `fact-boxes-astro-${createHash('sha1').update(root).digest('hex').slice(0, 12)}.lock`);
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Taken: wait for it, or clear it when its owner is gone (the pid file comes just after the folder).
      await sleep(250);
      if (ownerGone(lock)) {
        await sleep(250);
        if (ownerGone(lock)) rmSync(lock, { recursive: true, force: true });
      }
    }
  }
  writeFileSync(join(lock, 'pid'), String(process.pid));
  try {
    return await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * `astro <args>` in `cwd`, to completion. Builds of one site root run one at a time.
 *
 * @example
 *   const run = await astro(['build', '--outDir', dir], ROOT);
 */
export function astro(args: readonly string[], cwd: string, extraEnv: Record<string, string> = {}): Promise<AstroRun> {
  if (args[0] !== 'build') return runNode([ASTRO, ...args], cwd, extraEnv);
  const rootAt = args.indexOf('--root');
  const root = resolve(cwd, rootAt === -1 ? '.' : args[rootAt + 1]!);
  return oneBuildPerRoot(root, () => runNode([ASTRO, ...args], cwd, extraEnv));
}

/**
 * `node <args>` in `cwd` with the Node that runs the tests, to completion, in the environment a user's shell gives it.
 *
 * @example
 *   const run = await runNode(['--input-type=module', '-e', script], ROOT);
 */
export function runNode(args: readonly string[], cwd: string, extraEnv: Record<string, string> = {}): Promise<AstroRun> {
  return new Promise((resolve, reject) => {
    // As a user's shell runs it: not with the NODE_ENV=test and VITEST* that the test runner sets.
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV' && !name.startsWith('VITEST')));
    const child = spawn(process.execPath, args, {
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
