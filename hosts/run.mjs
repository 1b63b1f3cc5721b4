#!/usr/bin/env node
/**
 * The host suite: fact-boxes as users get it (the tarball `npm pack` makes of
 * packages/fact-boxes), installed into real minimal sites of every host and built.
 *
 * For each site in hosts/: `npm ci` from its committed lockfile (which has no
 * fact-boxes in it), then `npm install --no-save <tarball>`. Then for each
 * variant of the site (processor, order of integrations):
 *
 *   1. a build that must pass; its HTML is read back: each page has its claim
 *      and casualties boxes, the host's own aside or admonition where it has one,
 *      and the prose line with colons intact;
 *   2. a build with an invalid page added (three problems in two boxes), once
 *      as a .md page and once as an .mdx page, that must fail and print every
 *      problem once: a line `file:line:column: reason. Fix: …` each, the
 *      place of each problem on no other line, the count of problems once,
 *      and none of `[object Object]`, `VFileMessage`, `No serializer
 *      registered`, Astro's `Location:` and `Stack trace:`, a renderer's
 *      `Failed to parse Markdown file`, or a line of fact-boxes' own code
 *      (`node_modules/fact-boxes/`). What each host prints around the lines
 *      is in the README's "Errors in hosts".
 *
 * Prints a summary table; exits 1 on any failure. Logs go to hosts/.work/logs/.
 *
 *   node hosts/run.mjs                 every host
 *   node hosts/run.mjs starlight next  some of them (site directory names)
 *
 * hosts/astro-latest builds hosts/astro's pages on the latest Astro 7 with its own Node 24 (the node
 * package in its lockfile), as a new site would.
 *
 * Run it through `npm run hosts` (which builds the package first) so that it
 * runs on the repository's Node 22.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, delimiter, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';

const HOSTS = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(HOSTS);
const WORK = join(HOSTS, '.work');
const LOGS = join(WORK, 'logs');
const node = process.execPath;

const PROSE = 'At 10:30 the score was 3:1, said re:Invent staff.';
const FORBIDDEN = ['[object Object]', 'VFileMessage', 'No serializer registered', 'Location:', 'Stack trace:', 'Failed to parse Markdown file', 'node_modules/fact-boxes/'];
const BAD_BOXES = ':::casualties[A bad toll]{killed=lots source="Local officials"}\n:::\n\n:::claim[A bad claim]{role="Spokesperson" date=2023-13-45}\nWe said so.\n:::\n';

/** An invalid page with three problems in two boxes, found again below by `at` for their lines and columns. */
const invalidPage = (frontmatter) => `${frontmatter ? '---\ntitle: An invalid page\n---\n' : '# An invalid page\n'}\n${BAD_BOXES}`;

/** Every problem of the invalid page: where it is (the text it starts at) and fact-boxes' line after the place. */
const PROBLEMS = [
  { at: 'killed=lots', message: 'casualties: "killed" must be a count like 24, 24+, >24, <24, <=24, ~24, 20-30, ? or none; got "lots" (it is not a count). Fix: write it like killed="24".' },
  { at: ':::claim', message: 'claim: "by" is required. Fix: add by="…" inside the {…} after :::claim.' },
  { at: 'date=2023-13-45', message: 'claim: "date" must be a date like 2023, 2023-11 or 2023-11-05 (add ~ for "around"); got "2023-13-45" (there is no month 13). Fix: write it like date="2023-11-05".' },
];
const COUNT = `${PROBLEMS.length} problems with fact boxes:`;

const astroBuild = [node, 'node_modules/astro/bin/astro.mjs', 'build'];
const page = (html, format, extra = {}) => ({ html, format, ...extra });

/** Every site, its build command, its variants, its pages and where its invalid pages go. */
/** An Astro site without Starlight, on each processor; `src`: where its pages are, from the site's folder. */
const astroSite = (site, host, command, src) => ({
  site,
  host,
  command,
  variants: ['satteri', 'unified'].map((processor) => ({
    name: processor === 'satteri' ? 'Sätteri' : 'unified()',
    env: { FACT_BOXES_PROCESSOR: processor },
    out: `.tmp/${processor}`,
    pages: [page(`.tmp/${processor}/dist/index.html`, 'md'), page(`.tmp/${processor}/dist/mdx/index.html`, 'mdx')],
  })),
  invalid: { md: [`${src}/pages/invalid.md`, true], mdx: [`${src}/pages/invalid.mdx`, true] },
});

const SITES = [
  astroSite('astro', 'Astro 7', astroBuild, 'src'),
  // The latest Astro 7, as a new site gets it: it needs a later Node than the repository's (Node 22.23.4), so the
  // site pins its own Node 24 with the node package, and it brings Sätteri 0.11. hosts/astro's pages (its srcDir).
  astroSite('astro-latest', 'Astro 7 (latest)', [join(HOSTS, 'astro-latest/node_modules/node/bin/node'), 'node_modules/astro/bin/astro.mjs', 'build'], '../astro/src'),
  {
    site: 'starlight',
    host: 'Starlight',
    command: astroBuild,
    variants: ['satteri', 'unified'].flatMap((processor) =>
      ['starlight-first', 'fact-boxes-first'].map((order) => {
        const out = `.tmp/${processor}-${order}`;
        const aside = { selector: 'aside.starlight-aside.starlight-aside--note', text: 'A Starlight aside beside the boxes.' };
        return {
          name: `${processor === 'satteri' ? 'Sätteri' : 'unified()'}, ${order === 'starlight-first' ? '[starlight(), factBoxes()]' : '[factBoxes(), starlight()]'}`,
          env: { FACT_BOXES_PROCESSOR: processor, FACT_BOXES_ORDER: order },
          out,
          pages: [page(`${out}/dist/index.html`, 'md', { aside }), page(`${out}/dist/mdx/index.html`, 'mdx', { aside })],
        };
      }),
    ),
    invalid: { md: ['src/content/docs/invalid.md', true], mdx: ['src/content/docs/invalid.mdx', true] },
  },
  {
    site: 'docusaurus',
    host: 'Docusaurus 3',
    command: [node, 'node_modules/@docusaurus/core/bin/docusaurus.mjs', 'build'],
    variants: [
      {
        name: 'classic preset, static import',
        env: {},
        out: 'build',
        pages: ['build/index.html', 'build/mdx/index.html'].map((html, index) =>
          page(html, index ? 'mdx' : 'md', {
            aside: { selector: '.theme-admonition.theme-admonition-note', text: 'A Docusaurus admonition beside the boxes.' },
            // Docusaurus writes the description from the source's first line with its own regular
            // expressions, one of which takes ":30 the score was 3:" for an emoji name.
            meta: { selector: 'meta[name="description"]', content: 'At 101, said re:Invent staff.' },
          }),
        ),
      },
    ],
    invalid: { md: ['docs/invalid.md', true], mdx: ['docs/invalid.mdx', true] },
  },
  {
    site: 'next',
    host: 'Next.js 16',
    command: [node, 'node_modules/next/dist/bin/next', 'build'],
    variants: [
      {
        name: '@next/mdx, Turbopack',
        env: {},
        out: '.next',
        pages: [page('.next/server/app/md.html', 'md'), page('.next/server/app/index.html', 'mdx')],
      },
    ],
    invalid: { md: ['app/invalid/page.md', false], mdx: ['app/invalid/page.mdx', false] },
  },
  {
    site: 'plain',
    host: 'plain',
    command: [node, 'build.mjs'],
    variants: [
      {
        name: '@mdx-js/mdx compile, unified()',
        env: {},
        out: 'dist',
        pages: [page('dist/unified.html', 'md'), page('dist/mdx.html', 'mdx')],
      },
    ],
    invalid: { md: ['content/invalid.md', false], mdx: ['content/invalid.mdx', false] },
  },
];

// ---------------------------------------------------------------------------

const ENV = (() => {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV' && !name.startsWith('npm_')));
  // Node 22 first: the one running this file (the repository's), then the repository's tools.
  env.PATH = [dirname(node), join(ROOT, 'node_modules/.bin'), process.env.PATH].join(delimiter);
  return { ...env, ASTRO_TELEMETRY_DISABLED: '1', NEXT_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', NO_UPDATE_NOTIFIER: '1' };
})();

const stripAnsi = (text) => text.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');

function run(command, args, cwd, env, logFile) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, env: { ...ENV, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => (output += chunk));
    const done = (code) => {
      output = stripAnsi(output);
      if (logFile) writeFileSync(logFile, `$ ${[command, ...args].join(' ')}  (in ${relative(ROOT, cwd) || '.'})\n${output}\nexit code: ${code}\n`);
      resolve({ code, output, stdout, seconds: (performance.now() - started) / 1000 });
    };
    child.on('error', (error) => {
      output += `\n${error.message}`;
      done(-1);
    });
    child.on('close', (code) => done(code));
  });
}

/** A queue of at most `size` tasks at once. */
function limit(size) {
  let active = 0;
  const waiting = [];
  const next = () => {
    if (active >= size || waiting.length === 0) return;
    active++;
    const { task, resolve, reject } = waiting.shift();
    task().then(resolve, reject).finally(() => {
      active--;
      next();
    });
  };
  return (task) => new Promise((resolve, reject) => {
    waiting.push({ task, resolve, reject });
    next();
  });
}

const installs = limit(3); // downloads and unpacking: mostly waiting on the network and the disk
const builds = limit(1); // builds: one at a time, on a 2-core machine

async function pack() {
  mkdirSync(LOGS, { recursive: true });
  const result = await run('npm', ['pack', '--json', '--pack-destination', WORK, join(ROOT, 'packages/fact-boxes')], ROOT, {}, join(LOGS, 'pack.log'));
  if (result.code !== 0) throw new Error(`npm pack failed:\n${result.output}`);
  const [{ filename }] = JSON.parse(result.stdout);
  return join(WORK, basename(filename));
}

/** npm ci, then the tarball; skipped when the lockfile and the tarball are those of the last install. */
async function install(site, tarball) {
  const dir = join(HOSTS, site.site);
  const stamp = join(dir, 'node_modules/.fact-boxes-hosts');
  const hash = createHash('sha256').update(readFileSync(join(dir, 'package-lock.json'))).update(readFileSync(tarball)).update(node).digest('hex');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return { seconds: 0, skipped: true };
  const started = performance.now();
  const ci = await run('npm', ['ci', '--no-audit', '--no-fund'], dir, {}, join(LOGS, `${site.site}-npm-ci.log`));
  if (ci.code !== 0) throw new Error(`npm ci in hosts/${site.site} failed:\n${tail(ci.output)}`);
  const add = await run('npm', ['install', '--no-save', '--no-audit', '--no-fund', tarball], dir, {}, join(LOGS, `${site.site}-npm-install.log`));
  if (add.code !== 0) throw new Error(`npm install of the tarball in hosts/${site.site} failed:\n${tail(add.output)}`);
  writeFileSync(stamp, hash);
  return { seconds: (performance.now() - started) / 1000, skipped: false };
}

const tail = (text, lines = 40) => text.trimEnd().split('\n').slice(-lines).join('\n');

/** What a built page must show. Returns the problems found. */
function checkPage(dir, { html: path, aside, meta }) {
  const problems = [];
  const file = join(dir, path);
  if (!existsSync(file)) return [`${path} was not built`];
  const tree = fromHtml(readFileSync(file, 'utf8'));
  for (const type of ['claim', 'casualties']) {
    const boxes = selectAll(`section.fact-box.fact-box--${type}[data-fact-box="${type}"]`, tree);
    if (boxes.length !== 1) problems.push(`${path}: ${boxes.length} ${type} boxes, expected 1`);
  }
  if (aside) {
    const found = select(aside.selector, tree);
    if (!found) problems.push(`${path}: no ${aside.selector} (the host's own directive)`);
    else if (!toString(found).includes(aside.text)) problems.push(`${path}: ${aside.selector} without "${aside.text}"`);
  }
  const paragraphs = selectAll('p', tree).map((p) => toString(p));
  if (!paragraphs.includes(PROSE)) {
    const near = paragraphs.find((text) => text.includes('the score was') || text.includes('re:Invent'));
    problems.push(`${path}: the prose line is not intact${near === undefined ? '' : `: ${JSON.stringify(near)}`}`);
  }
  const body = select('body', tree);
  for (const script of selectAll('script, template', body)) script.children = [];
  if (toString(body).includes(':::')) problems.push(`${path}: ":::" left in the page's text`);
  if (meta) {
    const element = select(meta.selector, tree);
    const content = element?.properties.content;
    if (content !== meta.content) problems.push(`${path}: ${meta.selector} is ${JSON.stringify(content)}, the known host behaviour is ${JSON.stringify(meta.content)} (update the suite and the README)`);
  }
  return problems;
}

/** Line and column (1-based) of the first `text` in `source`. */
function placeOf(source, text) {
  const lines = source.split('\n');
  const index = lines.findIndex((line) => line.includes(text));
  return { line: index + 1, column: lines[index].indexOf(text) + 1 };
}

/**
 * What a failed build with an invalid page must print: every problem on a line
 * of its own, `file:line:column: reason. Fix: …`, its place on no other line,
 * the count of problems once, nothing forbidden. Returns what is wrong.
 */
function checkFailure(result, relPath, source) {
  const problems = [];
  if (result.code === 0) problems.push('the build passed');
  const name = basename(relPath);
  const lines = result.output.split('\n');
  for (const { at, message } of PROBLEMS) {
    const { line, column } = placeOf(source, at);
    const place = `${name}:${line}:${column}`;
    const expected = `${join(result.dir, relPath)}:${line}:${column}: ${message}`;
    const carrying = lines.filter((text) => text.split(place).slice(1).some((after) => !/^\d/.test(after)));
    if (carrying.length === 0) problems.push(`no ${place} in the output`);
    else if (carrying.length > 1) problems.push(`${place} is printed ${carrying.length} times:\n${carrying.map((text) => `    ${text}`).join('\n')}`);
    else if (!carrying[0].includes(expected)) problems.push(`the line with ${place} is not fact-boxes' line:\n  got:\n    ${carrying[0]}\n  expected it to have:\n    ${expected}`);
  }
  const counts = result.output.split(COUNT).length - 1;
  if (counts !== 1) problems.push(`"${COUNT}" is printed ${counts} times`);
  for (const text of FORBIDDEN) if (result.output.includes(text)) problems.push(`the output has "${text}"`);
  return problems;
}

async function runSite(site, tarball, rows, failures) {
  const dir = join(HOSTS, site.site);
  for (const [path] of Object.values(site.invalid)) rmSync(join(dir, path), { force: true });
  let installed;
  try {
    installed = await installs(() => install(site, tarball));
  } catch (error) {
    failures.push(`${site.host}: ${error.message}`);
    for (const variant of site.variants) rows.push({ host: site.host, variant: variant.name, install: '✗', cells: {} });
    return;
  }
  for (const [index, variant] of site.variants.entries()) {
    const row = { host: site.host, variant: variant.name, install: index === 0 ? (installed.skipped ? 'kept' : `${installed.seconds.toFixed(0)} s`) : '', cells: {}, seconds: 0 };
    rows.push(row);
    const label = `${site.host} (${variant.name})`;
    const slug = `${site.site}-${Object.values(variant.env).join('-') || 'default'}`;
    await builds(async () => {
      rmSync(join(dir, variant.out), { recursive: true, force: true });
      const built = await run(site.command[0], site.command.slice(1), dir, variant.env, join(LOGS, `${slug}.log`));
      row.seconds += built.seconds;
      if (built.code !== 0) {
        row.cells.build = '✗';
        failures.push(`${label}: the build failed (exit ${built.code}):\n${tail(built.output)}`);
        return;
      }
      row.cells.build = '✓';
      const problems = variant.pages.flatMap((page) => checkPage(dir, page));
      row.cells.pages = problems.length === 0 ? '✓' : '✗';
      for (const problem of problems) failures.push(`${label}: ${problem}`);
      for (const format of ['md', 'mdx']) {
        const [relPath, frontmatter] = site.invalid[format];
        const source = invalidPage(frontmatter);
        mkdirSync(dirname(join(dir, relPath)), { recursive: true });
        writeFileSync(join(dir, relPath), source);
        try {
          const failed = await run(site.command[0], site.command.slice(1), dir, variant.env, join(LOGS, `${slug}-invalid-${format}.log`));
          row.seconds += failed.seconds;
          const wrong = checkFailure({ ...failed, dir }, relPath, source);
          row.cells[format] = wrong.length === 0 ? '✓' : '✗';
          for (const problem of wrong) failures.push(`${label}, invalid .${format} page: ${problem}\n  log: ${relative(ROOT, join(LOGS, `${slug}-invalid-${format}.log`))}`);
        } finally {
          rmSync(join(dir, relPath), { force: true });
          if (site.site === 'next') rmSync(join(dir, dirname(relPath)), { recursive: true, force: true });
        }
      }
    });
  }
}

function table(rows) {
  const header = ['host', 'variant', 'install', 'build', 'boxes, aside, prose', 'invalid .md', 'invalid .mdx', 'time'];
  const body = rows.map((row) => [row.host, row.variant, row.install, row.cells.build ?? '–', row.cells.pages ?? '–', row.cells.md ?? '–', row.cells.mdx ?? '–', row.seconds ? `${row.seconds.toFixed(0)} s` : '']);
  const widths = header.map((title, index) => Math.max(title.length, ...body.map((cells) => cells[index].length)));
  const line = (cells) => `| ${cells.map((cell, index) => cell.padEnd(widths[index])).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...body.map(line)].join('\n');
}

const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  console.error(`hosts: Node ${process.versions.node}; the host suite needs Node 22 (run it with \`npm run hosts\`, which uses the repository's).`);
  process.exit(1);
}
if (!existsSync(join(ROOT, 'packages/fact-boxes/dist/index.js'))) {
  console.error('hosts: packages/fact-boxes/dist is missing; run `npm run build:package` first (`npm run hosts` does).');
  process.exit(1);
}

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !SITES.some((site) => site.site === name));
if (unknown.length > 0) {
  console.error(`hosts: no site ${unknown.join(', ')}; the sites are ${SITES.map((site) => site.site).join(', ')}`);
  process.exit(2);
}
const sites = wanted.length > 0 ? SITES.filter((site) => wanted.includes(site.site)) : SITES;

const started = performance.now();
console.log(`hosts: Node ${process.version}; packing packages/fact-boxes`);
const tarball = await pack();
console.log(`hosts: ${relative(ROOT, tarball)}; installing and building ${sites.map((site) => site.site).join(', ')} (logs in ${relative(ROOT, LOGS)}/)`);
const rows = [];
const failures = [];
await Promise.all(sites.map((site) => runSite(site, tarball, rows, failures)));
rows.sort((a, b) => sites.findIndex((site) => site.host === a.host) - sites.findIndex((site) => site.host === b.host));

console.log(`\n${table(rows)}\n`);
const minutes = (performance.now() - started) / 60_000;
if (failures.length > 0) {
  console.log(`${failures.length} ${failures.length === 1 ? 'failure' : 'failures'}:\n`);
  for (const failure of failures) console.log(`✗ ${failure}\n`);
}
const passed = rows.reduce((sum, row) => sum + Object.values(row.cells).filter((cell) => cell.startsWith('✓')).length, 0);
console.log(`hosts: ${minutes.toFixed(1)} min`);
console.log(`hosts: ${passed} passed, ${rows.length * 4 - passed} failed`);
process.exit(failures.length > 0 ? 1 : 0);
