// `npm run bench`: measures what fact boxes cost an author's build and writes BENCHMARKS.md.
// Sizes of the generated sites: BENCH_SIZES=10,100,1000 (default). Quick run: BENCH_QUICK=1.
// Every run keeps what it measured in bench/.work/results.json; BENCH_REPORT=1 writes BENCHMARKS.md
// again from that file without measuring anything (after a change to the report itself).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, platform, release } from 'node:os';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { pluginOverhead } from './plugin.mjs';
import { buildSite } from './site.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const fmt = (n, digits = 2) => n.toFixed(digits);
const log = (line) => process.stderr.write(`${line}\n`);

const commitNow = () => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
};

/** Everything the report reads, measured now. */
async function measure() {
  const quick = process.env.BENCH_QUICK === '1';
  const sizes = (process.env.BENCH_SIZES ?? (quick ? '10,50' : '10,100,1000')).split(',').map(Number);
  const repeats = quick ? 1 : 3;
  // Variants in one run; BENCH_VARIANTS="floor;satteri + fact-boxes" picks some (for large sizes).
  const ALL_VARIANTS = ['floor', 'static HTML', 'satteri + fact-boxes', 'satteri + fact-boxes, records as one JSON string', 'satteri + fact-boxes, records as objects', 'satteri + fact-boxes, 300 entities', 'satteri + fact-boxes, pages without boxes', 'floor, unified', 'unified + fact-boxes', 'components', 'floor, .md collection', 'static HTML, .md collection', 'satteri + fact-boxes, .md collection', 'satteri + fact-boxes, records as one JSON string, .md collection', 'satteri + fact-boxes, records as an array, .md collection', 'floor, store split, .md collection'];
  const VARIANTS = process.env.BENCH_VARIANTS ? process.env.BENCH_VARIANTS.split(';').map((name) => name.trim()) : ALL_VARIANTS;
  for (const variant of VARIANTS) if (!ALL_VARIANTS.includes(variant)) throw new Error(`bench: unknown variant "${variant}"; one of: ${ALL_VARIANTS.join('; ')}`);
  // Content collections are cached by Astro: each is built a second time, unchanged.
  const SECOND = VARIANTS.filter((variant) => variant.endsWith('.md collection')).map((variant) => `${variant}, second build`);

  log('bench: plugin overhead…');
  const plugin = await pluginOverhead(quick ? { articles: 10, rounds: 3, time: 200 } : { articles: 20, rounds: 7, time: 500 });

  const sites = [];
  for (const count of sizes) {
    const runs = Object.fromEntries(VARIANTS.map((variant) => [variant, []]));
    const times = count >= 1000 ? 1 : repeats;
    for (let round = 0; round < times; round++) {
      // Alternate the order each round, so no variant always runs on a warm machine.
      const order = round % 2 === 0 ? VARIANTS : [...VARIANTS].reverse();
      for (const variant of order) {
        log(`bench: astro build, ${count} articles, ${variant} (round ${round + 1}/${times})…`);
        runs[variant].push(buildSite(variant, count));
        if (variant.endsWith('.md collection')) {
          log(`bench: astro build again, ${count} articles, ${variant} (round ${round + 1}/${times})…`);
          (runs[`${variant}, second build`] ??= []).push(buildSite(variant, count, { again: true }));
        }
      }
    }
    for (const variant of [...VARIANTS, ...SECOND]) {
      const list = runs[variant];
      sites.push({
        count,
        variant,
        seconds: median(list.map((run) => run.seconds)),
        peakMiB: Math.max(...list.map((run) => run.peakMiB)),
        htmlBytes: list[0].htmlBytes,
        jsBytes: list[0].jsBytes,
        runs: list.length,
      });
    }
  }
  const css = readFileSync(`${root}packages/fact-boxes/styles.css`);
  return {
    run: {
      machine: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${fmt(totalmem() / 2 ** 30, 1)} GiB, ${platform()} ${release()}`,
      node: process.version,
      commit: commitNow(),
      date: new Date().toISOString().slice(0, 10),
      quick,
      repeats,
      sizes,
      variants: [...VARIANTS, ...SECOND],
      stylesheet: { raw: css.length, gzip: gzipSync(css, { level: 9 }).length },
    },
    plugin,
    sites,
  };
}

const resultsFile = `${root}bench/.work/results.json`;
const archiveFile = `${root}bench/archive.json`;
const report = process.env.BENCH_REPORT === '1';
const results = report ? JSON.parse(readFileSync(resultsFile, 'utf8')) : await measure();
if (!results.run) throw new Error(`bench: ${resultsFile} has no run details (machine, commit, sizes); measure again with npm run bench`);
if (!report) {
  mkdirSync(`${root}bench/.work`, { recursive: true });
  writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
}
const { run, plugin, sites } = results;
const { sizes, variants } = run;

const site = (count, variant) => sites.find((entry) => entry.count === count && entry.variant === variant);
const largest = sizes.at(-1);
const boxesPerArticle = 8;
const has = (variant) => sites.some((entry) => entry.variant === variant);
const htmlPerBox = (variant) => (site(largest, variant).htmlBytes - site(largest, 'floor').htmlBytes) / (largest * boxesPerArticle);
// Each variant against the floor of its own setup: MDX pages, or a .md collection (first or second build).
const floorOf = (entry) => {
  // The floor with its content store cut is measured against the plain floor too: what the cut is worth.
  if (entry.variant.includes('.md collection')) return site(entry.count, `floor, .md collection${entry.variant.endsWith(', second build') ? ', second build' : ''}`);
  // unified's rows against unified's own floor when it was built (the Sätteri floor is several times faster).
  if (entry.variant.includes('unified') && site(entry.count, 'floor, unified')) return site(entry.count, 'floor, unified');
  return site(entry.count, 'floor');
};
const perBox = (name) => ((plugin.perArticle[`${name} + fact-boxes`] - plugin.perArticle[name]) / boxesPerArticle) * 1000;


const rows = [];
rows.push('# Benchmarks', '');
rows.push('Regenerated by `npm run bench` (do not edit by hand). Every figure below was measured in one run, with its baseline measured in the same run on the same machine.', '');
rows.push('## Machine', '');
rows.push(`- ${run.machine}`);
rows.push(`- Node ${run.node}, commit ${run.commit}, ${run.date}`);
rows.push(`- ${run.quick ? 'Quick run (BENCH_QUICK=1): fewer rounds, small sites.' : `Sites of ${sizes.join(', ')} articles; ${run.repeats} alternating rounds below 1,000 articles, one from 1,000 up.`}`, '');
rows.push('## Commands', '');
rows.push('```sh', 'npm run bench                                   # everything, writes BENCHMARKS.md', 'BENCH_QUICK=1 npm run bench                     # a quick look', 'BENCH_SIZES=10,100,6000 npm run bench           # chosen site sizes (the last one is the one the goals are read at)', 'BENCH_SIZES=20000 BENCH_VARIANTS="floor;satteri + fact-boxes" npm run bench   # a newsroom archive, two variants', 'node bench/archive.mjs                          # the 20,000-article goal alone: bench/archive.json, reported under Goals', 'BENCH_REPORT=1 npm run bench                    # BENCHMARKS.md again from the last run\'s results (bench/.work/results.json)', '```', '');
rows.push('The corpus is generated from a fixed seed (`bench/corpus.mjs`): articles of about 1,500 words with 8 boxes of every kind (claims, a fact-check, casualties with and without groups, a timeline, actors), and prose with times, scores and colons (`10:30`, `3:1`, `re:Invent`). Where the memory and time go is in [bench/profile.md](bench/profile.md), with the commands that reproduce it.', '');
rows.push('## Plugin overhead', '');
rows.push(`The same ${plugin.articles} articles through each pipeline, median of ${plugin.rounds} alternating rounds (tinybench), per article; per box is the time with boxes minus the time without, over the ${boxesPerArticle} boxes of an article:`, '');
rows.push('| pipeline | without fact-boxes | with fact-boxes | ratio | per box | goal |', '| --- | ---: | ---: | ---: | ---: | ---: |');
rows.push(`| remark-parse + remark-directive + remark-rehype + rehype-stringify | ${fmt(plugin.perArticle.unified, 3)} ms | ${fmt(plugin.perArticle['unified + fact-boxes'], 3)} ms | ${fmt(plugin.ratios.unified)} | ${fmt(perBox('unified'), 0)} µs | ratio 1.15, 30 µs a box |`);
rows.push(`| Sätteri \`markdownToHtml\` (GFM off as in the row above; as Astro's .md pages: boxes written into the page's text as raw HTML around the author's blocks, then rendered without the directive feature) | ${fmt(plugin.perArticle.satteri, 3)} ms | ${fmt(plugin.perArticle['satteri + fact-boxes'], 3)} ms | ${fmt(plugin.ratios.satteri)} | ${fmt(perBox('satteri'), 0)} µs | 30 µs a box |`);
if (plugin.perArticle['satteri + fact-boxes, through the plugin'] !== undefined) rows.push(`| Sätteri \`markdownToHtml\`, through the plugin (directive feature on; .md pages the integration cannot write so: a box in a list, another directive, an error) | ${fmt(plugin.perArticle.satteri, 3)} ms | ${fmt(plugin.perArticle['satteri + fact-boxes, through the plugin'], 3)} ms | ${fmt(plugin.ratios['satteri, through the plugin'])} | ${fmt(((plugin.perArticle['satteri + fact-boxes, through the plugin'] - plugin.perArticle.satteri) / boxesPerArticle) * 1000, 0)} µs | 30 µs a box |`);
rows.push(`| Sätteri \`mdxToJs\` (the same articles as MDX, as Astro's MDX pages: boxes written into the page's text as \`<Fragment set:html>\` strings around the author's text, then compiled without the directive feature) | ${fmt(plugin.perArticle['satteri mdx'], 3)} ms | ${fmt(plugin.perArticle['satteri mdx + fact-boxes'], 3)} ms | ${fmt(plugin.ratios['satteri mdx'])} | ${fmt(perBox('satteri mdx'), 0)} µs | 30 µs a box |`);
if (plugin.perArticle['satteri mdx + fact-boxes, through the plugin'] !== undefined) rows.push(`| Sätteri \`mdxToJs\`, through the plugin (MDX pages the integration cannot write so: a box in a list, another directive, an error) | ${fmt(plugin.perArticle['satteri mdx'], 3)} ms | ${fmt(plugin.perArticle['satteri mdx + fact-boxes, through the plugin'], 3)} ms | ${fmt(plugin.ratios['satteri mdx, through the plugin'])} | ${fmt(((plugin.perArticle['satteri mdx + fact-boxes, through the plugin'] - plugin.perArticle['satteri mdx']) / boxesPerArticle) * 1000, 0)} µs | 30 µs a box |`);
const perBoxStandalone = (name) => ((plugin.perArticle[`${name} + fact-boxes/satteri`] - plugin.perArticle[name]) / boxesPerArticle) * 1000;
rows.push(`| Sätteri \`markdownToHtml\` with \`fact-boxes/satteri\` (a site's own Sätteri pipeline: boxes read from Sätteri's nodes) | ${fmt(plugin.perArticle.satteri, 3)} ms | ${fmt(plugin.perArticle['satteri + fact-boxes/satteri'], 3)} ms | ${fmt(plugin.ratios['satteri, fact-boxes/satteri'])} | ${fmt(perBoxStandalone('satteri'), 0)} µs | 30 µs a box |`);
rows.push(`| Sätteri \`mdxToJs\` with \`fact-boxes/satteri\` (the same, MDX) | ${fmt(plugin.perArticle['satteri mdx'], 3)} ms | ${fmt(plugin.perArticle['satteri mdx + fact-boxes/satteri'], 3)} ms | ${fmt(plugin.ratios['satteri mdx, fact-boxes/satteri'])} | ${fmt(perBoxStandalone('satteri mdx'), 0)} µs | 30 µs a box |`, '');
rows.push('The Sätteri rows without a name measure fact-boxes as the Astro integration runs it when it is the only mdast plugin. MDX and `.md` pages have their boxes written into their text before Sätteri reads them (`src/adapters/satteri-prepass.ts`, `src/adapters/satteri-prepass-md.ts`), where that gives the plugin\'s page; the plugin renders the others. The plugin knows the features Astro parses with and reads each box from its own text in one call (`src/adapters/satteri-reread.ts`). `fact-boxes/satteri` on its own cannot know them, and reads boxes from Sätteri\'s nodes.', '');
rows.push('## Site build', '');
rows.push('`astro build` of generated sites, in a child process: MDX articles each its own page, or `.md` articles in a content collection rendered by one page (built twice: the second build finds the content layer cache). Seconds are the median of the rounds, peak memory the largest resident set seen; ratios are to the floor of the same setup.', '');
rows.push('| articles | variant | seconds | time ratio | peak MiB | memory ratio | pages/s | HTML bytes | client JS bytes |', '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const entry of sites) {
  const floor = floorOf(entry);
  rows.push(`| ${entry.count} | ${entry.variant} | ${fmt(entry.seconds)} | ${floor ? fmt(entry.seconds / floor.seconds) : '–'} | ${fmt(entry.peakMiB, 0)} | ${floor ? fmt(entry.peakMiB / floor.peakMiB) : '–'} | ${fmt(entry.count / entry.seconds, 1)} | ${entry.htmlBytes.toLocaleString('en-GB')} | ${entry.jsBytes} |`);
}
rows.push('');
rows.push('Variants: **floor**: Sätteri with the boxes taken out (no fact-boxes); **satteri + fact-boxes**: Astro 7’s default processor with the integration (each page’s records in the build’s store, its frontmatter holding only its file: the default on a site without an adapter); **…, records as one JSON string**: the same with `factBoxes({ records: \'json\' })`, the records on each page’s frontmatter as one JSON string (the default with an adapter); **…, records as objects**: the same with `factBoxes({ records: \'objects\' })`, as an array of objects; **…, 300 entities**: the same with 300 entities (`entities`, `entityUrl`; three the corpus names, 297 it does not), so every name is matched; **…, pages without boxes**: the floor’s pages, which hold no box, with the integration (what fact-boxes costs the articles of an archive that have none); **unified + fact-boxes**: `processor: unified()` with the integration, against **floor, unified**: the same pages through `processor: unified()` with the boxes taken out (its ratios are to that floor); **static HTML**: each box written into the page as the HTML fact-boxes renders for it (one `<Fragment set:html>` in MDX, one raw HTML block in `.md`), no plugin and no stylesheet at build time: the boxes’ HTML as strings in each page, with nothing kept out of the module; **components**: the same boxes written as imported Astro components in MDX (what an author would otherwise write; they render about a third of the boxes’ HTML and carry no stylesheet); **…, .md collection**: the articles as `.md` entries of a content collection (each entry’s records in the build’s store by default, kept on disk for the next build, its frontmatter holding only its file; with an adapter, and in runs before that change, an array on the frontmatter, which **records as an array** measures; **records as one JSON string** measures the string); **floor, store split, .md collection**: the floor’s collection with the module of Astro’s content store cut into string literals of about 1 MiB, as fact-boxes’ integration cuts it on its own sites (one literal as long as the store compiles in time quadratic in its length: bench/profile.md); the **static HTML** collection, with no integration, is not cut; **…, second build**: the same site built again, unchanged.', '');
rows.push('### Growth with the number of articles', '');
rows.push('| variant | ' + sizes.map((count) => `${count} articles`).join(' | ') + ' | seconds per article, smallest → largest |', '| --- | ' + sizes.map(() => '---:').join(' | ') + ' | --- |');
for (const variant of variants) {
  const seconds = sizes.map((count) => site(count, variant).seconds);
  rows.push(`| ${variant} | ${seconds.map((value) => fmt(value)).join(' | ')} | ${fmt((seconds[0] / sizes[0]) * 1000, 1)} ms → ${fmt((seconds.at(-1) / sizes.at(-1)) * 1000, 1)} ms |`);
}
rows.push('');
rows.push('## Output weight', '');
rows.push('| what | bytes | goal |', '| --- | ---: | --- |');
rows.push(`| \`fact-boxes/styles.css\`, raw | ${run.stylesheet.raw.toLocaleString('en-GB')} | |`);
rows.push(`| \`fact-boxes/styles.css\`, gzip | ${run.stylesheet.gzip.toLocaleString('en-GB')} | under 4,096 |`);
if (has('satteri + fact-boxes')) rows.push(`| client JavaScript, Sätteri + fact-boxes site of ${largest} articles | ${site(largest, 'satteri + fact-boxes').jsBytes} | 0 |`);
if (has('satteri + fact-boxes') && has('floor')) rows.push(`| HTML per box (Sätteri + fact-boxes, over the floor) | ${fmt(htmlPerBox('satteri + fact-boxes'), 0)} | |`);
if (has('components') && has('floor')) rows.push(`| HTML per box (components, over the floor) | ${fmt(htmlPerBox('components'), 0)} | |`);
rows.push('');
rows.push(`## Goals, at ${largest} articles`, '');
rows.push('| goal | measured | met |', '| --- | ---: | --- |');
const yes = (ok) => (ok ? 'yes' : '**no**');
if (has('satteri + fact-boxes') && has('floor')) {
  const fb = site(largest, 'satteri + fact-boxes');
  const floor = site(largest, 'floor');
  const components = has('components') ? site(largest, 'components') : undefined;
  rows.push(`| build time at most 1.10× the floor | ${fmt(fb.seconds / floor.seconds)}× | ${yes(fb.seconds / floor.seconds <= 1.1)} |`);
  rows.push(`| peak memory at most 1.15× the floor | ${fmt(fb.peakMiB / floor.peakMiB)}× | ${yes(fb.peakMiB / floor.peakMiB <= 1.15)} |`);
  if (components) {
    rows.push(`| time no worse than components (${fmt(components.seconds / floor.seconds)}×) | ${fmt(fb.seconds / floor.seconds)}× | ${yes(fb.seconds <= components.seconds)} |`);
    rows.push(`| memory no worse than components (${fmt(components.peakMiB / floor.peakMiB)}×) | ${fmt(fb.peakMiB / floor.peakMiB)}× | ${yes(fb.peakMiB <= components.peakMiB)} |`);
  }
}
// The archive is built on its own (it takes about as long as the rest of the run): `node bench/archive.mjs`.
const archive = existsSync(archiveFile) ? JSON.parse(readFileSync(archiveFile, 'utf8')) : undefined;
if (archive) {
  const fits = archive.articles >= 20000 && archive.peakMiB < archive.machineMiB;
  rows.push(`| a 20,000-article site builds on this machine (\`${archive.command}\`, commit ${archive.commit}, ${archive.date}, not this run) | ${archive.articles.toLocaleString('en-GB')} articles in ${fmt(archive.seconds, 1)} s, peak ${archive.peakMiB.toLocaleString('en-GB')} of ${archive.machineMiB.toLocaleString('en-GB')} MiB | ${yes(fits)} |`);
} else {
  rows.push('| a 20,000-article site builds on this machine | not measured: `node bench/archive.mjs` | **no** |');
}
if (has('unified + fact-boxes') && has('floor, unified')) {
  // The same goals on `processor: unified()`, against its own floor (the Sätteri floor is several times faster).
  const fb = site(largest, 'unified + fact-boxes');
  const floor = site(largest, 'floor, unified');
  rows.push(`| on unified, build time at most 1.10× unified's floor | ${fmt(fb.seconds / floor.seconds)}× | ${yes(fb.seconds / floor.seconds <= 1.1)} |`);
  rows.push(`| on unified, peak memory at most 1.15× unified's floor | ${fmt(fb.peakMiB / floor.peakMiB)}× | ${yes(fb.peakMiB / floor.peakMiB <= 1.15)} |`);
}
if (has('satteri + fact-boxes, .md collection') && has('floor, .md collection')) {
  const cached = site(largest, 'satteri + fact-boxes, .md collection, second build');
  const floorCached = site(largest, 'floor, .md collection, second build');
  const cut = has('floor, store split, .md collection');
  // Below 1.15× only because fact-boxes cuts the store and this floor does not: not counted as met.
  const uncounted = cut && cached.seconds / floorCached.seconds <= 1.15 ? ' (not counted: the floor keeps the uncut store; see the next row)' : '';
  rows.push(`| a cached .md collection build takes about the floor's cached build (at most 1.15×), the floor as Astro builds it | ${fmt(cached.seconds / floorCached.seconds)}× | ${yes(cached.seconds / floorCached.seconds <= 1.15)}${uncounted} |`);
  if (cut) {
    // fact-boxes cuts the module of Astro's content store (src/astro/content-store.ts), which a site without it does
    // not: against a floor with the same cut, what the boxes themselves cost a cached build.
    const cutFloor = site(largest, 'floor, store split, .md collection, second build');
    rows.push(`| the same, against the floor with its content store cut as fact-boxes cuts it (what the boxes themselves cost) | ${fmt(cached.seconds / cutFloor.seconds)}× | ${yes(cached.seconds / cutFloor.seconds <= 1.15)} |`);
  }
}
if (has('satteri + fact-boxes, 300 entities') && has('satteri + fact-boxes')) {
  const ratio = site(largest, 'satteri + fact-boxes, 300 entities').seconds / site(largest, 'satteri + fact-boxes').seconds;
  rows.push(`| matching names against 300 entities adds a few percent to the build (at most 1.05×) | ${fmt(ratio)}× | ${yes(ratio <= 1.05)} |`);
}
rows.push(`| per box at most 30 µs, unified | ${fmt(perBox('unified'), 0)} µs | ${yes(perBox('unified') <= 30)} |`);
rows.push(`| per box at most 30 µs, Sätteri | ${fmt(perBox('satteri'), 0)} µs (.md), ${fmt(perBox('satteri mdx'), 0)} µs (MDX) | ${yes(perBox('satteri') <= 30 && perBox('satteri mdx') <= 30)} |`);
rows.push(`| unified plugin overhead at most 1.15× | ${fmt(plugin.ratios.unified)}× | ${yes(plugin.ratios.unified <= 1.15)} |`);
rows.push(`| stylesheet under 4 KB gzipped | ${run.stylesheet.gzip.toLocaleString('en-GB')} B | ${yes(run.stylesheet.gzip < 4096)} |`);
if (has('satteri + fact-boxes')) rows.push(`| zero client JavaScript | ${site(largest, 'satteri + fact-boxes').jsBytes} B | ${yes(site(largest, 'satteri + fact-boxes').jsBytes === 0)} |`);
rows.push('');
rows.push("Sites of 1,000 articles and more are built once per variant, and one build's peak memory is only so exact: it depends on when V8 runs its full collections. At 6,000 MDX articles the package of commit 6d9b81f (a change since reverted) peaked at 3,320 MiB in one build and 4,290 in the next (bench/profile.md). Read the memory ratios with that in mind.", '');
// What fact-boxes costs over its own HTML written into the pages by hand: no goal of the issue.
const againstHtml = [['MDX pages', 'satteri + fact-boxes', 'static HTML'], ['.md collection', 'satteri + fact-boxes, .md collection', 'static HTML, .md collection'], ['.md collection, second build', 'satteri + fact-boxes, .md collection, second build', 'static HTML, .md collection, second build']].filter(([, fb, html]) => sites.some((entry) => entry.variant === fb) && sites.some((entry) => entry.variant === html));
if (againstHtml.length > 0) {
  rows.push(`### Against the boxes' own HTML, at ${largest} articles`, '');
  rows.push('The same HTML written into the pages by hand (the **static HTML** variants), as strings in each MDX page\u2019s module or raw HTML in each `.md` entry. It is not a floor: in MDX, fact-boxes keeps the strings out of the module on a site without an adapter (`node bench/html-outside.mjs` measures the same HTML both ways, bench/profile.md).', '');
  rows.push('| setup | HTML by hand: time, memory to the floor | fact-boxes: time, memory to the floor | fact-boxes to the HTML by hand: time, memory |', '| --- | ---: | ---: | ---: |');
  for (const [setup, fb, html] of againstHtml) {
    const a = site(largest, fb);
    const b = site(largest, html);
    const floor = floorOf(a);
    rows.push(`| ${setup} | ${fmt(b.seconds / floor.seconds)}×, ${fmt(b.peakMiB / floor.peakMiB)}× | ${fmt(a.seconds / floor.seconds)}×, ${fmt(a.peakMiB / floor.peakMiB)}× | ${fmt(a.seconds / b.seconds)}×, ${fmt(a.peakMiB / b.peakMiB)}× |`);
  }
  rows.push('');
}
rows.push(readFileSync(new URL('./optimisations.md', import.meta.url), 'utf8').trim(), '');

writeFileSync(`${root}BENCHMARKS.md`, `${rows.join('\n')}\n`);
log('bench: wrote BENCHMARKS.md');
console.log(rows.join('\n'));
