/**
 * One error model (issue 15): the remark plugin (Markdown and MDX), the
 * Sätteri adapter and the checker report the same problems, each as one line
 * `file:line:column: reason. Fix: …` with the place written once; a build
 * fails with one `FactBoxesError` carrying every problem of the file.
 */
import { compile } from '@mdx-js/mdx';
import { FactBoxesError } from 'fact-boxes';
import remarkFactBoxes, { FactBoxesError as RemarkFactBoxesError } from 'fact-boxes/remark';
import factBoxes from 'fact-boxes/satteri';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { markdownToHtml } from 'satteri';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { createChecker } from '../../packages/fact-boxes/src/checker/check.js';

const PATH = '/site/src/content/article.md';

// Three errors in two boxes, a warning, and a timeline item out of order.
const SOURCE = [
  '# An article',
  '',
  ':::casualties[A bad toll]{killed=lots source="Local officials"}',
  ':::',
  '',
  ':::claim[A bad claim]{role="Spokesperson" date=2023-13-45}',
  'We said so.',
  ':::',
  '',
  ':::casualty[Near miss]{killed=1 source=x}',
  ':::',
  '',
  ':::timeline[Events]',
  '- 2023-10-26: B.',
  '- 2023-10-17: A.',
  ':::',
  '',
].join('\n');

const LINES = [
  `${PATH}:3:27: casualties: "killed" must be a count like 24, 24+, >24, <24, <=24, ~24, 20-30, ? or none; got "lots" (it is not a count). Fix: write it like killed="24".`,
  `${PATH}:6:1: claim: "by" is required. Fix: add by="…" inside the {…} after :::claim.`,
  `${PATH}:6:43: claim: "date" must be a date like 2023, 2023-11 or 2023-11-05 (add ~ for "around"); got "2023-13-45" (there is no month 13). Fix: write it like date="2023-11-05".`,
  `${PATH}:15:1: timeline item: "2023-10-17" is out of order: with order="asc" events go from earliest to latest, but it comes after "2023-10-26". Fix: move this item up, or set order="desc" if the list runs backwards.`,
];

/** The lines of an error's message, without the count. */
const linesOf = (error: Error) => error.message.split('\n').slice(1);

async function remarkError(source: string, path: string): Promise<unknown> {
  const processor = unified().use(remarkParse).use(remarkDirective).use(remarkFactBoxes).use(remarkRehype).use(rehypeStringify);
  return processor.process(new VFile({ path, value: source })).then(
    () => undefined,
    (error: unknown) => error,
  );
}

function satteriError(source: string, path: string): unknown {
  try {
    markdownToHtml(source, { features: { directive: true }, ...factBoxes(), fileURL: pathToFileURL(path) });
    return undefined;
  } catch (error) {
    return error;
  }
}

describe('one error for every adapter', () => {
  test('should fail remark with a FactBoxesError listing every error once, file:line:column: reason. Fix: …', async () => {
    const error = (await remarkError(SOURCE, PATH)) as FactBoxesError;
    expect(error).toBeInstanceOf(FactBoxesError);
    expect(RemarkFactBoxesError).toBe(FactBoxesError);
    expect(error.message.split('\n')[0]).toBe('4 problems with fact boxes:');
    expect(linesOf(error).sort()).toEqual([...LINES].sort());
    expect(error.problems.every((problem) => problem.file === PATH)).toBe(true);
  });

  test('should fail Sätteri with the same error, the same lines', async () => {
    const remark = (await remarkError(SOURCE, PATH)) as FactBoxesError;
    const satteri = satteriError(SOURCE, PATH) as FactBoxesError;
    expect(satteri).toBeInstanceOf(FactBoxesError);
    expect(linesOf(satteri).sort()).toEqual(linesOf(remark).sort());
  });

  test('should fail MDX with the same lines', async () => {
    const path = PATH.replace(/\.md$/, '.mdx');
    const error = (await compile(new VFile({ path, value: SOURCE }), { remarkPlugins: [remarkFactBoxes] }).catch((caught: unknown) => caught)) as FactBoxesError;
    expect(error).toBeInstanceOf(FactBoxesError);
    expect(linesOf(error).sort()).toEqual(LINES.map((line) => line.replace(PATH, path)).sort());
  });

  test('should give the checker the same sentences at the same places, warnings too', async () => {
    const result = await createChecker().checkDocument(PATH, SOURCE);
    const errors = result.messages.filter((message) => message.severity === 'error').map((message) => `${PATH}:${message.line}:${message.column}: ${message.message}`);
    expect(errors.sort()).toEqual([...LINES].sort());
    expect(result.messages.filter((message) => message.severity === 'warning').map((message) => `${message.line}:${message.column}: ${message.message}`)).toEqual([
      '10:1: casualty: there is no box called "casualty"; did you mean "casualties"? Fix: write :::casualties.',
    ]);
  });

  test('should write no place inside a reason: the line says where', async () => {
    const processor = unified().use(remarkParse).use(remarkDirective).use(remarkFactBoxes, { onInvalid: 'warn' });
    const file = new VFile({ path: PATH, value: `${SOURCE}\n:::claim {by="x"}\n:::\n\n:::claim[Open]{by="x"}\nNever closed.\n` });
    await processor.run(processor.parse(file), file);
    expect(file.messages.length).toBeGreaterThan(5);
    for (const message of file.messages) expect(message.reason).not.toMatch(/\d+:\d+/);
  });
});

describe('FactBoxesError', () => {
  const problem = (line: number, column: number, reason: string) => ({ ruleId: 'invalid-attribute', reason, fix: 'do this', place: { line, column } });

  test('should be one line for one problem', () => {
    const error = new FactBoxesError([problem(3, 27, 'casualties: bad')], 'a.md');
    expect(error.message).toBe('a.md:3:27: casualties: bad. Fix: do this.');
    expect(error).toMatchObject({ name: 'FactBoxesError', file: 'a.md', line: 3, column: 27, loc: { file: 'a.md', line: 3, column: 27 } });
  });

  test('should combine several files into one error, each problem with its own file, the files counted', () => {
    const combined = FactBoxesError.combine([
      new FactBoxesError([problem(3, 27, 'casualties: bad'), problem(6, 1, 'claim: worse')], 'a.md'),
      new FactBoxesError([problem(2, 5, 'actor: odd')], 'b.mdx'),
    ]);
    expect(combined).toBeInstanceOf(FactBoxesError);
    expect(combined.message).toBe(['3 problems with fact boxes in 2 files:', 'a.md:3:27: casualties: bad. Fix: do this.', 'a.md:6:1: claim: worse. Fix: do this.', 'b.mdx:2:5: actor: odd. Fix: do this.'].join('\n'));
    expect(combined.problems.map((item) => item.file)).toEqual(['a.md', 'a.md', 'b.mdx']);
    expect(combined.loc).toEqual({ file: 'a.md', line: 3, column: 27 });
  });

  test('should write a problem without a place with its file alone', () => {
    expect(new FactBoxesError([{ ruleId: 'build-error', reason: 'it broke' }], 'a.md').message).toBe('a.md: it broke');
  });

  test('should have no stack and no enumerable fields, so hosts print the message alone', () => {
    const error = new FactBoxesError([problem(3, 27, 'casualties: bad')], 'a.md');
    expect(error.stack).toBe('');
    expect(JSON.stringify(error)).toBe('{}');
    expect(Object.keys(error)).toEqual([]);
    // webpack's cache serialises errors by constructor: a plain Error's.
    expect(error.constructor).toBe(Error);
  });
});
