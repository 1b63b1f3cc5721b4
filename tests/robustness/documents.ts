/**
 * fast-check arbitraries of whole articles: prose full of colons (times,
 * scores, URLs, `re:Invent`), code, headings, lists, leaf directives nobody
 * handles, unknown containers, and fact boxes (claim, casualties, timeline,
 * actor) with valid, broken and hostile attributes, nested in one another.
 *
 * A generated document is a tree of blocks; `toMarkdown` writes it and says
 * what a reader must find in the output: every prose sentence, code line and
 * restored directive, and how many boxes there are.
 */
import fc from 'fast-check';

/** A bit of a sentence: what the author writes and what a reader sees. */
export interface Piece {
  source: string;
  text: string;
}

export interface Attribute {
  name: string;
  value: string;
  /** `"`, `'`, `` (unquoted) or `spaces` (unquoted although it has spaces: broken). */
  quoting: '"' | "'" | '' | 'spaces';
  valid: boolean;
}

export interface TimelineItem {
  date: string;
  /** Sortable start of the date, when it is one. */
  sortKey?: string;
  valid: boolean;
  sentence: Piece[];
}

export interface Group {
  label: string;
  attributes: Attribute[];
  valid: boolean;
}

export type BoxType = 'claim' | 'casualties' | 'timeline' | 'actor';

export interface Box {
  kind: 'box';
  /** A box name, or a near miss (`casualty`) that is no box. */
  name: BoxType | 'casualty' | 'claims' | 'actors';
  label: { pieces: Piece[]; asserted: boolean } | undefined;
  /** Ask for an `{#id}`: `fresh` gets a unique one, a string is used as written. */
  id: 'fresh' | string | undefined;
  attributes: Attribute[];
  items: TimelineItem[];
  order: 'asc' | 'desc' | undefined;
  groups: Group[];
  body: Block[];
  closed: boolean;
  /** `:::claim {…}`: a space that makes the box a paragraph. */
  spaceBeforeBrace: boolean;
  /** `{…}` broken over two lines. */
  brokenBraces: boolean;
}

export type Block =
  | { kind: 'prose'; sentences: Piece[][] }
  | { kind: 'heading'; level: number; sentence: Piece[] }
  | { kind: 'list'; items: Piece[][] }
  | { kind: 'code'; fence: '```' | '~~~'; info: string; lines: string[]; closed: boolean }
  | { kind: 'leaf'; source: string }
  | { kind: 'container'; name: string; label: Piece[] | BlankLabel | undefined; body: Block[] }
  | Box;

export type Mode = 'mixed' | 'valid';

// --- Words and sentences -------------------------------------------------------------------

/** Prose that remark-directive reads as directives, or that looks like it. */
export const COLON_TOKENS = [
  '10:30',
  '23:59:59',
  'a 3:1 win',
  '2:1:0',
  're:Invent',
  'Note:this',
  'mailto:desk',
  'https://example.com/a:b?c=d:e',
  'http://x.test:8080/path',
  'urn:isbn:0451450523',
  'std::vector',
  'a::b',
  'x:::y',
  ':smile:',
  ':ok[fine]',
  ':abbr[WHO]{title="World Health Organization"}',
  'ratio:[1]{2}',
  'TODO:',
  'en:wiki',
  'Q:A',
  'fr:Paris',
  ':::not-a-box',
  'time:10:30:00',
  // Wire copy's dashes: the `--` is part of the directive's name (`1--a`), and smart punctuation must still reach it.
  'won 3:1--a rout',
  'at 10:30--when',
  'at "10:30"...',
];

const WORDS = [
  'Militia',
  'vows',
  'embassy',
  'casualties',
  'toll',
  'مرحبا',
  'القوات',
  'שלום',
  'צבא',
  'کابل',
  '中文',
  '東京',
  'Привет',
  'Ελλάδα',
  'हिन्दी',
  'café',
  'cafe\u0301',
  '🙂',
  '👩\u200d🔬',
  '🇺🇦',
  '\u200fRTL\u200f',
  '\u202bembedded\u202c',
  '\u202eevil\u202c',
  'zero\u200bwidth',
  'ﬁ',
  'Ⅻ',
  '१२',
];

const MARKDOWN_SIGNIFICANT = /[*_`[\]<>\\&!#|{}:"'=~+\-\u0000-\u001f\u007f-\u009f\u2028\u2029]/gu;

/** Random printable graphemes of any script, without Markdown syntax, so their text survives as written. */
const randomText = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 6 })
  .map((text) => text.replace(MARKDOWN_SIGNIFICANT, '').replace(/\s+/gu, ' ').trim())
  .filter((text) => text !== '');

const CODE_SPANS = [':::claim{by="x"}', 'a:b', '10:30', '<script>alert(1)</script>', 'x = {y: 1}', '::leaf[a]{b=c}', 're:Invent'];

const plain = (text: string): Piece => ({ source: text, text });

const piece: fc.Arbitrary<Piece> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...WORDS).map(plain) },
  { weight: 3, arbitrary: fc.constantFrom(...COLON_TOKENS).map(plain) },
  { weight: 2, arbitrary: randomText.map(plain) },
  { weight: 1, arbitrary: fc.constantFrom(...CODE_SPANS).map((code) => ({ source: `\`${code}\``, text: code })) },
);

/** A sentence; `toMarkdown` puts a unique marker word in front of it. */
const sentence = fc.array(piece, { minLength: 1, maxLength: 8 });

// --- Attribute values ----------------------------------------------------------------------

const value = (text: string, valid: boolean): Pick<Attribute, 'value' | 'valid'> => ({ value: text, valid });

const validText = fc
  .oneof(
    fc.constantFrom('Ashab al-Kahf', 'Pentagon', 'US personnel', 'كتائب حزب الله', 'צה״ל', 'Ministry of Health', 'AT&amp;T', 'Reuters {wire}', 'Al-Jazeera [Doha]'),
    fc.array(fc.oneof(fc.constantFrom(...WORDS), randomText), { minLength: 1, maxLength: 3 }).map((words) => `Source ${words.join(' ')}`),
  )
  .map((text) => value(text, true));

/** Values that try to break out of the attribute, or are empty. */
const hostileText = fc
  .constantFrom(
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '" onmouseover="alert(1)',
    "' onfocus='alert(1)",
    '"><iframe src="javascript:alert(1)"></iframe>',
    '{{constructor.constructor("alert(1)")()}}',
    '${alert(1)}',
    '',
    '   ',
    'a\u202egnp.exe',
    '&lt;script&gt;alert(1)&lt;/script&gt;',
    '&#x6A;avascript:alert(1)',
    '\u0000null',
  )
  .map((text) => value(text, text.trim() !== '' && !text.includes('"')));

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A valid date and the key it sorts by. */
const validDate = fc
  .record({
    year: fc.integer({ min: 1, max: 9999 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
    precision: fc.constantFrom('year', 'month', 'day'),
    approximate: fc.boolean(),
  })
  .map(({ year, month, day, precision, approximate }) => {
    const y = String(year).padStart(4, '0');
    const m = String(month).padStart(2, '0');
    const d = String(Math.min(day, daysIn(year, month))).padStart(2, '0');
    const iso = precision === 'year' ? y : precision === 'month' ? `${y}-${m}` : `${y}-${m}-${d}`;
    return { text: `${iso}${approximate ? '~' : ''}`, sortKey: `${y}-${m}-${d}` };
  });

const BROKEN_DATES = ['0000-00-00', '0000', '2023-02-30', '2023-13-01', '2023-00', '23-11-05', 'yesterday', '2023/11/05', '2023-1-5', '9999-99-99', '1e3', '２０２３', 'NaN', '-2023'];
const brokenDate = fc.constantFrom(...BROKEN_DATES).map((text) => value(text, false));
const dateValue = (mode: Mode) => (mode === 'valid' ? validDate.map((date) => value(date.text, true)) : fc.oneof(validDate.map((date) => value(date.text, true)), brokenDate));

const periodValue = (mode: Mode) =>
  fc.oneof(
    dateValue(mode),
    fc.tuple(validDate, validDate).map(([a, b]) => {
      const [start, end] = a.sortKey <= b.sortKey ? [a, b] : [b, a];
      return value(`${start.text.replace('~', '')}/${end.text.replace('~', '')}`, true);
    }),
    validDate.map((date) => value(`${date.text.replace('~', '')}/..`, true)),
    ...(mode === 'valid' ? [] : [fc.constantFrom('2023-11-05/2023-10-01', '2023/..', '../2023', '2023-10-17/', '/').map((text) => value(text, false))]),
  );

const VALID_COUNTS = ['12', '12+', '>24', '<24', '<=24', '~30', '10-15', '10–15', '?', 'none', '0', '1,200', '9007199254740991', '1,000,000+'];
const BROKEN_COUNTS = ['-5', 'NaN', 'Infinity', '-Infinity', '1e3', '99999999999999999999', '9007199254740992', 'two dozen', '<0', '15-10', '>12+', '', '1,20', '0x10', '１２', '12.5', '+12', '5-5'];
const countValue = (mode: Mode) =>
  mode === 'valid'
    ? fc.oneof(fc.constantFrom(...VALID_COUNTS), fc.nat({ max: 1_000_000 }).map(String)).map((text) => value(text, true))
    : fc.oneof(fc.constantFrom(...VALID_COUNTS).map((text) => value(text, true)), fc.constantFrom(...BROKEN_COUNTS).map((text) => value(text, false)));

const VALID_URLS = ['https://example.com/report', 'http://news.example.org/a?b=1&c=2#x', 'HTTPS://EXAMPLE.COM/A', 'https://例え.jp/パス', 'https://x.test/a(b)c', 'https://x.test/<b>'];
const HOSTILE_URLS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(document.cookie)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  '&#106;avascript:alert(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'data:image/svg+xml,<svg onload=alert(1)>',
  '//evil.example/x',
  '\\\\evil.example\\x',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'ftp://x.test/a',
  'https://',
  'http://[::1',
  '/relative/path',
  'example.com',
  'https://exa mple.com',
];
const urlValue = (mode: Mode) =>
  mode === 'valid'
    ? fc.constantFrom(...VALID_URLS).map((text) => value(text, true))
    : fc.oneof(fc.constantFrom(...VALID_URLS).map((text) => value(text, true)), fc.constantFrom(...HOSTILE_URLS).map((text) => value(text, false)));

const enumValue = (mode: Mode, valid: readonly string[], broken: readonly string[]) =>
  mode === 'valid'
    ? fc.constantFrom(...valid).map((text) => value(text, true))
    : fc.oneof(fc.constantFrom(...valid).map((text) => value(text, true)), fc.constantFrom(...broken).map((text) => value(text, false)));

const listValue = (mode: Mode) => enumValue(mode, ['PMF, Hashd', 'Kataib Hezbollah', 'حزب الله, Hezbollah'], [',', ' , ', '']);
const wikidataValue = (mode: Mode) => enumValue(mode, ['Q42', 'Q1234567'], ['q42', 'Q0', 'Q', '42', 'javascript:alert(1)', 'Q42 ']);

/** Classes for the box's element: one ordinary, the others trying to carry markup or a handler. */
const classAttribute = fc
  .constantFrom('wide', 'wide striped', 'a <script>', 'x" onfocus="alert(1)', '<img src=x onerror=alert(1)>')
  .map((text): Attribute => ({ name: 'class', value: text, quoting: text.includes('"') ? "'" : '"', valid: /^[\w ]+$/.test(text) }));

/** Attributes no box takes: event handlers, styles and typos. */
const UNKNOWN_NAMES = ['onclick', 'onmouseover', 'onerror', 'style', 'href', 'src', 'srcdoc', 'bye', 'killd', 'sorce', 'data-x', 'formaction', 'xmlns'];
const unknownAttribute = fc.record({
  name: fc.constantFrom(...UNKNOWN_NAMES),
  value: fc.constantFrom('alert(1)', 'javascript:alert(1)', 'color:red', 'x'),
  quoting: fc.constant('"' as const),
  valid: fc.constant(false),
});

type ValueArbitrary = fc.Arbitrary<Pick<Attribute, 'value' | 'valid'>>;

const textValue = (mode: Mode): ValueArbitrary => (mode === 'valid' ? validText : fc.oneof({ weight: 3, arbitrary: validText }, { weight: 1, arbitrary: hostileText }));

/** The attributes each box takes, with what their values may be. */
function attributeTable(mode: Mode): Record<BoxType, { required: Record<string, ValueArbitrary>; optional: Record<string, ValueArbitrary> }> {
  const common = { source: textValue(mode), 'source-url': urlValue(mode) };
  return {
    claim: {
      required: { by: textValue(mode) },
      optional: {
        role: textValue(mode),
        date: dateValue(mode),
        status: enumValue(mode, ['unverified', 'confirmed', 'disputed', 'denied', 'retracted'], ['Confirmed', 'true', 'yes']),
        rating: enumValue(mode, ['true', 'mostly-true', 'mixed', 'mostly-false', 'false', 'misleading', 'missing-context', 'unproven'], ['pants-on-fire', 'TRUE', '5']),
        'rating-label': textValue(mode),
        ...common,
      },
    },
    casualties: {
      required: { source: textValue(mode), killed: countValue(mode) },
      optional: {
        injured: countValue(mode),
        missing: countValue(mode),
        captured: countValue(mode),
        party: textValue(mode),
        period: periodValue(mode),
        place: textValue(mode),
        'as-of': dateValue(mode),
        'described-as': textValue(mode),
        'source-url': urlValue(mode),
      },
    },
    timeline: { required: {}, optional: common },
    actor: {
      required: { type: enumValue(mode, ['person', 'government', 'state-forces', 'militia', 'rebel-group', 'political-movement', 'organization'], ['Militia', 'group', 'person ']) },
      optional: {
        aliases: listValue(mode),
        'backed-by': listValue(mode),
        leader: textValue(mode),
        based: textValue(mode),
        'active-since': dateValue(mode),
        wikidata: wikidataValue(mode),
        ...common,
      },
    },
  };
}

/** How a value is written: quoted when it must be, and (in mixed mode) sometimes wrongly. */
function written(mode: Mode, name: string, { value: text, valid }: Pick<Attribute, 'value' | 'valid'>): fc.Arbitrary<Attribute> {
  const canBeBare = /^[\w.,~+/?-]+$/.test(text);
  const canBeSingle = !text.includes("'");
  const canBeDouble = !text.includes('"');
  const styles: Attribute['quoting'][] = [];
  if (canBeDouble) styles.push('"');
  if (canBeSingle) styles.push("'");
  if (canBeBare) styles.push('');
  if (mode === 'mixed') {
    if (/\s/.test(text.trim()) && /^[^"'<=>`{}]+$/.test(text)) styles.push('spaces');
    if (styles.length === 0) styles.push('"'); // the quote breaks the attribute: that is the point
  }
  return fc.constantFrom(...styles).map((quoting) => ({
    name,
    value: text,
    quoting,
    valid: valid && quoting !== 'spaces' && (quoting !== '"' || canBeDouble) && !text.includes('\n'),
  }));
}

function attributesFor(mode: Mode, type: BoxType): fc.Arbitrary<Attribute[]> {
  const { required, optional } = attributeTable(mode)[type];
  const requiredNames = Object.keys(required);
  const optionalNames = Object.keys(optional);
  const names = mode === 'valid' ? fc.subarray(optionalNames).map((chosen) => [...requiredNames, ...chosen]) : fc.subarray([...requiredNames, ...optionalNames]);
  return names
    .chain((chosen) => (chosen.length === 0 ? fc.constant([] as Attribute[]) : fc.tuple(...chosen.map((name) => (required[name] ?? optional[name])!.chain((v) => written(mode, name, v))))))
    .chain((attributes) =>
      mode === 'valid'
        ? fc.constant(attributes)
        : fc
            .tuple(fc.array(unknownAttribute, { maxLength: 2 }), fc.option(classAttribute, { nil: undefined }), fc.boolean(), fc.boolean())
            .map(([unknown, className, duplicate, shuffle]) => {
              const all = [...attributes, ...unknown, ...(className ? [className] : [])];
              // A repeated attribute: remark-directive keeps the last one.
              if (duplicate && attributes[0]) all.unshift({ ...attributes[0], value: 'overridden', valid: false });
              return shuffle ? all.reverse() : all;
            }),
    );
}

// --- Timeline items and casualty groups ----------------------------------------------------

const timelineItems = (mode: Mode): fc.Arbitrary<TimelineItem[]> => {
  const validItem = fc.tuple(validDate, sentence).map(([date, words]): TimelineItem => ({ date: date.text, sortKey: date.sortKey, valid: true, sentence: words }));
  if (mode === 'valid') {
    // Sorted by the first day each date can mean, events are in order whatever their precision.
    return fc.array(validItem, { minLength: 1, maxLength: 4 }).map((items) => [...items].sort((a, b) => (a.sortKey! < b.sortKey! ? -1 : a.sortKey! > b.sortKey! ? 1 : 0)));
  }
  const brokenItem = fc.tuple(fc.constantFrom(...BROKEN_DATES, 'no-colon-here', '10:30'), sentence).map(([date, words]): TimelineItem => ({ date, valid: false, sentence: words }));
  return fc.array(fc.oneof(validItem, brokenItem), { maxLength: 4 });
};

const groups = (mode: Mode): fc.Arbitrary<Group[]> => {
  const group = fc
    .tuple(
      mode === 'valid' ? fc.constantFrom('US personnel', 'Civilians', 'مدنيون') : fc.constantFrom('US personnel', '', '<b>bold</b>', 'Civilians'),
      fc.subarray(['killed', 'injured', 'missing', 'captured'], { minLength: 1 }),
      mode === 'valid' ? fc.constant(false) : fc.boolean(),
    )
    .chain(([label, fields, typo]) =>
      fc.tuple(...fields.map((field) => countValue(mode).map((v): Attribute => ({ name: typo ? `${field}s` : field, value: v.value, quoting: '"', valid: v.valid && !typo })))).map(
        (attributes): Group => ({ label, attributes, valid: label !== '' && attributes.every((attribute) => attribute.valid) }),
      ),
    );
  return fc.array(group, { maxLength: 3 });
};

// --- Blocks ---------------------------------------------------------------------------------

const FENCED_LINES = [':::claim{by="Fenced"}', ':::', '- 2023-10-17: in code', '<script>alert(1)</script>', '10:30 re:Invent', '::leaf[x]{y=z}', '\tindented: yes', 'ends with \\'];
const LEAF_LINES = ['::note[Remember]{a="1"}', '::youtube[Video]{#abc .big}', '::group[Orphan]{killed=3}', '::br', '::claim[Leaf]{by="x"}', '::10:30'];
const CONTAINER_NAMES = ['note', 'aside', 'details', 'casualty', 'claims', 'timelines'];

const leafBlock = (mode: Mode): fc.Arbitrary<Block> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.array(sentence, { minLength: 1, maxLength: 3 }).map((sentences): Block => ({ kind: 'prose', sentences })) },
    { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 6 }), sentence).map(([level, words]): Block => ({ kind: 'heading', level, sentence: words })) },
    { weight: 1, arbitrary: fc.array(sentence, { minLength: 1, maxLength: 3 }).map((items): Block => ({ kind: 'list', items })) },
    {
      weight: 1,
      arbitrary: fc
        .record({ fence: fc.constantFrom('```' as const, '~~~' as const), info: fc.constantFrom('', 'md', 'markdown', 'js'), lines: fc.subarray(FENCED_LINES, { minLength: 1 }), closed: mode === 'valid' ? fc.constant(true) : fc.boolean() })
        .map((code): Block => ({ kind: 'code', ...code })),
    },
    { weight: 1, arbitrary: fc.constantFrom(...LEAF_LINES).map((source): Block => ({ kind: 'leaf', source })) },
  );

const HOSTILE_LABELS = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', 'Tom &amp; Jerry', '*emphasis* and `code`', '[nested] brackets', '', ' '];

/** A label of nothing or white space (`[]`, `[ ]`), which Sätteri and micromark read apart. */
interface BlankLabel {
  blank: string;
}

function boxArbitrary(mode: Mode, block: fc.Arbitrary<Block>): fc.Arbitrary<Box> {
  const type = fc.constantFrom<BoxType>('claim', 'casualties', 'timeline', 'actor');
  return type.chain((boxType) => {
    const label =
      mode === 'valid'
        ? boxType === 'actor'
          ? sentence.map((pieces) => ({ pieces, asserted: true }))
          : fc.option(sentence.map((pieces) => ({ pieces, asserted: true })), { nil: undefined })
        : fc.option(fc.oneof(sentence.map((pieces) => ({ pieces, asserted: true })), fc.constantFrom(...HOSTILE_LABELS).map((text) => ({ pieces: [plain(text)], asserted: false }))), { nil: undefined });
    return fc.record({
      kind: fc.constant('box' as const),
      name: mode === 'valid' ? fc.constant(boxType) : fc.oneof({ weight: 9, arbitrary: fc.constant(boxType) }, { weight: 1, arbitrary: fc.constantFrom('casualty' as const, 'claims' as const, 'actors' as const) }),
      label,
      id:
        mode === 'valid'
          ? fc.option(fc.constant('fresh'), { nil: undefined })
          : fc.option(fc.constantFrom('fresh', 'dup', 'claim', 'dup-title', '"><script>alert(1)</script>', 'x" onclick="alert(1)', 'x onclick=alert(1)', '<iframe>'), { nil: undefined }),
      attributes: attributesFor(mode, boxType),
      items: boxType === 'timeline' ? timelineItems(mode) : fc.constant([]),
      order: boxType === 'timeline' ? (mode === 'valid' ? fc.constant(undefined) : fc.constantFrom(undefined, 'asc' as const, 'desc' as const)) : fc.constant(undefined),
      groups: boxType === 'casualties' ? groups(mode) : fc.constant([]),
      body: fc.array(block, { maxLength: 3 }),
      closed: mode === 'valid' ? fc.constant(true) : fc.oneof({ weight: 9, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
      spaceBeforeBrace: mode === 'valid' ? fc.constant(false) : fc.oneof({ weight: 12, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
      brokenBraces: mode === 'valid' ? fc.constant(false) : fc.oneof({ weight: 12, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    });
  });
}

/**
 * A document of up to `maxBlocks` top-level blocks, boxes nested up to three deep.
 *
 * @example
 *   fc.assert(fc.asyncProperty(documentArbitrary('mixed'), async (doc) => { … }))
 */
export function documentArbitrary(mode: Mode, maxBlocks = 6): fc.Arbitrary<Block[]> {
  const block: fc.Memo<Block> = fc.memo((depth) => {
    if (depth <= 1) return leafBlock(mode);
    const inner = block(depth - 1);
    return fc.oneof(
      { weight: 3, arbitrary: leafBlock(mode) },
      { weight: 3, arbitrary: boxArbitrary(mode, inner) },
      {
        weight: 1,
        arbitrary: fc
          .record({
            name: fc.constantFrom(...CONTAINER_NAMES),
            label: fc.option(fc.oneof({ weight: 4, arbitrary: sentence }, { weight: 1, arbitrary: fc.constantFrom('', ' ', '\t').map((blank): BlankLabel => ({ blank })) }), { nil: undefined }),
            body: fc.array(inner, { maxLength: 3 }),
          })
          .map((container): Block => ({ kind: 'container', ...container })),
      },
    );
  });
  return fc.array(block(4), { minLength: 1, maxLength: maxBlocks });
}

// --- Writing -------------------------------------------------------------------------------

/** What a document must show, whatever happens to its boxes. */
export interface Expectations {
  /** Sentences of prose outside any box, squashed. */
  outside: string[];
  /** Sentences, code lines and restored directives inside boxes and containers. */
  inside: string[];
  /** Titles that must be shown. */
  titles: string[];
  /** Boxes written with a built-in name (whether or not they are valid). */
  boxes: number;
  /** Whether every box is valid and closed, so no error may be reported. */
  valid: boolean;
}

export interface WrittenDocument {
  markdown: string;
  expect: Expectations;
}

function depthOf(blocks: readonly Block[]): number {
  let depth = 0;
  for (const block of blocks) if (block.kind === 'box' || block.kind === 'container') depth = Math.max(depth, 1 + depthOf(block.body));
  return depth;
}

function attributeSource(attribute: Attribute): string {
  switch (attribute.quoting) {
    case '"':
    case "'":
      return `${attribute.name}=${attribute.quoting}${attribute.value}${attribute.quoting}`;
    default:
      return `${attribute.name}=${attribute.value}`;
  }
}

function isBoxName(name: string): name is BoxType {
  return name === 'claim' || name === 'casualties' || name === 'timeline' || name === 'actor';
}

function boxIsValid(box: Box): boolean {
  if (!isBoxName(box.name) || !box.closed || box.spaceBeforeBrace || box.brokenBraces) return false;
  const values = new Map(box.attributes.map((attribute) => [attribute.name, attribute]));
  if (![...values.values()].every((attribute) => attribute.valid)) return false;
  if (box.id !== undefined && box.id !== 'fresh') return false;
  switch (box.name) {
    case 'claim':
      return values.has('by');
    case 'casualties':
      return values.has('source') && box.groups.every((group) => group.valid);
    case 'timeline':
      // Counted valid only when surely in order: ascending by first day (a `desc` box is left unjudged).
      return box.items.length > 0 && box.items.every((item, index) => item.valid && box.order !== 'desc' && (index === 0 || box.items[index - 1]!.sortKey! <= item.sortKey!));
    case 'actor':
      return values.has('type') && box.label !== undefined && box.label.pieces.some((piece) => piece.text.trim() !== '');
  }
}

/**
 * Write a document as Markdown (LF or CRLF line endings), with a marker word
 * before each sentence so it can be found in the output.
 */
export function toMarkdown(blocks: readonly Block[], lineEnding: '\n' | '\r\n' = '\n'): WrittenDocument {
  let marker = 0;
  let ids = 0;
  const expect: Expectations = { outside: [], inside: [], titles: [], boxes: 0, valid: true };

  const say = (pieces: readonly Piece[], inside: boolean): string => {
    const word = `M${++marker}x`;
    const source = [word, ...pieces.map((p) => p.source)].join(' ');
    const text = [word, ...pieces.map((p) => p.text)].join(' ').replace(/\s+/g, ' ').trim();
    (inside ? expect.inside : expect.outside).push(text);
    return source;
  };

  // `last`: the last block of its list. Only that one may be left open (code, box), so what it
  // swallows is the end of its container, not sentences that must keep their own shape.
  const write = (block: Block, inside: boolean, last: boolean): string[] => {
    switch (block.kind) {
      case 'prose':
        return [block.sentences.map((words) => say(words, inside)).join(' ')];
      case 'heading':
        return [`${'#'.repeat(block.level)} ${say(block.sentence, inside)}`];
      case 'list':
        // `*`, so a list right after a timeline's `-` events is not read as more events.
        return block.items.map((words) => `* ${say(words, inside)}`);
      case 'code': {
        // Inside a box, a `:::` line in code closes the box (remark-directive checks for the
        // closing fence first): a hazard of its own, in the hostile catalogue; not generated here.
        const lines = inside ? block.lines.filter((line) => !/^\s*:{3,}\s*$/.test(line)) : block.lines;
        for (const line of lines) expect.inside.push(line.replace(/\s+/g, ' ').trim());
        // Left open only at the very end: inside a box whose opening line is broken, an open code block would run on.
        return [`${block.fence}${block.info}`, ...lines, ...(block.closed || inside || !last ? [block.fence] : [])];
      }
      case 'leaf':
        // Right inside a casualties box, `::group[Orphan]{…}` is a row of its table: only its name is kept as text.
        expect.inside.push(inside && block.source.startsWith('::group[') ? /\[(.*?)\]/.exec(block.source)![1]! : block.source);
        return [block.source];
      case 'container': {
        const fence = ':'.repeat(3 + depthOf(block.body));
        const label = block.label === undefined ? '' : 'blank' in block.label ? `[${block.label.blank}]` : `[${say(block.label, true)}]`;
        return [`${fence}${block.name}${label}`, ...writeBlocks(block.body, true), fence];
      }
      case 'box':
        return writeBox(block, last);
    }
  };

  const writeBox = (box: Box, last: boolean): string[] => {
    if (isBoxName(box.name)) expect.boxes++;
    const closed = box.closed || !last;
    if (!boxIsValid({ ...box, closed })) expect.valid = false;
    const fence = ':'.repeat(3 + depthOf(box.body));
    let label = '';
    if (box.label) {
      if (box.label.asserted) {
        label = `[${say(box.label.pieces, true)}]`;
        expect.titles.push(expect.inside.at(-1)!);
      } else {
        label = `[${box.label.pieces.map((p) => p.source).join(' ')}]`;
      }
    }
    const attributes = box.attributes.map(attributeSource);
    if (box.order) attributes.push(`order="${box.order}"`);
    if (box.id === 'fresh') attributes.unshift(`#fb${++ids}`);
    else if (box.id !== undefined) attributes.unshift(box.id.includes('"') ? `id='${box.id}'` : `id="${box.id}"`);
    const braces = attributes.length === 0 ? '' : box.brokenBraces ? `{${attributes.join(lineEnding)}}` : `{${attributes.join(' ')}}`;
    const lines = [`${fence}${box.name}${label}${box.spaceBeforeBrace && braces ? ' ' : ''}${braces}`];
    if (box.items.length > 0) {
      lines.push(...box.items.map((item) => `- ${item.date}: ${say(item.sentence, true)}`), '');
    }
    for (const group of box.groups) {
      lines.push(`::group[${group.label}]{${group.attributes.map(attributeSource).join(' ')}}`);
    }
    if (box.groups.length > 0) lines.push('');
    lines.push(...writeBlocks(box.body, true));
    if (closed) lines.push(fence);
    return lines;
  };

  const writeBlocks = (blocks: readonly Block[], inside: boolean): string[] => {
    const lines: string[] = [];
    blocks.forEach((block, index) => {
      if (lines.length > 0) lines.push('');
      lines.push(...write(block, inside, index === blocks.length - 1));
    });
    return lines;
  };

  const markdown = `${writeBlocks(blocks, false).join(lineEnding)}${lineEnding}`;
  return { markdown, expect };
}
