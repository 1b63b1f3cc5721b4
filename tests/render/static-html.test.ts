/**
 * `staticHtml`: the parts of a box without author content travel as HTML the
 * plugin serialised itself (`raw`) or as `<Fragment set:html>` (`fragment`, for
 * Astro's MDX), which keeps MDX pages small. Readers must get the same HTML,
 * and author content must stay live Markdown/MDX.
 */
import { compile } from '@mdx-js/mdx';
import type { Root } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import remarkFactBoxes from 'fact-boxes/remark';

const claim = ':::claim[Militia *vows* to act]{by="Ashab <al-Kahf> & co" date=2023-11-05 source=\'AP "wire"\'}\nWe will act at 10:30.\n\nContext here.\n:::\n';
const timeline = ':::timeline[Escalation]\n- 2023-10-17: Attacks *begin*.\n- 2023-10-26: US strikes.\n:::\n';

async function html(markdown: string, staticHtml: false | 'raw'): Promise<string> {
  const file = await unified()
    .use(remarkParse)
    .use(remarkFactBoxes, { staticHtml })
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeStringify, { allowDangerousHtml: true })
    .process(markdown);
  return String(file);
}

async function tree(markdown: string, staticHtml: false | 'raw' | 'fragment'): Promise<Root> {
  const processor = unified().use(remarkParse).use(remarkFactBoxes, { staticHtml });
  const file = new VFile(markdown);
  return processor.run(processor.parse(file), file) as Promise<Root>;
}

describe('staticHtml', () => {
  test.each([
    ['a claim', claim],
    ['a timeline', timeline],
    ['a box without a title or body', ':::casualties{killed=3 source=AP}\n:::\n'],
    ['nested boxes', '::::claim[Outer]{by=A}\nQuote.\n\n:::actor[B]{type=militia}\nAn actor.\n:::\n::::\n'],
    ['titles of plain words, with characters HTML escapes, and with markup', ':::claim[Plain words]{by=A}\nQ.\n:::\n\n:::claim[Tom & "Jerry" <b>]{by=A}\nQ.\n:::\n\n:::claim[A `code` title]{by=A}\nQ.\n:::\n'],
  ])('should give readers the same HTML as hast elements for %s', async (_name, markdown) => {
    expect(await html(markdown, 'raw')).toBe(await html(markdown, false));
  });

  test('should keep only the box’s section as an element, its author content as mdast, and the rest as strings', async () => {
    const root = await tree(claim, 'raw');
    const section = root.children[0] as unknown as { type: string; data: { hName: string }; children: { type: string; value?: string }[] };
    expect(section.type).toBe('factBoxElement');
    expect(section.data.hName).toBe('section');
    expect(section.children.map((child) => child.type)).toEqual(['html', 'text', 'emphasis', 'text', 'html', 'paragraph', 'html', 'paragraph', 'html']);
    // The title's heading opens and closes around the author's own words.
    expect(section.children[0]!.value).toMatch(/<h2 class="fact-box__title" id="militia-vows-to-act-title">$/);
    expect(section.children[4]!.value).toMatch(/^<\/h2><\/header><blockquote/);
  });

  test('should send a part whose author content is plain words (a title) to remark-rehype whole, as hast, and a part with markup as mdast', async () => {
    type Carrier = { type: string; data: { hName: string; hChildren?: unknown[] }; children: Carrier[] };
    const header = async (markdown: string) => ((await tree(markdown, false)).children[0] as unknown as Carrier).children[0]!;
    // One node for the header, its title's words as hast text: mdast-util-to-hast clones the properties of each node it is given.
    const plain = await header(':::claim[Plain words]{by=A}\nQ.\n:::\n');
    expect(plain.data.hName).toBe('header');
    expect(plain.children).toEqual([]);
    expect(JSON.stringify(plain.data.hChildren)).toContain('"type":"text","value":"Plain words"');
    // Markup in the title stays Markdown, for remark-rehype and other plugins to handle.
    const marked = await header(':::claim[Militia *vows*]{by=A}\nQ.\n:::\n');
    expect(marked.data.hChildren).toBeUndefined();
    expect(JSON.stringify(marked.children)).toContain('"type":"emphasis"');
  });

  test('should escape attribute values inside the strings it writes', async () => {
    const root = await tree(claim, 'raw');
    const strings = JSON.stringify(root);
    expect(strings).toContain('Ashab &#x3C;al-Kahf> &#x26; co');
    expect(strings).not.toContain('<al-Kahf>');
  });

  test('should write static parts as <Fragment set:html> in MDX, and keep JSX and expressions in the body live', async () => {
    const source = `${claim.replace('We will act at 10:30.', 'We will act at {10 + 20} past, says <Speaker name="x" />.')}`;
    const code = String(await compile(source, { remarkPlugins: [[remarkFactBoxes, { staticHtml: 'fragment' }]] }));
    expect(code).toContain('"set:html"');
    expect(code).toContain('10 + 20');
    expect(code).toMatch(/_jsx\(Speaker/);
    // One element for the box; no call per element of its facts.
    expect(code).not.toMatch(/_components\.(dl|dt|dd|header|footer)/);
  });

  test('should put the section and plain author words into the strings in MDX, keeping marked-up author content live', async () => {
    const attributesOf = (node: { attributes?: { value?: unknown }[] }) => (node.attributes ?? []).map((attribute) => String(attribute.value)).join('');
    // A title with markup and a body: one bare Fragment around strings and the author's nodes.
    const [box] = (await tree(claim, 'fragment')).children as unknown as { type: string; name: string; attributes: []; children: { type: string; name?: string; attributes?: { value?: unknown }[] }[] }[];
    expect([box!.type, box!.name, box!.attributes]).toEqual(['mdxJsxFlowElement', 'Fragment', []]);
    expect(box!.children.map((child) => child.name ?? child.type)).toEqual(['Fragment', 'text', 'emphasis', 'text', 'Fragment', 'paragraph', 'Fragment', 'paragraph', 'Fragment']);
    expect(attributesOf(box!.children[0]!)).toMatch(/^<section class="fact-box fact-box--claim" id="militia-vows-to-act"[^>]*><header/);
    expect(attributesOf(box!.children.at(-1)!)).toMatch(/<\/section>$/);
    // Plain words only (the title, each group's label): the whole box is one string, the words in their places.
    const [plain] = (await tree(':::casualties[Toll]{source=AP}\n::group[First strike]{killed=3}\n:::\n', 'fragment')).children as unknown as { name: string; attributes?: { value?: unknown }[] }[];
    expect(plain!.name).toBe('Fragment');
    expect(attributesOf(plain!)).toMatch(/^<section [^>]*>.*>Toll<\/h2>.*>First strike<.*<\/section>$/s);
    // Words HTML would write differently stay nodes, for the host to escape.
    const [escaped] = (await tree(':::casualties[Tom & Jerry]{source=AP}\n::group[First strike]{killed=3}\n:::\n', 'fragment')).children as unknown as { children: { type: string; value?: string }[] }[];
    expect(escaped!.children.some((child) => child.type === 'text' && child.value === 'Tom & Jerry')).toBe(true);
  });

  test('should refuse a form it does not know', async () => {
    await expect(tree(claim, 'html' as 'raw')).rejects.toThrow(/staticHtml must be false, "raw" or "fragment"/);
  });
});
