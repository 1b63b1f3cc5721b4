/**
 * The package as published: publint and "are the types wrong" must pass, and
 * every entry point must import in Node.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const packageDir = fileURLToPath(new URL('../../packages/fact-boxes/', import.meta.url));
const manifest = JSON.parse(readFileSync(`${packageDir}package.json`, 'utf8')) as { exports: Record<string, unknown> };

function run(command: string, args: string[]): string {
  return execFileSync(command, args, { cwd: packageDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_loglevel: 'error' } });
}

describe('the published package', () => {
  test('should pass publint in strict mode', () => {
    const output = run(process.execPath, [fileURLToPath(new URL('../../node_modules/publint/src/cli.js', import.meta.url)), '--strict']);
    expect(output).toContain('All good!');
  });

  test('should pass are-the-types-wrong for ESM consumers', () => {
    const output = run(process.execPath, [fileURLToPath(new URL('../../node_modules/@arethetypeswrong/cli/dist/index.js', import.meta.url)), '--pack', '.', '--profile', 'esm-only', '--exclude-entrypoints', './styles.css', '--format', 'json']);
    const report = JSON.parse(output) as { problems: Record<string, { kind: string; entrypoint?: string; resolutionKind?: string }[]> };
    const problems = Object.values(report.problems).flat();
    // CommonJS and node10 resolution are out of scope for an ESM-only package.
    expect(problems.filter((problem) => problem.resolutionKind !== 'node10' && problem.resolutionKind !== 'node16-cjs')).toEqual([]);
  });

  test.each(Object.keys(manifest.exports).filter((entry) => !entry.endsWith('.css') && !entry.endsWith('.json')))('should import %s', async (entry) => {
    const module = (await import(entry === '.' ? 'fact-boxes' : `fact-boxes/${entry.slice(2)}`)) as Record<string, unknown>;
    expect(Object.keys(module).length).toBeGreaterThan(0);
  });
});
