/**
 * MDX: boxes are mdast with `data.hName`, never raw HTML, so MDX compiles them
 * to JSX, and JSX and expressions inside a box keep working. The compiled
 * module is run with a tiny JSX runtime (below) that builds an HTML string,
 * which is parsed back to assert on.
 */
import { compile, run } from '@mdx-js/mdx';
import remarkFactBoxes, { type RemarkFactBoxesOptions } from 'fact-boxes/remark';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import { textOf } from '../helpers/pipeline.js';

/** Markup already built by the runtime (as opposed to text, which must be escaped). */
class Markup {
  constructor(readonly html: string) {}
}

type Child = Markup | string | number | boolean | null | undefined | readonly Child[];
type Props = Record<string, unknown> & { children?: Child };
type Component = (props: Props) => Child;

const Fragment = Symbol('Fragment');

function escape(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

function serialise(child: Child): string {
  if (child === null || child === undefined || typeof child === 'boolean') return '';
  if (child instanceof Markup) return child.html;
  if (Array.isArray(child)) return (child as readonly Child[]).map(serialise).join('');
  return escape(String(child));
}

/** The whole JSX runtime: `jsx` and `jsxs` are the same here. */
function jsx(type: string | symbol | Component, props: Props): Markup {
  const { children, ...attributes } = props;
  if (type === Fragment) return new Markup(serialise(children));
  if (typeof type === 'function') return new Markup(serialise(type(props)));
  const written = Object.entries(attributes)
    .filter(([, value]) => value !== undefined && value !== null && value !== false)
    .map(([name, value]) => ` ${name === 'className' ? 'class' : name}="${escape(String(value))}"`)
    .join('');
  return new Markup(`<${String(type)}${written}>${serialise(children)}</${String(type)}>`);
}

/** A component an author uses inside a box. */
const Note: Component = ({ kind, children }) => jsx('aside', { className: `note note--${String(kind)}`, children });

/** Compile MDX with the plugin, run it, and give back the HTML parsed as hast and the file. */
async function renderMdx(source: string, options: RemarkFactBoxesOptions = {}): Promise<{ tree: Root; html: string; file: VFile }> {
  const file = new VFile({ value: source, path: 'article.mdx' });
  const compiled = await compile(file, { remarkPlugins: [[remarkFactBoxes, options]], outputFormat: 'function-body' });
  const { default: Content } = await run(compiled, { Fragment, jsx, jsxs: jsx, baseUrl: import.meta.url } as unknown as Parameters<typeof run>[1]);
  const html = serialise((Content as unknown as Component)({ components: { Note } }));
  return { tree: fromHtml(html, { fragment: true }), html, file: compiled };
}

const ARTICLE = `export const who = 'the Pentagon'

# Escalation at 10:30

:::casualties[Toll at 10:30]{injured=">24" source="the Pentagon" described-as="light"}
Reported by <strong>{who}</strong> at 10:30, a ratio of 3:1, at re:Invent.

<Note kind="update">Updated at 07:13:47.</Note>
:::

:::claim[A vow]{by="Ashab al-Kahf" status=disputed}
A <em>military</em> solution, said {1 + 2} times.

Context at 10:30.
:::
`;

describe('MDX', () => {
  test('should compile boxes to JSX elements, not raw HTML', async () => {
    const compiled = String(await compile(ARTICLE, { remarkPlugins: [remarkFactBoxes] }));
    expect(compiled).toContain('"data-fact-box": "casualties"');
    expect(compiled).not.toContain('dangerouslySetInnerHTML');
  });

  test('should render a box with its figures, title and source', async () => {
    const { tree } = await renderMdx(ARTICLE);
    const box = select('section[data-fact-box="casualties"]', tree)!;
    expect(box.properties.id).toBe('toll-at-10-30');
    expect(box.properties.className).toEqual(['fact-box', 'fact-box--casualties']);
    expect(textOf(box, 'h2#toll-at-10-30-title')).toBe('Toll at 10:30');
    expect(textOf(box, '[data-fact="injured"] dd')).toBe('more than 24');
    expect(textOf(box, '.fact-box__characterisation')).toBe('Described as light by the Pentagon.');
    expect(textOf(box, 'footer')).toBe('Source: the Pentagon');
  });

  test('should keep JSX, expressions and components inside a box working', async () => {
    const { tree } = await renderMdx(ARTICLE);
    const body = select('section[data-fact-box="casualties"] .fact-box__body', tree)!;
    expect(textOf(body, 'p strong')).toBe('the Pentagon');
    expect(textOf(body, 'p')).toBe('Reported by the Pentagon at 10:30, a ratio of 3:1, at re:Invent.');
    const note = select('aside.note.note--update', body);
    expect(toString(note!)).toBe('Updated at 07:13:47.');
    const quote = select('section[data-fact-box="claim"] blockquote.fact-box__quote', tree)!;
    expect(textOf(quote, 'em')).toBe('military');
    expect(toString(quote)).toBe('A military solution, said 3 times.');
  });

  test('should keep times and colons outside and inside boxes', async () => {
    const { tree } = await renderMdx(ARTICLE);
    expect(textOf(tree, 'h1')).toBe('Escalation at 10:30');
    expect(textOf(tree, 'section[data-fact-box="claim"] .fact-box__body')).toBe('Context at 10:30.');
    expect(textOf(tree, 'section[data-fact-box="claim"] [data-fact="status"] dd')).toBe('Disputed');
  });

  test('should record the boxes on the compiled file', async () => {
    const { file } = await renderMdx(ARTICLE);
    expect(file.data.factBoxes?.map((record) => [record.type, record.id, record.title])).toEqual([
      ['casualties', 'toll-at-10-30', 'Toll at 10:30'],
      ['claim', 'a-vow', 'A vow'],
    ]);
    expect(file.data.factBoxes?.[0]?.attributes).toMatchObject({ injured: { kind: 'more-than', min: 25 }, source: 'the Pentagon', describedAs: 'light' });
    expect(file.data.factBoxes?.[1]?.position?.start).toMatchObject({ line: 11, column: 1 });
  });

  test('should fail an MDX build on an invalid box, at the attribute in the .mdx file', async () => {
    const source = `export const x = 1\n\n:::casualties{injured="two dozen" source="x"}\n:::\n`;
    await expect(renderMdx(source)).rejects.toThrow(/^article\.mdx:3:15: casualties: "injured" must be a count like 24/);
  });

  test('should render the same box in MDX as in Markdown', async () => {
    const box = ':::claim[Vow]{by="x" rating=false}\nWe will act at 10:30.\n:::\n';
    const { tree } = await renderMdx(box);
    const section = select('section', tree)!;
    expect(textOf(section, '.fact-box__kind')).toBe('Fact check');
    expect(selectAll('dt', section).map((node) => toString(node))).toEqual(['Claimed by', 'Status', 'Our verdict']);
    expect(textOf(section, 'blockquote')).toBe('We will act at 10:30.');
  });
});
