/**
 * `astro dev` on a site whose MDX page changes while the server runs. Each change compiles the page again; on a site
 * without an adapter the HTML of its boxes is kept in the process's store, under a key of each compile. The store
 * keeps the latest compiles of a file only (outputs/site-store.ts, `KEPT_COMPILES`), on Sätteri, where the
 * integration writes the boxes into the page, and on unified(), where the plugin renders them; and every version
 * of the page renders with its boxes.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { KEPT_COMPILES } from '../../packages/fact-boxes/dist/outputs/site-store.js';
import { ROOT, runNode } from './astro-cli.ts';

const SITE = join(ROOT, 'tests/fixtures/sites/dev-edits');
const EDITS = 5;

/** The page at its `version`th edit (`{version}`: the text the runner fills in): two boxes, the claim's title naming the version. */
const page = (version: number | string) => `# Talks, version ${version}

The talks resumed at 10:30 on Tuesday.

:::claim[Edit ${version}: the ministry's figure]{by="Interior Ministry" date=2024-03-01 status=disputed}
The ministry said *all* roads were open.
:::

:::casualties[Toll, version ${version}]{killed=12 injured="30+" source="Health Ministry" as-of=2024-03-02}
Figures for the city, version ${version}.
:::
`;

/** In a child process: the dev server, the page fetched after each edit (until it shows it), and the store's size. */
const RUNNER = `
import { writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
const [root, file, edits, pageText] = JSON.parse(process.argv[1]);
const { dev } = await import('astro');
const server = await dev({ root, logLevel: 'error', server: { host: '127.0.0.1', port: 0 } });
const url = 'http://127.0.0.1:' + server.address.port + '/talks/';
const kept = () => globalThis[Symbol.for('fact-boxes.site-store.2')]?.html?.pages.size ?? 0;
const versions = [];
for (let version = 0; version <= edits; version++) {
  if (version > 0) writeFileSync(file, pageText.replaceAll('{version}', String(version)));
  let html = '';
  for (let attempt = 0; attempt < 150 && !html.includes('Edit ' + version + ':'); attempt++) {
    if (attempt > 0) await sleep(100);
    html = await (await fetch(url)).text();
  }
  versions.push({ version, html, kept: kept() });
}
await server.stop();
console.log(JSON.stringify(versions));
process.exit(0);
`;

interface Version {
  version: number;
  html: string;
  kept: number;
}

async function serveAndEdit(processor: 'satteri' | 'unified'): Promise<Version[]> {
  const pages = join(SITE, 'src', 'pages');
  rmSync(join(SITE, 'src'), { recursive: true, force: true });
  mkdirSync(pages, { recursive: true });
  const file = join(pages, 'talks.mdx');
  writeFileSync(file, page(0));
  const args = JSON.stringify([SITE, file, EDITS, page('{version}')]);
  const run = await runNode(['--input-type=module', '-e', RUNNER, args], ROOT, { FACT_BOXES_PROCESSOR: processor });
  const last = run.stdout.trim().split('\n').pop() ?? '';
  if (run.code !== 0 || !last.startsWith('[')) throw new Error(`astro dev (${processor}) failed (${run.code}):\n${run.output}`);
  return JSON.parse(last) as Version[];
}

describe.each(['satteri', 'unified'] as const)('astro dev on %s, a page edited while the server runs', (processor) => {
  test(
    `renders every version with its boxes, and keeps the box HTML of the latest ${KEPT_COMPILES} compiles only`,
    async () => {
      const versions = await serveAndEdit(processor);
      expect(versions).toHaveLength(EDITS + 1);
      for (const { version, html } of versions) {
        expect(html).toContain(`Edit ${version}: the ministry`);
        expect(html).toContain(`Figures for the city, version ${version}.`);
        // The static parts came from the store: the kind labels and facts of both boxes.
        expect(html).toMatch(/<section class="fact-box fact-box--claim"[^>]*>.*<dd>Interior Ministry<\/dd>.*<\/section>/s);
        expect(html).toMatch(/<section class="fact-box fact-box--casualties"[^>]*>.*Health Ministry.*<\/section>/s);
        // The prose keeps its time.
        expect(html).toContain('resumed at 10:30 on Tuesday');
      }
      // Before the change every compile's HTML stayed: one more key an edit.
      expect(versions[0]!.kept).toBeGreaterThan(0);
      for (const { kept } of versions) expect(kept).toBeLessThanOrEqual(KEPT_COMPILES);
    },
    120_000,
  );
});
