/**
 * fact-boxes takes Sätteri and Astro as peers: it must use the copies the site has. A peer range that leaves out the
 * version a site's Astro brings makes npm keep that copy out of fact-boxes' reach (`Cannot find package 'satteri'`,
 * with Astro 7.4 and Sätteri 0.11 before the range had 0.11). Every Astro site of the repository, the latest one of
 * the host suite included, installs from its lockfile: each version there is one the ranges must take.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

const ROOT = new URL('../../', import.meta.url);
const json = (path: string) => JSON.parse(readFileSync(new URL(path, ROOT), 'utf8')) as Record<string, unknown>;
const peers = (json('packages/fact-boxes/package.json') as { peerDependencies: Record<string, string> }).peerDependencies;

/** Whether `version` is in a range of caret alternatives (`^0.10.0 || ^0.11.0`), as npm reads them. */
function inRange(version: string, range: string): boolean {
  const [major, minor, patch] = version.split('.').map(Number) as [number, number, number];
  return range.split('||').some((alternative) => {
    const match = /^\s*\^(\d+)\.(\d+)\.(\d+)\s*$/.exec(alternative);
    if (!match) throw new Error(`peers.test.ts reads caret ranges only; got "${alternative}"`);
    const [low, lowMinor, lowPatch] = match.slice(1).map(Number) as [number, number, number];
    if (major !== low) return false;
    // ^0.y.z stays within 0.y; ^x.y.z (x > 0) within x.
    if (low === 0) return minor === lowMinor && patch >= lowPatch;
    return minor > lowMinor || (minor === lowMinor && patch >= lowPatch);
  });
}

/** Every version of a package a lockfile installs, wherever it is in the tree. */
function versionsIn(lockfile: string, name: string): string[] {
  const packages = (json(lockfile) as { packages: Record<string, { version?: string }> }).packages;
  return Object.entries(packages)
    .filter(([path]) => path === `node_modules/${name}` || path.endsWith(`/node_modules/${name}`))
    .map(([, entry]) => entry.version!)
    .filter(Boolean);
}

const LOCKFILES = ['package-lock.json', 'hosts/astro/package-lock.json', 'hosts/astro-latest/package-lock.json', 'hosts/starlight/package-lock.json'];

describe('peer ranges', () => {
  test('should read caret ranges as npm does', () => {
    expect(inRange('0.11.7', '^0.10.0')).toBe(false);
    expect(inRange('0.10.5', '^0.10.0')).toBe(true);
    expect(inRange('0.11.7', '^0.10.0 || ^0.11.0')).toBe(true);
    expect(inRange('7.4.7', '^6.0.0 || ^7.0.0')).toBe(true);
    expect(inRange('8.0.0', '^6.0.0 || ^7.0.0')).toBe(false);
  });

  test.each(LOCKFILES)('should take the Sätteri and Astro that %s installs', (lockfile) => {
    const found = { satteri: versionsIn(lockfile, 'satteri'), astro: versionsIn(lockfile, 'astro') };
    expect(found.satteri.length + found.astro.length).toBeGreaterThan(0);
    for (const [name, versions] of Object.entries(found)) {
      for (const version of versions) expect(inRange(version, peers[name]!), `${name}@${version} in ${lockfile} against "${peers[name]}"`).toBe(true);
    }
  });
});
