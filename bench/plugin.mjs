// Plugin overhead: the same corpus through unified and through Sätteri, with
// and without fact-boxes, alternating runs; medians and ratios.
import rehypeStringify from 'rehype-stringify';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { markdownToHtml, mdxToJs } from 'satteri';
import { Bench } from 'tinybench';
import { unified } from 'unified';
import remarkFactBoxes from 'fact-boxes/remark';
import satteriFactBoxes from 'fact-boxes/satteri';
import { article } from './corpus.mjs';
import { astroMarkdown, astroMdx, satteriAsAstro } from './satteri-as-astro.mjs';

export async function pluginOverhead({ articles = 20, rounds = 5, time = 400 } = {}) {
  const corpus = Array.from({ length: articles }, (_, index) => article(index));
  const baseline = unified().use(remarkParse).use(remarkDirective).use(remarkRehype).use(rehypeStringify).freeze();
  const withBoxes = unified().use(remarkParse).use(remarkDirective).use(remarkFactBoxes).use(remarkRehype).use(rehypeStringify).freeze();
  // fact-boxes/satteri on its own (boxes read from Sätteri's nodes); static parts as the integration writes them: raw HTML in Markdown, <Fragment set:html> in MDX.
  const satteriPlugins = satteriFactBoxes({ staticHtml: 'raw' });
  const satteriMdxPlugins = satteriFactBoxes({ staticHtml: 'fragment' });
  // As the Astro integration runs it when fact-boxes is the first mdast plugin: it knows the features, and reads each box from its text.
  // GFM off, as in the unified pipeline beside it (Sätteri switches it on unless told): the same syntax on every row.
  const features = { directive: true, gfm: false };
  const astroPlugins = satteriAsAstro('raw', features);
  const astroMdxPlugins = satteriAsAstro('fragment', features);
  // MDX pages as the integration compiles them: boxes written into the text beforehand where they can be.
  const astroMdxPage = astroMdx(features);
  if (!corpus.every(astroMdxPage.writes)) throw new Error('bench: expected every article to be written with its boxes (src/adapters/satteri-prepass.ts)');
  // Markdown pages as the integration renders them: boxes written into the text beforehand where they can be.
  const astroMarkdownPage = astroMarkdown(features);
  if (!corpus.every(astroMarkdownPage.writes)) throw new Error('bench: expected every article to be written with its boxes (src/adapters/satteri-prepass-md.ts)');
  const tasks = {
    'unified': async () => { for (const text of corpus) await baseline.process(text); },
    'unified + fact-boxes': async () => { for (const text of corpus) await withBoxes.process(text); },
    'satteri': () => { for (const text of corpus) markdownToHtml(text, { features }); },
    'satteri + fact-boxes': () => { for (const text of corpus) astroMarkdownPage(text); },
    'satteri + fact-boxes, through the plugin': () => { for (const text of corpus) markdownToHtml(text, { features, ...astroPlugins }); },
    'satteri + fact-boxes/satteri': () => { for (const text of corpus) markdownToHtml(text, { features, ...satteriPlugins }); },
    'satteri mdx': () => { for (const text of corpus) mdxToJs(text, { features }); },
    'satteri mdx + fact-boxes': () => { for (const text of corpus) astroMdxPage(text); },
    'satteri mdx + fact-boxes, through the plugin': () => { for (const text of corpus) mdxToJs(text, { features, ...astroMdxPlugins }); },
    'satteri mdx + fact-boxes/satteri': () => { for (const text of corpus) mdxToJs(text, { features, ...satteriMdxPlugins }); },
  };
  // Check the with-boxes pipelines really render boxes before timing them.
  const html = String(await withBoxes.process(corpus[0]));
  const satteriHtml = markdownToHtml(corpus[0], { features, ...satteriPlugins }).html;
  const mdx = mdxToJs(corpus[0], { features, ...satteriMdxPlugins }).code;
  // Both ways of reading a box on Sätteri give the same page.
  if (markdownToHtml(corpus[0], { features, ...astroPlugins }).html !== satteriHtml || mdxToJs(corpus[0], { features, ...astroMdxPlugins }).code !== mdx) throw new Error('bench: boxes read from their text give another page');
  // The page written beforehand is the plugin's page, byte for byte.
  if (corpus.some((text) => astroMarkdownPage(text) !== markdownToHtml(text, { features, ...astroPlugins }).html)) throw new Error('bench: a Markdown page written beforehand differs from the plugin\'s');
  if ((mdx.match(/data-fact-box/g) ?? []).length < 8) throw new Error('bench: expected 8 boxes in the MDX module');
  for (const out of [html, satteriHtml]) if ((out.match(/data-fact-box=/g) ?? []).length !== 8) throw new Error('bench: expected 8 boxes per article');

  const samples = Object.fromEntries(Object.keys(tasks).map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    // Alternate the order each round so neither side always runs warm.
    const names = round % 2 === 0 ? Object.keys(tasks) : Object.keys(tasks).reverse();
    for (const name of names) {
      const bench = new Bench({ time, warmupTime: 100 });
      bench.add(name, tasks[name]);
      await bench.run();
      const result = bench.tasks[0].result;
      samples[name].push(result.latency?.p50 ?? result.median ?? result.mean);
    }
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const perArticle = Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, median(values) / articles]));
  return {
    articles,
    rounds,
    perArticle,
    ratios: {
      unified: perArticle['unified + fact-boxes'] / perArticle.unified,
      satteri: perArticle['satteri + fact-boxes'] / perArticle.satteri,
      'satteri, through the plugin': perArticle['satteri + fact-boxes, through the plugin'] / perArticle.satteri,
      'satteri mdx': perArticle['satteri mdx + fact-boxes'] / perArticle['satteri mdx'],
      'satteri mdx, through the plugin': perArticle['satteri mdx + fact-boxes, through the plugin'] / perArticle['satteri mdx'],
      'satteri, fact-boxes/satteri': perArticle['satteri + fact-boxes/satteri'] / perArticle.satteri,
      'satteri mdx, fact-boxes/satteri': perArticle['satteri mdx + fact-boxes/satteri'] / perArticle['satteri mdx'],
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await pluginOverhead({ articles: 10, rounds: 3, time: 300 }), null, 2));
}
