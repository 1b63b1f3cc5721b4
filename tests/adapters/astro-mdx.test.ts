/**
 * The Astro integration on Sätteri writes the static parts of a box into an
 * MDX page as expressions of Astro's own `unescapeHTML`, imported once per
 * page, inside a bare `<>` fragment: the page writes each part out as a
 * string, where a `<Fragment set:html>` is an element of its own. What readers
 * get is checked on the demo site built by both processors
 * (tests/site/processors.test.ts); this is the compiled page.
 */
import { pathToFileURL } from 'node:url';
import { mdxToJs, type MdastPluginDefinition, type PluginFactoryContext } from 'satteri';
import { describe, expect, test } from 'vitest';
import { satteriPluginForAstro } from '../helpers/internal.js';

const ROOT = '/site';
const settings = { options: {}, pending: { errors: new Map() }, warn: () => {}, records: 'json' as const, pagesDir: `${ROOT}/src/pages/`, root: ROOT };

async function compile(source: string): Promise<string> {
  const plugin = satteriPluginForAstro(settings);
  const factory = (document: PluginFactoryContext) => plugin(document) as MdastPluginDefinition;
  const { code } = await mdxToJs(source, {
    features: { directive: true },
    mdastPlugins: [factory],
    fileURL: pathToFileURL(`${ROOT}/src/pages/page.mdx`),
    data: { astro: { frontmatter: {} } },
    jsxImportSource: 'astro',
    elementAttributeNameCase: 'html',
  });
  return code;
}

const IMPORT = /import \{ unescapeHTML as \$\$factBoxesHtml \} from "astro\/runtime\/server\/index\.js";/g;

describe('boxes in MDX pages on Sätteri', () => {
  test('should write static parts as expressions of one imported unescapeHTML, and keep JSX and expressions in the body live', async () => {
    const code = await compile(
      'import Speaker from "./speaker.astro";\n\n:::claim[Militia *vows* to act]{by="Ashab al-Kahf" date=2023-11-05}\nWe will act at {10 + 20} past, says <Speaker name="x" />.\n\nContext here.\n:::\n\n:::actor[Kataib Hezbollah]{type=militia}\nA militia.\n:::\n',
    );
    expect(code.match(IMPORT)).toHaveLength(1);
    expect(code).toMatch(/\$\$factBoxesHtml\("<section class=\\"fact-box fact-box--claim\\" id=\\"militia-vows-to-act\\"/);
    expect(code).toMatch(/\$\$factBoxesHtml\("<\/div><\/section>"\)|<\/section>"\)/);
    expect(code).toContain('10 + 20');
    expect(code).toMatch(/_jsx\(Speaker/);
    expect(code).toMatch(/_jsx\(_components\.em, \{ children: "vows" \}\)/);
    // No element per part, and no named Fragment the page must be given.
    expect(code).not.toContain('set:html');
    expect(code).not.toMatch(/_components\.Fragment|_missingMdxReference\("Fragment"/);
  });

  test('should write a box of plain words as one expression, with no fragment around it', async () => {
    const code = await compile('Intro.\n\n:::casualties[Toll]{source=AP}\n::group[First strike]{killed=3}\n:::\n');
    const [call] = code.match(/\$\$factBoxesHtml\(".*?"\)/g) ?? [];
    expect(call).toMatch(/^\$\$factBoxesHtml\("<section .*>Toll<\/h2>.*>First strike<.*<\/section>"\)$/);
    expect(code.match(/\$\$factBoxesHtml\(/g)).toHaveLength(1);
    expect(code.match(/_jsxs?\(_Fragment/g)).toHaveLength(1); // the page's own
  });

  test('should add no import to a page without boxes, prose with colons included', async () => {
    const code = await compile('At 10:30, the match ended 3:1 at re:Invent.\n');
    expect(code).not.toContain('factBoxesHtml');
    // The prose is kept (restored from the directive Sätteri read in it).
    expect(code).toContain(':Invent');
  });
});
