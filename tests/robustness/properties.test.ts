/**
 * Properties of the remark plugin over generated articles (see documents.ts):
 * whatever an author writes, the plugin fails only with a positioned message,
 * emits nothing executable, loses no prose, and gives the same output twice.
 */
import fc from 'fast-check';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { describe, expect, test } from 'vitest';
import { render, type Rendered } from '../helpers/pipeline.js';
import { documentArbitrary, toMarkdown, type WrittenDocument } from './documents.js';
import { squash, unsafeParts } from './safety.js';

/** Enough runs to meet most combinations of box, value and nesting; each property stays within a few seconds. */
const RUNS = Number(process.env.FACT_BOXES_PROPERTY_RUNS ?? 300);

const mixed = documentArbitrary('mixed').map((blocks) => toMarkdown(blocks));
const twins = documentArbitrary('mixed').map((blocks) => [toMarkdown(blocks, '\n'), toMarkdown(blocks, '\r\n')] as const);
const valid = documentArbitrary('valid').map((blocks) => toMarkdown(blocks));

async function attempt(markdown: string, options: Parameters<typeof render>[1]): Promise<{ rendered?: Rendered; error?: unknown }> {
  try {
    return { rendered: await render(markdown, options) };
  } catch (error) {
    return { error };
  }
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.constructor.name}: ${error.message}\n${error.stack ?? ''}` : String(error);
}

/** The parts of the output that must not depend on anything but the input. */
function snapshotOf(rendered: Rendered) {
  return { html: rendered.html, records: JSON.stringify(rendered.file.data.factBoxes), messages: rendered.messages };
}

describe('robustness properties (fast-check)', () => {
  test('should throw nothing but a positioned FactBoxesError, and only for an invalid document', async () => {
    await fc.assert(
      fc.asyncProperty(mixed, async ({ markdown, expect: expected }: WrittenDocument) => {
        const { error } = await attempt(markdown, {});
        if (error === undefined) return;
        if (expected.valid) throw new Error(`a valid document failed: ${describeError(error)}`);
        expect(error, describeError(error)).toBeInstanceOf(Error);
        const message = error as Error & { line?: unknown; column?: unknown; problems?: { ruleId: unknown }[] };
        expect(message.name, describeError(error)).toBe('FactBoxesError');
        expect(message.problems?.length).toBeGreaterThan(0);
        for (const problem of message.problems ?? []) expect(typeof problem.ruleId).toBe('string');
        expect(message.line).toEqual(expect.any(Number));
        expect(message.column).toEqual(expect.any(Number));
        expect(message.line as number).toBeGreaterThanOrEqual(1);
        expect(message.column as number).toBeGreaterThanOrEqual(1);
        // One problem: its line; several: a count, then a line each.
        for (const line of message.message.split('\n').slice(message.message.includes('\n') ? 1 : 0)) expect(line).toMatch(/^article\.md:\d+:\d+: /);
      }),
      { numRuns: RUNS },
    );
  });

  test('should never throw with onInvalid: "warn", and report every problem with a place and a rule', async () => {
    await fc.assert(
      fc.asyncProperty(mixed, async ({ markdown }) => {
        const { rendered, error } = await attempt(markdown, { onInvalid: 'warn' });
        if (error !== undefined) throw new Error(`threw in warn mode: ${describeError(error)}`);
        for (const message of rendered!.file.messages) {
          expect(message.source).toBe('fact-boxes');
          expect(message.ruleId).toEqual(expect.any(String));
          expect(message.line, message.reason).toEqual(expect.any(Number));
          expect(message.column, message.reason).toEqual(expect.any(Number));
          expect(message.fatal).not.toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  test('should never emit script, frames, event handlers or a non-http(s) href, src or cite', async () => {
    await fc.assert(
      fc.asyncProperty(mixed, async ({ markdown }) => {
        // Development mode also writes each box's problems (which quote the author's values) into the page.
        const { html } = await render(markdown, { onInvalid: 'warn', development: true });
        expect(unsafeParts(html), html).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  test('should keep every sentence of prose, every code line and every directive nobody handled', async () => {
    await fc.assert(
      fc.asyncProperty(mixed, async ({ markdown, expect: expected }) => {
        const { tree } = await render(markdown, { onInvalid: 'warn' });
        const text = squash(toString(tree));
        for (const sentence of expected.outside) expect(text, `prose outside boxes lost from:\n${markdown}`).toContain(sentence);
        for (const sentence of expected.inside) expect(text, `text inside a box or container lost from:\n${markdown}`).toContain(squash(sentence));
      }),
      { numRuns: RUNS },
    );
  });

  test('should give the same HTML, ids, records and messages for the same input', async () => {
    await fc.assert(
      fc.asyncProperty(mixed, async ({ markdown }) => {
        const first = snapshotOf(await render(markdown, { onInvalid: 'warn', development: true }));
        const second = snapshotOf(await render(markdown, { onInvalid: 'warn', development: true }));
        expect(second).toEqual(first);
      }),
      { numRuns: RUNS },
    );
  });

  test('should give every box its own id, distinct from every other id on the page', async () => {
    await fc.assert(
      fc.asyncProperty(mixed, async ({ markdown }) => {
        const { tree, file } = await render(markdown, { onInvalid: 'warn' });
        const ids = selectAll('[id]', tree).map((element) => String(element.properties.id));
        expect(ids.filter((id, index) => ids.indexOf(id) !== index), markdown).toEqual([]);
        const boxIds = selectAll('[data-fact-box]', tree).map((element) => String(element.properties.id));
        expect(boxIds).toEqual((file.data.factBoxes ?? []).map((record) => record.id).sort((a, b) => boxIds.indexOf(a) - boxIds.indexOf(b)));
      }),
      { numRuns: RUNS },
    );
  });

  test('should accept every valid document: no error, one record and one section per box, every title shown', async () => {
    await fc.assert(
      fc.asyncProperty(valid, async ({ markdown, expect: expected }) => {
        const { rendered, error } = await attempt(markdown, {});
        if (error !== undefined) throw new Error(`a valid document failed: ${describeError(error)}\n${markdown}`);
        const { tree, file } = rendered!;
        expect(file.messages.filter((message) => message.fatal).map(String), markdown).toEqual([]);
        expect(file.data.factBoxes ?? []).toHaveLength(expected.boxes);
        expect(selectAll('section[data-fact-box]', tree)).toHaveLength(expected.boxes);
        const titles = selectAll('.fact-box__title', tree).map((element) => squash(toString(element)));
        for (const title of expected.titles) expect(titles).toContain(title);
      }),
      { numRuns: RUNS },
    );
  });

  test('should read a CRLF document, and one with a byte order mark, exactly as its LF twin: same records, messages, places and text', async () => {
    await fc.assert(
      fc.asyncProperty(twins, fc.boolean(), async ([lf, crlf], bom) => {
        const a = await render(lf.markdown, { onInvalid: 'warn' });
        const b = await render(`${bom ? '\uFEFF' : ''}${crlf.markdown}`, { onInvalid: 'warn' });
        const shape = (rendered: Rendered) => ({
          text: squash(toString(rendered.tree)),
          messages: rendered.messages.map((message) => `${message.place} ${message.ruleId}`),
          records: (rendered.file.data.factBoxes ?? []).map((record) => ({
            type: record.type,
            id: record.id,
            title: record.title,
            text: squash(record.text),
            attributes: JSON.stringify(record.attributes, (key, value: unknown) => (key === 'position' ? undefined : typeof value === 'string' ? squash(value) : value)),
            start: `${record.position?.start.line}:${record.position?.start.column}`,
            end: `${record.position?.end.line}:${record.position?.end.column}`,
          })),
        });
        expect(shape(b), crlf.markdown).toEqual(shape(a));
      }),
      { numRuns: RUNS },
    );
  });
});
