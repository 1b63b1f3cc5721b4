// Where a site build's memory and time go with fact boxes: `node bench/profile.mjs [articles]`.
// Builds the same generated MDX site in variants that each take one cost away, in child
// processes, and prints seconds, peak resident memory, and the largest V8 heap seen
// (sampled every 200 ms), so what lives off the V8 heap shows as peak minus heap.
// Add NODE_ARGS="--cpu-prof --cpu-prof-dir=bench/.work/prof" for CPU profiles; PROFILE_VARIANTS="a;b" for some
// variants only, PROFILE_ROUNDS=n to build them n times in alternation.
// `node bench/profile.mjs modules`: one article's compiled MDX module, with and without boxes.
// `node bench/profile.mjs md [articles]`: the same for a `.md` content collection (floor, the boxes'
// HTML by hand, fact-boxes with and without records on the frontmatter).
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import remarkDirective from 'remark-directive';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { markdownToHtml } from 'satteri';
import { unified } from 'unified';
import remarkFactBoxes from 'fact-boxes/remark';
import factBoxes from 'fact-boxes/satteri';
import { article, eachBox, stripBoxes } from './corpus.mjs';
import { generate } from './site.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = join(root, 'bench', '.work');
const head = "import { defineConfig } from 'astro/config';\nimport mdx from '@astrojs/mdx';\nimport { satteri } from '@astrojs/markdown-satteri';\nimport { unified } from '@astrojs/markdown-remark';\nimport factBoxes from 'fact-boxes/astro';\nimport satteriFactBoxes from 'fact-boxes/satteri';\nimport { copyBack, copyBackAndAllocate, copyBackAsFragments } from '../../satteri-copy.mjs';\nimport storeSplit from '../../store-split.mjs';\n";
// A Sätteri plugin after fact-boxes that takes the records off the frontmatter again.
const dropRecords = "const dropRecords = { name: 'drop-records', after(_root, ctx) { delete ctx.data.astro?.frontmatter?.factBoxes; } };\n";
// The stylesheet the way fact-boxes added it before: Astro's page-ssr script.
const pageSsr = "const pageSsr = { name: 'page-ssr-styles', hooks: { 'astro:config:setup': ({ injectScript }) => injectScript('page-ssr', \"import 'fact-boxes/styles.css';\") } };\n";
const config = (body) => `${head}${dropRecords}${pageSsr}export default defineConfig({ ${body}, logLevel: 'error' });\n`;
// A plugin added to Sätteri's list after the integrations ran, with the directive feature on.
const late = (plugin) => `markdown: { processor: satteri() }, integrations: [mdx(), { name: 'late', hooks: { 'astro:config:done': ({ config }) => { const options = config.markdown.processor.options; options.features = { ...options.features, directive: true }; options.mdastPlugins.push(${plugin}); } } }]`;
// The integration with its own plugin entry swapped for the bare `fact-boxes/satteri` one: what the integration adds besides its plugin.
const swapped = (integration) => `markdown: { processor: satteri() }, integrations: [mdx(), ${integration}, { name: 'swap', hooks: { 'astro:config:done': ({ config }) => { const list = config.markdown.processor.options.mdastPlugins; list.splice(list.findIndex((plugin) => typeof plugin === 'function'), 1, ...satteriFactBoxes({ staticHtml: 'fragment' }).mdastPlugins); } } }]`;

/** Each box as the one static string fact-boxes renders for it, with no plugin at build time. */
const asStrings = (text) => eachBox(text, (box) => `<Fragment set:html={${JSON.stringify(markdownToHtml(box, { features: { directive: true }, ...factBoxes() }).html.trim())}} />\n`);

const asMdx = unified().use(remarkParse).use(remarkMdx).use(remarkDirective).use(remarkFactBoxes, { staticHtml: 'fragment' }).use(remarkStringify);

/** Each box as the MDX fact-boxes makes of it (a bare `<Fragment>` of static strings around the author's paragraphs), written into the page. */
export const asFactBoxesMdx = (text) =>
  eachBox(text, (box) => {
    const file = `${box}\n`;
    return asMdx.stringify(asMdx.runSync(asMdx.parse(file), file));
  });

/** Config source for a Vite plugin that hands back every `.mdx` module with `text` appended (and `map`, as source). */
const appending = (name, text, map = 'null') => `vite: { plugins: [{ name: '${name}', enforce: 'post', transform(code, id) { if (id.endsWith('.mdx')) return { code: code + ${JSON.stringify(text)}, map: ${map} }; } }] }`;

/** Config for pages handed on by a worker thread (bench/worker-pass.mjs) that does `work` for each. */
const workerPass = (work) => `integrations: [mdx()], vite: { plugins: [{ name: 'worker-pass', enforce: 'pre', transform(code, id) { if (id.endsWith('.mdx')) return import('../../worker-pass.mjs').then(({ throughWorker }) => throughWorker(code, id, '${work}')); } }] }`;

/** The MDX fact-boxes makes of a page, written by hand, importing the stylesheet as its own ESM. */
const withStylesheetImport = (text) => `import 'fact-boxes/styles.css';\n\n${asFactBoxesMdx(text)}`;

export const VARIANTS = {
  'floor (no boxes)': { config: config('integrations: [mdx()]'), page: stripBoxes },
  'boxes as one HTML string each, no plugin': { config: config('integrations: [mdx()]'), page: asStrings },
  // The same pages with five more (empty) JSX calls after each box: what a call in every page weighs.
  'boxes as one HTML string each, and 40 more JSX calls a page': { config: config('integrations: [mdx()]'), page: (text) => asStrings(text).replace(/\n(<Fragment set:html=.*\n)/g, (_, box) => `\n${box}${'<Fragment set:html="<i></i>" />\n'.repeat(5)}`) },
  // The same JSX fact-boxes hands Sätteri for each box, written into the page: what the output costs without the plugin's work.
  'the MDX fact-boxes makes of each box, written by hand, no plugin': { config: config('integrations: [mdx()]'), page: asFactBoxesMdx },
  // The same MDX made during the build: each .mdx file's boxes rewritten by a Vite plugin before Sätteri reads it (unified on each box's text).
  'the same MDX made at build time by a Vite plugin, no Sätteri plugin': { config: config("integrations: [mdx()], vite: { plugins: [{ name: 'pre', enforce: 'pre', async transform(code, id) { if (id.endsWith('.mdx')) return (await import('../../profile.mjs')).asFactBoxesMdx(code); } }] }") },
  // The same pages written by hand, and the plugin's work for each page done in a worker thread while the build goes on (bench/worker-pass.mjs): would a second thread take it off the build?
  'the MDX fact-boxes makes, written by hand, and each page’s box work done in a worker thread': { config: config(workerPass('boxes')), page: asFactBoxesMdx },
  'the MDX fact-boxes makes, written by hand, and each page sent through an idle worker thread': { config: config(workerPass('empty')), page: asFactBoxesMdx },
  'fact-boxes, styles by page-ssr (before)': { config: config("integrations: [mdx(), factBoxes({ injectStyles: false }), pageSsr]") },
  'fact-boxes, no records on the frontmatter': { config: config("markdown: { processor: satteri() }, integrations: [mdx(), factBoxes(), { name: 'late', hooks: { 'astro:config:done': ({ config }) => config.markdown.processor.options.mdastPlugins.push(dropRecords) } }]") },
  'fact-boxes, no stylesheet': { config: config('integrations: [mdx(), factBoxes({ injectStyles: false })]') },
  'fact-boxes': { config: config('integrations: [mdx(), factBoxes()]') },
  // Each page's records on its frontmatter as one JSON string, compiled into its module: the default before they stayed in the build's store.
  'fact-boxes, records as one JSON string': { config: config("integrations: [mdx(), factBoxes({ records: 'json' })]") },
  // Pages without boxes, with the integration: what its stylesheet and its plugin cost a page that has none.
  'no boxes, fact-boxes': { config: config('integrations: [mdx(), factBoxes()]'), page: stripBoxes },
  'no boxes, fact-boxes, no stylesheet': { config: config('integrations: [mdx(), factBoxes({ injectStyles: false })]'), page: stripBoxes },
  // The same pages with fact-boxes' stylesheet appended to each page's imports, as the integration does it.
  'the MDX fact-boxes makes, written by hand, and the stylesheet imported by every page': { config: config(`integrations: [mdx()], ${appending('styles', '\nimport "fact-boxes/styles.css";\n')}`), page: asFactBoxesMdx },
  // The same pages with a Vite plugin that hands back each page's code with only a comment added: what handing back a page costs.
  'the MDX fact-boxes makes, written by hand, and a comment appended to every page': { config: config(`integrations: [mdx()], ${appending('comment', '\n// fact-boxes\n', "{ mappings: '' }")}`), page: asFactBoxesMdx },
  // The same pages importing the stylesheet themselves, as MDX's own ESM: what the Sätteri plugin now writes into a page.
  'the MDX fact-boxes makes, written by hand, and the stylesheet imported as ESM': { config: config('integrations: [mdx()]'), page: withStylesheetImport },
  // The same pages with the integration: none has a line that can open a box, so it does no box work (session 34).
  'the MDX fact-boxes makes, written by hand, and the stylesheet imported as ESM, with the integration': { config: config('integrations: [mdx(), factBoxes()]'), page: withStylesheetImport },
  // The same pages on unified(), without boxes, with fact-boxes, and with fact-boxes' stylesheet from the Vite plugin on every page.
  'unified, floor (no boxes)': { config: config('markdown: { processor: unified() }, integrations: [mdx()]'), page: stripBoxes },
  'unified, fact-boxes': { config: config('markdown: { processor: unified() }, integrations: [mdx(), factBoxes()]') },
  'unified, no boxes, fact-boxes': { config: config('markdown: { processor: unified() }, integrations: [mdx(), factBoxes()]'), page: stripBoxes },
  'unified, fact-boxes, the stylesheet by the Vite plugin (before)': { config: config(`markdown: { processor: unified() }, integrations: [mdx(), factBoxes({ injectStyles: false })], ${appending('styles', '\nimport "fact-boxes/styles.css";\n')}`) },
  'no boxes, a Sätteri plugin that does nothing': { config: config(late("{ name: 'nothing', containerDirective() {} }")), page: stripBoxes },
  // What any Sätteri plugin that reads and replaces a box pays: a plain copy handed back, as a <div>
  // (`copyBack` from bench/satteri-copy.mjs, which the config imports: the copy bench/satteri-floor.mjs runs).
  'boxes copied and handed back as <div>, no fact-boxes': { config: config(late('copyBack')) },
  // The same, and about as much short-lived garbage per box as fact-boxes' own work allocates: what allocation alone costs.
  'boxes copied and handed back, and garbage allocated': { config: config(late('copyBackAndAllocate')) },
  // The same, handed back in the shape fact-boxes hands back in MDX (static strings in <Fragment set:html> around the paragraphs).
  'boxes copied and handed back as fragments of HTML, no fact-boxes': { config: config(late('copyBackAsFragments')) },
  // The plugin as `fact-boxes/satteri` gives it, with MDX's static HTML as the integration sets it, without the integration.
  'fact-boxes/satteri without the integration': { config: config(late("...satteriFactBoxes({ staticHtml: 'fragment' }).mdastPlugins")) },
  'the integration around the bare fact-boxes/satteri plugin': { config: config(swapped('factBoxes()')) },
  'the integration around the bare plugin, no stylesheet': { config: config(swapped('factBoxes({ injectStyles: false })')) },
};

/** The same, for a `.md` content collection: each variant the bench's generated site, with its own config. */
export const MD_VARIANTS = {
  'floor (no boxes)': { site: 'floor, .md collection', config: config('integrations: []') },
  'floor, store split': { site: 'floor, store split, .md collection', config: config("integrations: [], vite: { plugins: [storeSplit()] }") },
  'the boxes’ HTML by hand, no plugin': { site: 'static HTML, .md collection', config: config('integrations: []') },
  'fact-boxes': { site: 'satteri + fact-boxes, .md collection', config: config('integrations: [factBoxes()]') },
  'fact-boxes, records as one JSON string': { site: 'satteri + fact-boxes, .md collection', config: config("integrations: [factBoxes({ records: 'json' })]") },
  'fact-boxes, no records on the frontmatter': { site: 'satteri + fact-boxes, .md collection', config: config('integrations: [factBoxes({ records: false })]') },
};

/** Flags for the node of a build in a child process: `NODE_ARGS="…"` (e.g. `--cpu-prof`, V8's heap settings). */
export const nodeArgs = () => (process.env.NODE_ARGS ? process.env.NODE_ARGS.split(' ') : []);

/** The site of one variant (`VARIANTS`), written afresh: its folder. */
export function profileSite(name, count) {
  const variant = VARIANTS[name];
  const dir = join(work, `profile-${name.replace(/[^a-z]+/g, '-')}-${count}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'src', 'pages', 'articles'), { recursive: true });
  writeFileSync(join(dir, 'astro.config.mjs'), variant.config);
  writeFileSync(join(dir, 'package.json'), '{ "type": "module", "private": true }\n');
  for (let index = 0; index < count; index++) writeFileSync(join(dir, 'src', 'pages', 'articles', `${index}.mdx`), (variant.page ?? ((text) => text))(article(index)));
  return dir;
}

export function profile(name, count, nodeArgs = []) {
  return measure(profileSite(name, count), nodeArgs);
}

/** A `.md` collection variant (`MD_VARIANTS`), built as `profile` builds. */
export function profileMd(name, count, nodeArgs = []) {
  const variant = MD_VARIANTS[name];
  const dir = generate(variant.site, count);
  writeFileSync(join(dir, 'astro.config.mjs'), variant.config);
  return measure(dir, nodeArgs);
}

/** One `astro build` of `dir` in a child process: seconds, CPU seconds (every thread), peak resident MiB, largest V8 heap MiB. */
function measure(dir, nodeArgs) {
  const script = `let heap = 0; const timer = setInterval(() => { heap = Math.max(heap, process.memoryUsage().heapTotal); }, 200);
const { build } = await import('astro'); const start = performance.now(); await build({ root: ${JSON.stringify(dir)}, logLevel: 'error' });
clearInterval(timer); const usage = process.resourceUsage(); console.log(JSON.stringify({ seconds: (performance.now() - start) / 1000, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6, peakMiB: usage.maxRSS / 1024, heapMiB: heap / 2 ** 20 })); process.exit(0);`;
  const out = execFileSync(process.execPath, [...nodeArgs, '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(out.trim().split('\n').pop());
}

/** Bytes and JSX calls of one article compiled to an MDX module by Sätteri, as Astro compiles it: no boxes, boxes as elements, boxes as HTML. */
export async function moduleSizes(index = 1) {
  const { mdxToJs } = await import('satteri');
  const compile = async (text, plugins = {}) => {
    const { code } = await mdxToJs(text, { features: { directive: true }, ...plugins, jsxImportSource: 'astro', elementAttributeNameCase: 'html' });
    return { bytes: code.length, calls: code.match(/\b_jsxs?\(/g)?.length ?? 0 };
  };
  return {
    'floor (no boxes)': await compile(stripBoxes(article(index))),
    'boxes as elements (staticHtml: false)': await compile(article(index), factBoxes()),
    "boxes as HTML (staticHtml: 'fragment', what the integration uses)": await compile(article(index), factBoxes({ staticHtml: 'fragment' })),
  };
}

if (import.meta.url === `file://${process.argv[1]}` && process.argv[2] === 'modules') {
  for (const [name, { bytes, calls }] of Object.entries(await moduleSizes())) console.log(`${name}: ${bytes.toLocaleString('en-GB')} bytes, ${calls} JSX calls`);
} else if (import.meta.url === `file://${process.argv[1]}`) {
  const md = process.argv[2] === 'md';
  const count = Number(process.argv[md ? 3 : 2] ?? 2000);
  const names = process.env.PROFILE_VARIANTS ? process.env.PROFILE_VARIANTS.split(';') : Object.keys(md ? MD_VARIANTS : VARIANTS);
  // PROFILE_ROUNDS=n: the variants built n times, in alternation, the order reversed every other round.
  const rounds = Number(process.env.PROFILE_ROUNDS ?? 1);
  console.log(`| variant (${count} ${md ? '.md entries of a content collection' : 'MDX articles'}) | seconds | CPU seconds | peak MiB | largest V8 heap MiB | off the V8 heap MiB |\n| --- | ---: | ---: | ---: | ---: | ---: |`);
  for (const name of Array.from({ length: rounds }, (_, round) => (round % 2 === 0 ? names : [...names].reverse())).flat()) {
    const result = md ? profileMd(name, count, nodeArgs()) : profile(name, count, nodeArgs());
    console.log(`| ${name} | ${result.seconds.toFixed(2)} | ${result.cpuSeconds.toFixed(2)} | ${result.peakMiB.toFixed(0)} | ${result.heapMiB.toFixed(0)} | ${(result.peakMiB - result.heapMiB).toFixed(0)} |`);
  }
}
