// A generated corpus of news articles (~1,500 words, 8 boxes of every kind,
// prose with times, scores and colons), from a fixed seed so runs compare.

/** Mulberry32: a small seeded generator. */
export function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = 'the militia said attacks on bases in Iraq and Syria continued as officials met in Baghdad to discuss security forces drones rockets embassy statement reporters minister region escalation visit'.split(' ');
const PROSE = [
  'At 10:30 local time, officials said the convoy had passed the checkpoint.',
  'The match ended 3:1 after a late goal, a score fans will remember.',
  'Speakers at re:Invent and a note:this aside were quoted at 07:13:47.',
  'Read Col. 3:17 or write to mailto:desk@example.com for corrections.',
];

function sentence(next) {
  const length = 10 + Math.floor(next() * 12);
  const words = Array.from({ length }, () => WORDS[Math.floor(next() * WORDS.length)]);
  words[0] = words[0][0].toUpperCase() + words[0].slice(1);
  return `${words.join(' ')}.`;
}

function paragraph(next) {
  const sentences = Array.from({ length: 4 + Math.floor(next() * 3) }, () => sentence(next));
  if (next() < 0.5) sentences.splice(1, 0, PROSE[Math.floor(next() * PROSE.length)]);
  return sentences.join(' ');
}

const BOXES = [
  (n) => `:::claim[Statement ${n}]{by="Kataib Hezbollah" role="Iran-backed militia" date=2023-11-05 status=unverified}\nThe closing of the embassy we will achieve it in our own way, at 10:30 or later.\n\nThe group said so in a statement.\n:::`,
  (n) => `:::claim[Check ${n}]{by="A spokesperson" rating=mostly-false rating-label="Mostly false" source="Atlas News" source-url="https://example.com/check"}\nNo attacks have taken place since October.\n\nRecords show more than 30 attacks.\n:::`,
  (n) => `:::casualties[Toll ${n}]{injured=">24" party="US personnel" period=2023-10-17/.. source="the Pentagon" described-as="light"}\n:::`,
  (n) => `:::casualties[Strikes ${n}]{source="Local officials" as-of=2023-11-06}\n::group[First strike]{killed=3 injured="10-15"}\n::group[Second strike]{killed="2+"}\n:::`,
  (n) => `:::timeline[Escalation ${n}]\n- 2023-10-17: Attacks on US forces in Iraq and Syria begin.\n- 2023-10-26: US strikes two facilities in eastern Syria.\n- 2023-11~: Around November, threats against the embassy.\n- 2023-11-05: Blinken visits Baghdad at 10:30.\n:::`,
  (n) => `:::actor[Kataib Hezbollah ${n}]{type=militia aliases="KH, Hezbollah Brigades" backed-by=Iran based=Iraq wikidata=Q1143977}\nAn Iran-backed Iraqi Shia militia.\n:::`,
  (n) => `:::actor[Ashab al-Kahf ${n}]{type=militia backed-by=Iran}\nA pro-Iranian militia group.\n:::`,
  (n) => `:::claim[Austin ${n}]{by="Lloyd J. Austin III" role="US Secretary of Defense" date=2023-10-26 status=confirmed}\nThe United States does not seek conflict.\n:::`,
];

/**
 * One article: ~1,500 words with eight boxes. `stripBoxes` gives the same
 * prose without them (the floors of the site builds); the plugin benches keep
 * the boxes in the baselines, where they are simply not handled, so both
 * pipelines read the same text.
 */
export function article(index, seed = 42) {
  const next = random(seed + index);
  const parts = [`# Article ${index}`];
  let box = 0;
  for (let p = 0; p < 16; p++) {
    if (p === 15 && box >= BOXES.length) break;
    parts.push(paragraph(next));
    if (p % 2 === 1 && box < BOXES.length) parts.push(BOXES[box++](`${index}-${box}`));
  }
  return `${parts.join('\n\n')}\n`;
}

/**
 * Each box of an article (a `:::name` block on lines of its own) replaced by
 * `replace(box)`, which ends with a newline.
 *
 * @example
 *   eachBox(article(0), () => '<hr>\n')
 */
export function eachBox(text, replace) {
  return text.replace(/\n(:::[a-z]+[\s\S]*?\n:::)\n/g, (_, box) => `\n${replace(box)}`);
}

/** An article with its boxes taken out (the prose, times like `10:30` included, stays). */
export function stripBoxes(text) {
  return text.replace(/\n:::[a-z]+[\s\S]*?\n:::\n/g, '\n');
}

/** The same article with its boxes written as imported Astro components (MDX). */
export function articleAsComponents(index, seed = 42) {
  return article(index, seed)
    .replace(/:::claim\[([^\]]*)\]\{by="([^"]*)"[^}]*\}\n([\s\S]*?)\n:::/g, (_, title, by, body) => `<Claim title="${title}" by="${by}">\n\n${body}\n\n</Claim>`)
    .replace(/:::casualties\[([^\]]*)\]\{([^}]*)\}\n([\s\S]*?):::/g, (_, title) => `<Casualties title="${title}" />\n`)
    .replace(/:::timeline\[([^\]]*)\]\n([\s\S]*?)\n:::/g, (_, title, body) => `<Timeline title="${title}">\n\n${body}\n\n</Timeline>`)
    .replace(/:::actor\[([^\]]*)\]\{[^}]*\}\n([\s\S]*?)\n:::/g, (_, title, body) => `<Actor title="${title}">\n\n${body}\n\n</Actor>`);
}

export function wordCount(text) {
  return text.split(/\s+/).filter(Boolean).length;
}

const SYLLABLES = ['ka', 'ta', 'ib', 'hez', 'bol', 'lah', 'as', 'hab', 'kahf', 'nu', 'ja', 'ba', 'sar', 'aya', 'qa', 'dir', 'mu', 'han', 'dis', 'ran'];
/** A made-up name, the same every run. */
const nameOf = (n) => {
  const word = (seed) => Array.from({ length: 2 + (seed % 2) }, (_, index) => SYLLABLES[(seed * 7 + index * 13) % SYLLABLES.length]).join('');
  const text = `${word(n)} ${word(n * 31 + 5)} ${n}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
};
/** 300 entities: three the corpus names, 297 it does not (600 names and aliases in all). */
export const benchEntities = () => [
  { id: 'kataib-hezbollah', name: 'Kataib Hezbollah', type: 'militia', aliases: ['KH', 'Hezbollah Brigades'], wikidata: 'Q1143977' },
  { id: 'us-personnel', name: 'US personnel', type: 'state-forces' },
  { id: 'lloyd-j-austin-iii', name: 'Lloyd J. Austin III', type: 'person' },
  ...Array.from({ length: 297 }, (_, index) => ({ id: `actor-${index}`, name: nameOf(index), type: 'militia', aliases: [`${nameOf(index)} Brigade`] })),
];
