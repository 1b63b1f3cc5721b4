// `node bench/alternate.mjs <articles> <rounds> "<variant>;<variant>;…"`: the site bench's variants
// (bench/site.mjs) built in alternation, the order reversed every other round, each in a child process;
// a `.md collection` variant is built a second time, unchanged, from Astro's cache. One line of JSON per
// build: seconds and peak MiB of the first build and, for collections, of the second.
import { buildSite } from './site.mjs';

const [articles, rounds, list] = [Number(process.argv[2]), Number(process.argv[3] ?? 2), process.argv[4] ?? ''];
const variants = list.split(';').map((name) => name.trim()).filter(Boolean);
if (!Number.isInteger(articles) || articles < 1 || !Number.isInteger(rounds) || rounds < 1 || variants.length === 0) {
  throw new Error('usage: node bench/alternate.mjs <articles> <rounds> "<variant>;<variant>;…"');
}
for (let round = 0; round < rounds; round++) {
  for (const variant of round % 2 === 0 ? variants : [...variants].reverse()) {
    const first = buildSite(variant, articles);
    const second = variant.endsWith('.md collection') ? buildSite(variant, articles, { again: true }) : undefined;
    const figures = (run) => ({ seconds: Number(run.seconds.toFixed(1)), peakMiB: Math.round(run.peakMiB) });
    console.log(JSON.stringify({ variant, round: round + 1, first: figures(first), ...(second ? { second: figures(second) } : {}) }));
  }
}
