/**
 * Parity: every Markdown fixture of the suite goes through the remark
 * pipeline and the Sätteri pipeline, and must give the same boxes (type, id,
 * title, text, attributes, rendered HTML) and the same messages.
 * Differences in unrelated Markdown rendering are normalised, not hidden:
 * both pipelines keep raw HTML as written (Sätteri's default, and Astro's
 * for unified), Sätteri's GFM is off as remark-parse has none, and only
 * whitespace between tags is normalised; box HTML must match exactly.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toHtml } from 'hast-util-to-html';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { markdownToHtml } from 'satteri';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import { markdownFixtures } from '../helpers/fixtures.js';
import type { FactBoxesOptions, FactBoxRecord, Problem } from 'fact-boxes';
import remarkFactBoxes from 'fact-boxes/remark';
import factBoxes from 'fact-boxes/satteri';
import { describeProblem } from '../helpers/internal.js';

const root = fileURLToPath(new URL('../../', import.meta.url));


interface Outcome {
  records: Omit<FactBoxRecord, 'position'>[];
  messages: { place: string; reason: string; ruleId: string | undefined }[];
  boxes: string[];
}

function boxesOf(html: string): string[] {
  const tree = fromHtml(html, { fragment: true });
  return selectAll('[data-fact-box]', tree)
    .filter((node) => !selectAll('[data-fact-box]', tree).some((outer) => outer !== node && selectAll('[data-fact-box]', outer).includes(node)))
    .map((node) => toHtml(node).replace(/>\s+</g, '><').trim());
}

function plainRecords(records: readonly FactBoxRecord[] | undefined): Outcome['records'] {
  return (records ?? []).map(({ position: _position, ...record }) => JSON.parse(JSON.stringify(record)) as Omit<FactBoxRecord, 'position'>);
}

async function throughRemark(source: string, path: string, options: FactBoxesOptions = {}): Promise<Outcome> {
  const file = new VFile({ value: source, path });
  const result = await unified().use(remarkParse).use(remarkFactBoxes, { onInvalid: 'warn', ...options }).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeStringify, { allowDangerousHtml: true }).process(file);
  return {
    records: plainRecords(file.data.factBoxes),
    messages: file.messages.map((message) => ({ place: `${message.line}:${message.column}`, reason: message.reason, ruleId: message.ruleId })),
    boxes: boxesOf(String(result)),
  };
}

function throughSatteri(source: string, path: string, staticHtml: false | 'raw' = false, options: FactBoxesOptions = {}): Outcome {
  const result = markdownToHtml(source, { features: { directive: true, gfm: false }, ...factBoxes({ onInvalid: 'warn', staticHtml, ...options }), fileURL: pathToFileURL(path) });
  if (result instanceof Promise) throw new Error('expected a synchronous compile');
  const problems = (result.data.factBoxesProblems ?? []) as Problem[];
  return {
    records: plainRecords(result.data.factBoxes as FactBoxRecord[] | undefined),
    messages: problems.map((problem) => {
      const point = problem.place ? ('start' in problem.place ? problem.place.start : problem.place) : undefined;
      return { place: `${point?.line}:${point?.column}`, reason: describeProblem(problem), ruleId: problem.ruleId };
    }),
    boxes: boxesOf(result.html),
  };
}

const files = markdownFixtures(join(root, 'tests'));

/**
 * Where the two Markdown parsers themselves read a document differently, the
 * difference is listed here with its reason rather than hidden: boxes and
 * records must still agree, only the messages may differ.
 */
const PARSER_DIFFERENCES: Record<string, string> = {
  // Nested boxes opened with the same number of colons: micromark closes the outermost box at the
  // first `:::` and reports the inner ones as never closed; Sätteri closes the innermost first.
  'tests/robustness/fixtures/deep-nesting-same-fences.md': 'same-fence nesting',
  // A `:::` line inside a fenced code block inside a box: micromark closes the box there (and fact-boxes
  // reports it, with the fix of more colons on the box); Sätteri reads the code block whole.
  'tests/fixtures/markdown/box-closed-in-code.md': 'box closed in code',
};

describe('remark and Sätteri give the same boxes and messages', () => {
  test('there are fixtures to compare', () => {
    expect(files.length).toBeGreaterThan(3);
  });

  test.each(files.map((file) => [relative(root, file), file]))('%s', async (_name, file) => {
    const source = readFileSync(file, 'utf8');
    const remark = await throughRemark(source, file);
    const satteri = throughSatteri(source, file);
    if (PARSER_DIFFERENCES[_name] === 'box closed in code') {
      expect(remark.messages.map((message) => message.ruleId)).toEqual(['box-closed-in-code']);
      expect(satteri.messages).toEqual([]);
      expect(satteri.records.map((record) => record.id)).toEqual(remark.records.map((record) => record.id));
      return;
    }
    expect(satteri.records).toEqual(remark.records);
    expect(satteri.boxes).toEqual(remark.boxes);
    // Static parts as HTML strings (what the Astro integration uses) give the same boxes as hast elements.
    expect(throughSatteri(source, file, 'raw').boxes).toEqual(remark.boxes);
    if (PARSER_DIFFERENCES[_name] === 'same-fence nesting') {
      expect(remark.messages.every((message) => message.ruleId === 'unclosed-box')).toBe(true);
      expect(satteri.messages).toEqual([]);
    } else {
      expect(satteri.messages).toEqual(remark.messages);
    }
  });
});

describe('remark and Sätteri recognise the same entities', () => {
  const folder = join(root, 'tests/fixtures/entities');
  const options: FactBoxesOptions = { entities: JSON.parse(readFileSync(join(folder, 'entities.json'), 'utf8')), entityUrl: (id) => `/actors/${id}/` };
  const entityFixtures = readdirSync(folder).filter((name) => name.endsWith('.md')).sort();

  test.each(entityFixtures)('%s, with the entities and entityUrl options', async (name) => {
    const file = join(folder, name);
    const source = readFileSync(file, 'utf8');
    const remark = await throughRemark(source, file, options);
    const satteri = throughSatteri(source, file, false, options);
    // Every fixture exercises entities: a box names one, or a warning or error says which it missed.
    expect(remark.records.some((record) => record.entities) || remark.messages.some((message) => message.ruleId === 'entity-near-miss')).toBe(true);
    expect(satteri.records).toEqual(remark.records);
    expect(satteri.boxes).toEqual(remark.boxes);
    expect(throughSatteri(source, file, 'raw', options).boxes).toEqual(remark.boxes);
    expect(satteri.messages).toEqual(remark.messages);
  });
});
