/**
 * What `factBoxes()` does to an Astro config, without building: the plugins it
 * adds to the unified processor and where, the stylesheet, and the message
 * for a processor it cannot run on.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import remarkDirective from 'remark-directive';
import { describe, expect, test, vi } from 'vitest';
import { z } from 'zod';
import { defineFactBox } from 'fact-boxes';
import factBoxes from 'fact-boxes/astro';
import { remarkRestoreDirectives } from 'fact-boxes/remark';
import { FactBoxesError } from '../../packages/fact-boxes/src/engine/errors.js';
import { throwFileErrors, type Pending } from '../../packages/fact-boxes/src/astro/errors.js';
import { readStoreFile, STORE_FILE } from '../../packages/fact-boxes/src/astro/cache.js';
import { asCalled, type TransformHook } from './vite-hook.js';

type Setup = (options: Record<string, unknown>) => void;

/** Astro's cache folder for these setups: the integration keeps its records and failed files there. */
const CACHE = mkdtempSync(join(tmpdir(), 'fact-boxes-integration-'));
const cacheDir = pathToFileURL(`${CACHE}/`);

function setUp(processor: { name: string; options: Record<string, unknown> }, options: Parameters<typeof factBoxes>[0] = {}, command = 'build') {
  const injectScript = vi.fn();
  const updateConfig = vi.fn();
  const integration = factBoxes(options);
  const setup = integration.hooks['astro:config:setup'] as unknown as Setup;
  setup({
    config: { markdown: { processor }, cacheDir, root: new URL('file:///nonexistent/'), srcDir: new URL('file:///nonexistent/src/') },
    command,
    injectScript,
    updateConfig,
    logger: { info: vi.fn(), warn: vi.fn(), error: vi.fn() },
  });
  const done = (config: { adapter?: unknown } = {}) => (integration.hooks['astro:config:done'] as unknown as (options: { config: object }) => void)({ config });
  return { injectScript, updateConfig, done, integration, plugins: processor.options.remarkPlugins as unknown[] };
}

/** The Vite plugins the integration added through updateConfig, each `transform` as the bundler calls it (its filter first). */
function vitePlugins(updateConfig: ReturnType<typeof vi.fn>): { name: string; transform: (this: object, code: string, id: string) => { code: string } | undefined; hook: TransformHook<{ code: string } | undefined> }[] {
  const added = updateConfig.mock.calls.flatMap(([config]) => (config as { vite?: { plugins?: { name: string; transform: TransformHook<{ code: string } | undefined> }[] } }).vite?.plugins ?? []);
  return added.map((plugin) => ({ name: plugin.name, transform: asCalled(plugin.transform), hook: plugin.transform }));
}

const unified = (remarkPlugins: unknown[] = []) => ({ name: 'unified', options: { remarkPlugins, rehypePlugins: [] } });
const pluginOf = (entry: unknown) => (Array.isArray(entry) ? entry[0] : entry);

describe('astro integration', () => {
  test('should show Astro, in its config as JSON, what the boxes are rendered with', () => {
    // Astro renders cached collection entries again only when its config, compared as JSON, changes.
    const json = (options: Parameters<typeof factBoxes>[0]) => JSON.stringify(setUp(unified(), options).plugins);
    const vote = (results: [string, ...string[]]) =>
      defineFactBox({ name: 'vote', attributes: z.object({ result: z.enum(results) }), render: ({ attributes, h }) => h('p', {}, String(attributes.result)) });
    expect(json({ headingLevel: 3 })).toBe(json({ headingLevel: 3 }));
    expect(json({ headingLevel: 3 })).not.toBe(json({ headingLevel: 2 }));
    expect(json({ boxes: [vote(['won', 'lost'])] })).toBe(json({ boxes: [vote(['won', 'lost'])] }));
    expect(json({ boxes: [vote(['won', 'lost'])] })).not.toBe(json({ boxes: [vote(['won', 'lost', 'tied'])] }));
    expect(json({ entityUrl: (id) => `/who/${id}/` })).not.toBe(json({ entityUrl: (id) => `/actors/${id}/` }));
    // The Sätteri entry is a function, which JSON would drop: it shows the same digest.
    const satteri = { name: 'satteri', options: {} as { mdastPlugins?: unknown[] } };
    setUp(satteri as never, { headingLevel: 3 });
    expect(JSON.stringify(satteri.options.mdastPlugins)).toMatch(/^\[\{"fact-boxes":"[0-9a-f]{16}","records":"[a-z ]+"\}\]$/);
    // Where the records of an entry go depends on the adapter, which Astro leaves out of its own digest.
    const withAdapter = (adapter: unknown) => {
      const processor = unified();
      setUp(processor).done(adapter ? { adapter } : {});
      return JSON.stringify(processor.options.remarkPlugins);
    };
    expect(withAdapter(undefined)).toBe(withAdapter(undefined));
    expect(withAdapter(undefined)).not.toBe(withAdapter({ name: 'some-adapter' }));
  });

  test('should add remark-directive, the fact-boxes plugin, and the restoration last', () => {
    const { plugins } = setUp(unified());
    expect(plugins).toHaveLength(3);
    expect(plugins[0]).toBe(remarkDirective);
    expect(typeof pluginOf(plugins[1])).toBe('function');
    expect(plugins[2]).toBe(remarkRestoreDirectives);
  });

  test('should not add remark-directive twice', () => {
    const { plugins } = setUp(unified([[remarkDirective, {}]]));
    expect(plugins.filter((entry) => pluginOf(entry) === remarkDirective)).toHaveLength(1);
  });

  test('should keep the site’s own remark plugins first', () => {
    const own = () => () => {};
    const { plugins } = setUp(unified([own]));
    expect(plugins[0]).toBe(own);
    expect(plugins.at(-1)).toBe(remarkRestoreDirectives);
  });

  test('should pass the options on, without restoration, and with development on under astro dev', () => {
    const { plugins } = setUp(unified(), { onInvalid: 'warn', headingLevel: 3 }, 'dev');
    const settings = (plugins[1] as [unknown, { options: Record<string, unknown> }])[1];
    expect(settings.options).toMatchObject({ onInvalid: 'warn', headingLevel: 3, development: true });
    const built = setUp(unified(), {}, 'build').plugins[1] as [unknown, { options: Record<string, unknown> }];
    expect(built[1].options.development).toBe(false);
  });

  test('should add the stylesheet to every page unless injectStyles is false, without page-ssr scripts', () => {
    const { injectScript, updateConfig } = setUp(unified());
    // Astro's page-ssr scripts rebuild a full source map of every page: bench/profile.md.
    expect(injectScript).not.toHaveBeenCalled();
    const plugin = vitePlugins(updateConfig).find((added) => added.name === 'fact-boxes:styles');
    expect(plugin?.name).toBe('fact-boxes:styles');
    const server = { environment: { name: 'prerender' } };
    expect(plugin!.transform.call(server, 'export default 1;', '/nonexistent/src/pages/a/b.mdx')?.code).toBe("export default 1;\nimport \"fact-boxes/styles.css\";\n");
    expect(plugin!.transform.call(server, 'x', '/nonexistent/src/pages/index.astro')).toBeDefined();
    expect(plugin!.transform.call(server, 'x', '/nonexistent/src/components/Box.astro')).toBeUndefined();
    expect(plugin!.transform.call(server, 'x', '/nonexistent/src/pages/index.astro?astro&type=style&index=0&lang.css')).toBeUndefined();
    expect(plugin!.transform.call({ environment: { name: 'client' } }, 'x', '/nonexistent/src/pages/index.astro')).toBeUndefined();
    // Without it, only the plugin that throws a failing file's error, and the one that cuts the content store's literal.
    expect(vitePlugins(setUp(unified(), { injectStyles: false }).updateConfig).map((added) => added.name)).toEqual(['fact-boxes:errors', 'fact-boxes:content-store-in-pieces']);
  });

  test('should have the bundler hand its Vite plugins only the modules they act on', () => {
    // Without a filter on ids, the bundler hands every module's code to each hook. Each filter must let through
    // every id its handler acts on, and keep the rest away.
    const { updateConfig, integration } = setUp(unified());
    (integration.hooks['astro:routes:resolved'] as unknown as (options: { routes: unknown[] }) => void)({
      routes: [{ type: 'page', origin: 'external', entrypoint: '/nonexistent/node_modules/theme/page.astro' }],
    });
    const store = '\0astro:data-layer-content';
    const pages = [...['astro', 'md', 'mdx', 'markdown', 'mdown', 'mkd', 'mkdn', 'mdwn'].map((extension) => `/nonexistent/src/pages/news/a.${extension}`), '/nonexistent/node_modules/theme/page.astro'];
    const entry = '/nonexistent/src/content/notes/a.md?astroContentCollectionEntry=true';
    const others = [
      '/nonexistent/src/pages/index.astro?astro&type=style&index=0&lang.css',
      '/nonexistent/src/components/Box.astro',
      '/nonexistent/src/pages/feed.xml.ts',
      '/nonexistent/node_modules/astro/dist/runtime/server/index.js',
      '/nonexistent/node_modules/fact-boxes/styles.css',
      '\0virtual:astro:page:src/pages/index@_@astro',
    ];
    const ids = [...pages, entry, ...others, store];
    // The errors' hook acts on a file that failed. The integration's own has none: in its place, the same plugin
    // (the same filter) for a build where every one of these files failed.
    const failed: Pending = { errors: new Map(ids.map((id) => [id.split('?')[0]!, new FactBoxesError([{ ruleId: 'x', reason: 'x' }])])) };
    const hookOf = (name: string) => {
      const plugin = vitePlugins(updateConfig).find((added) => added.name === name);
      if (!plugin) throw new Error(`no Vite plugin ${name}`);
      return plugin.hook;
    };
    const [styles, contentStore, errors] = [hookOf('fact-boxes:styles'), hookOf('fact-boxes:content-store-in-pieces'), throwFileErrors(failed, 'build').transform];
    const json = `export default JSON.parse(${JSON.stringify(JSON.stringify({ html: 'x'.repeat((1 << 20) + 10) }))})`;
    const actsOn = (hook: TransformHook<unknown>, id: string) => {
      try {
        return hook.handler.call({ environment: { name: 'prerender' } }, id === store ? json : 'export default 1;', id) !== undefined;
      } catch {
        return true;
      }
    };
    const passes = (hook: TransformHook<unknown>) => ids.filter((id) => hook.filter.id.test(id));
    expect(ids.filter((id) => actsOn(styles, id))).toEqual(pages);
    // Which .astro files are pages is known only when routes are resolved: the filter lets every one through.
    expect(passes(styles)).toEqual([...pages, '/nonexistent/src/components/Box.astro']);
    expect(ids.filter((id) => actsOn(contentStore, id))).toEqual([store]);
    expect(passes(contentStore)).toEqual([store]);
    const markdown = [...pages.filter((id) => !id.endsWith('.astro')), entry];
    expect(ids.filter((id) => actsOn(errors, id))).toEqual(markdown);
    expect(passes(errors)).toEqual(markdown);
  });

  test('should add the stylesheet to pages that integrations inject (Starlight’s), once routes are resolved', () => {
    const { updateConfig, integration } = setUp(unified());
    const plugin = vitePlugins(updateConfig).find((added) => added.name === 'fact-boxes:styles');
    const server = { environment: { name: 'prerender' } };
    const route = '/nonexistent/node_modules/@astrojs/starlight/routes/static/index.astro';
    expect(plugin!.transform.call(server, 'x', route)).toBeUndefined();
    const resolved = integration.hooks['astro:routes:resolved'] as unknown as (options: { routes: unknown[] }) => void;
    resolved({
      routes: [
        { type: 'page', origin: 'external', entrypoint: route },
        { type: 'endpoint', origin: 'external', entrypoint: '/nonexistent/node_modules/x/feed.ts' },
        { type: 'page', origin: 'project', entrypoint: 'src/pages/index.astro' },
      ],
    });
    expect(plugin!.transform.call(server, 'x', route)?.code).toContain('fact-boxes/styles.css');
  });

  test('should import the stylesheet from an MDX page’s own module on Sätteri, so the Vite plugin hands back no page', async () => {
    const { mdxToJs } = await import('satteri');
    const processor = { name: 'satteri', options: {} as { mdastPlugins?: unknown[] } };
    const { updateConfig } = setUp(processor as never);
    const plugin = vitePlugins(updateConfig).find((added) => added.name === 'fact-boxes:styles')!;
    const server = { environment: { name: 'prerender' } };
    const compile = (path: string, source: string) =>
      mdxToJs(source, { features: { directive: true }, mdastPlugins: processor.options.mdastPlugins as never, data: { astro: { frontmatter: {} } }, fileURL: new URL(`file://${path}`), jsxImportSource: 'astro' }).code;
    const box = ':::claim[A claim]{by="Someone" status=unverified}\nWe said so.\n:::\n';
    const imports = (code: string) => code.match(/^import "fact-boxes\/styles\.css";$/gm)?.length ?? 0;

    // A page with a box: the import is in the compiled module, and the Vite plugin leaves the page alone.
    const page = '/nonexistent/src/pages/news/a.mdx';
    const code = compile(page, `# News\n\nAt 10:30 the figures came.\n\n${box}`);
    expect(imports(code)).toBe(1);
    expect(plugin.transform.call(server, code, page)).toBeUndefined();
    // A page the plugin does not run on (no directive can be in it) gets the import from the Vite plugin.
    const plain = '/nonexistent/src/pages/news/b.mdx';
    const plainCode = compile(plain, '# News\n\nNothing to box here.\n');
    expect(imports(plainCode)).toBe(0);
    expect(imports(plugin.transform.call(server, plainCode, plain)!.code)).toBe(1);
    // The same file again without its box: no longer taken for one with the import.
    expect(imports(compile(page, '# News\n\nNothing to box here.\n'))).toBe(0);
    expect(plugin.transform.call(server, 'x', page)?.code).toContain('fact-boxes/styles.css');
    // An MDX file that is not a page (a collection entry, a component) gets no import at all.
    expect(imports(compile('/nonexistent/src/content/news/c.mdx', box))).toBe(0);
    // Without injectStyles, neither.
    const bare = { name: 'satteri', options: {} as { mdastPlugins?: unknown[] } };
    setUp(bare as never, { injectStyles: false });
    const bareCode = mdxToJs(box, { features: { directive: true }, mdastPlugins: bare.options.mdastPlugins as never, data: { astro: { frontmatter: {} } }, fileURL: new URL(`file://${page}`), jsxImportSource: 'astro' }).code;
    expect(imports(bareCode)).toBe(0);
  });

  test('should import the stylesheet from an MDX page’s own module on unified too, so the Vite plugin hands back no page', async () => {
    const { compile } = await import('@mdx-js/mdx');
    const processor = unified();
    const { updateConfig } = setUp(processor);
    const plugin = vitePlugins(updateConfig).find((added) => added.name === 'fact-boxes:styles')!;
    const server = { environment: { name: 'prerender' } };
    const build = async (path: string, source: string) => String(await compile({ path, value: source }, { remarkPlugins: processor.options.remarkPlugins as never, jsxImportSource: 'astro' }));
    const box = ':::claim[A claim]{by="Someone" status=unverified}\nWe said so.\n:::\n';
    const imports = (code: string) => code.match(/^import "fact-boxes\/styles\.css";$/gm)?.length ?? 0;

    const page = '/nonexistent/src/pages/news/a.mdx';
    const code = await build(page, `# News\n\nAt 10:30 the figures came.\n\n${box}`);
    expect(imports(code)).toBe(1);
    expect(code).toContain('fact-box__quote');
    expect(plugin.transform.call(server, code, page)).toBeUndefined();
    // A page without boxes has it too (the remark plugin runs on every document), once.
    expect(imports(await build('/nonexistent/src/pages/news/b.mdx', '# News\n\nNothing to box here.\n'))).toBe(1);
    expect(plugin.transform.call(server, 'x', '/nonexistent/src/pages/news/b.mdx')).toBeUndefined();
    // An MDX file that is not a page (a collection entry, a component) gets no import at all, and a Markdown page gets it from the Vite plugin.
    expect(imports(await build('/nonexistent/src/content/news/c.mdx', box))).toBe(0);
    expect(plugin.transform.call(server, 'x', '/nonexistent/src/pages/news/d.md')?.code).toContain('fact-boxes/styles.css');
    // Without injectStyles, none.
    const bare = unified();
    setUp(bare, { injectStyles: false });
    expect(imports(String(await compile({ path: page, value: box }, { remarkPlugins: bare.options.remarkPlugins as never, jsxImportSource: 'astro' })))).toBe(0);
  });

  test('should read injected routes given relative to the root, as Astro gives them', () => {
    const root = new URL('../../', import.meta.url);
    const updateConfig = vi.fn();
    const integration = factBoxes();
    (integration.hooks['astro:config:setup'] as unknown as Setup)({
      config: { markdown: { processor: unified() }, cacheDir, root, srcDir: new URL('site/', root) },
      command: 'build',
      injectScript: vi.fn(),
      updateConfig,
      logger: { info: vi.fn(), warn: vi.fn(), error: vi.fn() },
    });
    (integration.hooks['astro:routes:resolved'] as unknown as (options: { routes: unknown[] }) => void)({
      routes: [{ type: 'page', origin: 'external', entrypoint: 'node_modules/astro/components/Code.astro' }],
    });
    const plugin = vitePlugins(updateConfig).find((added) => added.name === 'fact-boxes:styles');
    const id = fileURLToPath(new URL('node_modules/astro/components/Code.astro', root));
    expect(plugin!.transform.call({ environment: { name: 'ssr' } }, 'x', id)?.code).toContain('fact-boxes/styles.css');
  });

  test('should run before Starlight’s directive restoration, whichever integration comes first (Sätteri)', () => {
    const asides = { name: 'starlight-asides' };
    const restoration = { name: 'starlight-directives-restoration' };
    // factBoxes() after starlight(): Starlight's plugins are there already.
    const after = { name: 'satteri', options: { mdastPlugins: [asides, restoration] as unknown[], features: {} } };
    setUp(after);
    expect(after.options.mdastPlugins[0]).toBe(asides);
    expect(typeof after.options.mdastPlugins[1]).toBe('function');
    expect(after.options.mdastPlugins[2]).toBe(restoration);
    // factBoxes() before starlight(): Starlight adds its plugins later; config:done puts ours back before the restoration.
    const before = { name: 'satteri', options: { mdastPlugins: [] as unknown[], features: {} } };
    const { done } = setUp(before);
    before.options.mdastPlugins.push(asides, restoration);
    done();
    expect(before.options.mdastPlugins.map((entry) => (typeof entry === 'function' ? 'fact-boxes' : (entry as { name: string }).name))).toEqual(['starlight-asides', 'fact-boxes', 'starlight-directives-restoration']);
  });

  test('should run before a remark directive restoration, whichever integration comes first (unified)', () => {
    function remarkDirectivesRestoration() {}
    const { plugins, done } = setUp(unified());
    plugins.push(remarkDirectivesRestoration);
    done();
    expect(plugins.at(-1)).toBe(remarkDirectivesRestoration);
    expect(plugins.at(-2)).toBe(remarkRestoreDirectives);
  });

  test('should add the Sätteri adapter and switch on the directive feature on Astro’s default processor', () => {
    const processor = { name: 'satteri', options: { mdastPlugins: [] as unknown[], features: {} as Record<string, unknown> } };
    setUp(processor);
    expect(processor.options.features.directive).toBe(true);
    expect(processor.options.mdastPlugins).toHaveLength(1);
    expect(typeof processor.options.mdastPlugins[0]).toBe('function');
  });

  test('should keep the site’s own Sätteri plugins and features', () => {
    const own = { name: 'own' };
    const processor = { name: 'satteri', options: { mdastPlugins: [own] as unknown[], features: { math: true } as Record<string, unknown> } };
    setUp(processor);
    expect(processor.options.mdastPlugins[0]).toBe(own);
    expect(processor.options.features).toEqual({ math: true, directive: true });
  });

  test('should add remark plugins through markdown.remarkPlugins on Astro 6, which has no processor', () => {
    const updateConfig = vi.fn();
    const integration = factBoxes();
    const setup = integration.hooks['astro:config:setup'] as unknown as Setup;
    setup({
      config: { markdown: { remarkPlugins: [] }, cacheDir, root: new URL('file:///nonexistent/'), srcDir: new URL('file:///nonexistent/src/') },
      command: 'build',
      injectScript: vi.fn(),
      updateConfig,
      logger: { info: vi.fn(), warn: vi.fn(), error: vi.fn() },
    });
    const plugins = (updateConfig.mock.calls[0]?.[0] as { markdown: { remarkPlugins: unknown[] } }).markdown.remarkPlugins;
    expect(pluginOf(plugins[0])).toBe(remarkDirective);
    expect(typeof pluginOf(plugins[1])).toBe('function');
    expect(plugins[2]).toBe(remarkRestoreDirectives);
  });

  test('should put the records on the frontmatter as one JSON string (the default for a file Sätteri is given no path of), as an array, or not at all', async () => {
    const { markdownToHtml } = await import('satteri');
    const { readFactBoxes } = await import('fact-boxes');
    const source = ':::claim[Vow]{by="Ashab al-Kahf"}\nWe will act.\n:::\n';
    const frontmatterWith = (records: 'objects' | 'json' | false | undefined) => {
      const processor = { name: 'satteri', options: { mdastPlugins: [] as unknown[], features: {} as Record<string, unknown> } };
      setUp(processor, records === undefined ? {} : { records });
      const frontmatter: Record<string, unknown> = {};
      markdownToHtml(source, { features: { directive: true }, mdastPlugins: processor.options.mdastPlugins as never, data: { astro: { frontmatter } } });
      return frontmatter;
    };
    const objects = frontmatterWith('objects');
    expect(Array.isArray(objects.factBoxes)).toBe(true);
    const json = frontmatterWith(undefined);
    expect(typeof json.factBoxes).toBe('string');
    expect(frontmatterWith('json')).toEqual(json);
    expect(readFactBoxes(json)).toEqual(JSON.parse(JSON.stringify(objects.factBoxes)));
    expect(readFactBoxes(json)[0]).toMatchObject({ type: 'claim', id: 'vow', title: 'Vow' });
    expect('factBoxes' in frontmatterWith(false)).toBe(false);
    expect(readFactBoxes(frontmatterWith(false))).toEqual([]);
    expect(() => factBoxes({ records: 'yaml' as 'json' })).toThrow(/records must be "objects", "json", "store" or false/);
  });

  test('should by default put records as one JSON string where the frontmatter is compiled into a module, and as an array on content collection entries', async () => {
    const { markdownToHtml } = await import('satteri');
    const { unified: unifiedProcessor } = await import('unified');
    const { default: remarkParse } = await import('remark-parse');
    const { VFile } = await import('vfile');
    const source = ':::claim[Vow]{by="Ashab al-Kahf"}\nWe will act.\n:::\n';
    const page = '/nonexistent/src/pages/news/vow.md';
    const entry = '/nonexistent/src/content/articles/vow.md';
    const mdx = '/nonexistent/src/content/articles/vow.mdx';
    const satteriForm = (path: string, options: Parameters<typeof factBoxes>[0] = {}) => {
      const processor = { name: 'satteri', options: { mdastPlugins: [] as unknown[], features: {} as Record<string, unknown> } };
      setUp(processor, options);
      const frontmatter: Record<string, unknown> = {};
      markdownToHtml(source, { features: { directive: true }, mdastPlugins: processor.options.mdastPlugins as never, data: { astro: { frontmatter } }, fileURL: new URL(`file://${path}`) });
      return Array.isArray(frontmatter.factBoxes) ? 'array' : typeof frontmatter.factBoxes;
    };
    const unifiedForm = async (path: string) => {
      const processor = unified();
      setUp(processor);
      const pipeline = unifiedProcessor().use(remarkParse);
      for (const entry of processor.options.remarkPlugins as unknown[]) (pipeline.use as (...args: unknown[]) => unknown)(...(Array.isArray(entry) ? entry : [entry]));
      const file = new VFile({ path, value: source });
      await pipeline.run(pipeline.parse(file), file);
      const factBoxes = (file.data as { astro?: { frontmatter?: { factBoxes?: unknown } } }).astro?.frontmatter?.factBoxes;
      return Array.isArray(factBoxes) ? 'array' : typeof factBoxes;
    };
    expect([satteriForm(page), satteriForm(entry), satteriForm(mdx)]).toEqual(['string', 'array', 'string']);
    expect([await unifiedForm(page), await unifiedForm(entry), await unifiedForm(mdx)]).toEqual(['string', 'array', 'string']);
    // Chosen once for every file when the option is given.
    expect([satteriForm(page, { records: 'objects' }), satteriForm(entry, { records: 'json' })]).toEqual(['array', 'string']);
  });

  test('should keep every file’s records in the build’s store, on disk too, when every page renders in this process, and put them on the frontmatter with an adapter', async () => {
    const { markdownToHtml } = await import('satteri');
    const { unified: unifiedProcessor } = await import('unified');
    const { default: remarkParse } = await import('remark-parse');
    const { VFile } = await import('vfile');
    const { readFactBoxes } = await import('fact-boxes');
    const { getFactBoxes } = await import('fact-boxes/astro/records');
    const source = ':::claim[Pledge]{by="Ashab al-Kahf"}\nWe will act.\n:::\n';
    const page = '/nonexistent/src/pages/news/pledge.mdx';
    const entry = '/nonexistent/src/content/articles/pledge.md';
    const satteriFrontmatter = (path: string, config: { adapter?: unknown }, text = source) => {
      const processor = { name: 'satteri', options: { mdastPlugins: [] as unknown[], features: {} as Record<string, unknown> } };
      setUp(processor).done(config);
      const frontmatter: Record<string, unknown> = {};
      markdownToHtml(text, { features: { directive: true }, mdastPlugins: processor.options.mdastPlugins as never, data: { astro: { frontmatter } }, fileURL: new URL(`file://${path}`) });
      return frontmatter;
    };
    const unifiedFrontmatter = async (path: string, config: { adapter?: unknown }) => {
      const processor = unified();
      setUp(processor).done(config);
      const pipeline = unifiedProcessor().use(remarkParse);
      for (const plugin of processor.options.remarkPlugins as unknown[]) (pipeline.use as (...args: unknown[]) => unknown)(...(Array.isArray(plugin) ? plugin : [plugin]));
      const file = new VFile({ path, value: source });
      await pipeline.run(pipeline.parse(file), file);
      return (file.data as { astro: { frontmatter: Record<string, unknown> } }).astro.frontmatter;
    };
    for (const frontmatter of [satteriFrontmatter(page, {}), await unifiedFrontmatter(page, {})]) {
      // The page's place in the store, which holds its records: a few bytes in the page's module instead of them.
      expect(frontmatter.factBoxes).toEqual({ file: 'src/pages/news/pledge.mdx' });
      expect(readFactBoxes(frontmatter)).toEqual(getFactBoxes('src/pages/news/pledge.mdx'));
      expect(readFactBoxes(frontmatter)[0]).toMatchObject({ type: 'claim', id: 'pledge', title: 'Pledge', attributes: { by: 'Ashab al-Kahf' } });
      // Each read is new objects: a layout that changes them changes nothing for the next reader.
      expect(readFactBoxes(frontmatter)[0]).not.toBe(readFactBoxes(frontmatter)[0]);
    }
    // With an adapter a page may render in another process (a server, the adapter's runtime): the records go with it.
    const withAdapter = satteriFrontmatter(page, { adapter: { name: 'some-adapter' } });
    expect(typeof withAdapter.factBoxes).toBe('string');
    expect(typeof (await unifiedFrontmatter(page, { adapter: { name: 'some-adapter' } })).factBoxes).toBe('string');
    expect(readFactBoxes(withAdapter)).toEqual(readFactBoxes(satteriFrontmatter(page, {})));
    // Content collection entries too: the content layer keeps every entry, and the records would weigh on it.
    for (const frontmatter of [satteriFrontmatter(entry, {}), await unifiedFrontmatter(entry, {})]) {
      expect(frontmatter.factBoxes).toEqual({ file: 'src/content/articles/pledge.md' });
      expect(readFactBoxes(frontmatter)[0]).toMatchObject({ type: 'claim', id: 'pledge' });
    }
    // The next build takes unchanged entries from Astro's cache, places and all: the store is on disk a moment after it changes.
    const saved = join(CACHE, STORE_FILE);
    const pagesOnDisk = () => (existsSync(saved) ? readStoreFile(readFileSync(saved))?.pages : undefined);
    const onDisk = (): Record<string, { id: string }[] | undefined> => Object.fromEntries([...(pagesOnDisk() ?? [])].map(([file, json]) => [file, JSON.parse(json) as { id: string }[]]));
    await vi.waitFor(() => expect(onDisk()['src/content/articles/pledge.md']?.map((record) => record.id)).toEqual(['pledge']), { timeout: 2000, interval: 20 });
    expect(onDisk()['src/pages/news/pledge.mdx']?.map((record) => record.id)).toEqual(['pledge']);
    // With an adapter, an array on the entry, which the content layer keeps and an on-demand page reads.
    expect(Array.isArray(satteriFrontmatter(entry, { adapter: { name: 'some-adapter' } }).factBoxes)).toBe(true);
    expect(Array.isArray((await unifiedFrontmatter(entry, { adapter: { name: 'some-adapter' } })).factBoxes)).toBe(true);
    // A page without boxes has nothing to keep: an empty list, readable anywhere.
    expect(satteriFrontmatter('/nonexistent/src/pages/news/plain.mdx', {}, 'No boxes, at 10:30.\n').factBoxes).toBe('[]');
    // Read where the build's store is not (a server without it, a browser): a clear error, not an empty list.
    expect(() => readFactBoxes({ factBoxes: { file: 'src/pages/never-built.mdx' } })).toThrow(
      /the records of src\/pages\/never-built\.mdx are kept by the Astro build that compiled it.*set factBoxes\(\{ records: 'json' \}\)/,
    );
  });

  test('should keep in the store the records an earlier Sätteri plugin put on the page, with the integration’s own', async () => {
    const { markdownToHtml } = await import('satteri');
    const { readFactBoxes } = await import('fact-boxes');
    const { getFactBoxes } = await import('fact-boxes/astro/records');
    const { default: satteriFactBoxes } = await import('fact-boxes/satteri');
    // A site that also runs fact-boxes/satteri itself, before the integration's plugin: that one renders the claim.
    const earlier = satteriFactBoxes().mdastPlugins[0];
    const processor = { name: 'satteri', options: { mdastPlugins: [earlier] as unknown[], features: {} as Record<string, unknown> } };
    setUp(processor).done({});
    const frontmatter: Record<string, unknown> = {};
    const source = ':::claim[Earlier]{by="Ashab al-Kahf"}\nWe will act.\n:::\n\nAt 10:30, more.\n';
    const page = '/nonexistent/src/pages/news/earlier.mdx';
    markdownToHtml(source, { features: { directive: true }, mdastPlugins: processor.options.mdastPlugins as never, data: { astro: { frontmatter } }, fileURL: new URL(`file://${page}`) });
    expect(frontmatter.factBoxes).toEqual({ file: 'src/pages/news/earlier.mdx' });
    expect(readFactBoxes(frontmatter).map((record) => record.id)).toEqual(['earlier']);
    expect(getFactBoxes('src/pages/news/earlier.mdx').map((record) => record.id)).toEqual(['earlier']);
  });

  test('should give records and errors the file’s own lines when Sätteri parses a content collection entry’s body alone', async () => {
    const { markdownToHtml } = await import('satteri');
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { pathToFileURL } = await import('node:url');
    const body = 'At 10:30 the score was 3:1.\n\n:::claim[Vow]{by="Ashab al-Kahf"}\nWe will act, said re:Invent staff.\n:::\n\n:::casualties{killed=lots}\n:::\n';
    const file = join(mkdtempSync(join(tmpdir(), 'fact-boxes-')), 'entry.md');
    writeFileSync(file, `---\ntitle: Entry\nlang: en\n---\n${body}`);
    const processor = { name: 'satteri', options: { mdastPlugins: [] as unknown[], features: {} as Record<string, unknown> } };
    const { updateConfig } = setUp(processor, { records: 'objects' });
    const render = () => {
      const data: Record<string, unknown> = { astro: { frontmatter: {} } };
      const { html } = markdownToHtml(body, { features: { directive: true }, mdastPlugins: processor.options.mdastPlugins as never, data, fileURL: pathToFileURL(file) });
      return { html, data };
    };
    // The renderer does not throw (Astro would print the error again); the integration's Vite plugin does, once.
    const { data } = render();
    const errors = vitePlugins(updateConfig).find((plugin) => plugin.name === 'fact-boxes:errors')!;
    let error: (Error & { line?: number; column?: number; loc?: unknown }) | undefined;
    try {
      errors.transform.call({}, '', file);
    } catch (caught) {
      error = caught as typeof error;
    }
    expect(error?.message).toContain(`${file}:11:15: `);
    expect(error?.line).toBe(11);
    // astro build prints an error's loc again under "Location:": the build's error has none.
    expect(error?.loc).toBeUndefined();
    const records = data.factBoxes as { id: string; position: { start: { line: number; column: number; offset: number } } }[];
    expect(records[0]).toMatchObject({ id: 'vow', position: { start: { line: 7, column: 1, offset: body.indexOf(':::claim') } } });
    // A second render of the same text is shifted once, not twice: the shift never reaches Sätteri's own nodes.
    expect((render().data.factBoxes as typeof records)[0]!.position.start.line).toBe(7);
  });

  test('should refuse a Markdown processor it does not know', () => {
    expect(() => setUp({ name: 'other', options: {} })).toThrow(/processor "other" is not supported/);
  });

  test('should check its options when the config loads', () => {
    expect(() => factBoxes({ onInvalid: 'ignore' as 'warn' })).toThrow(/onInvalid must be "error" or "warn"/);
    expect(() => factBoxes({ injectStyles: 'no' as unknown as boolean })).toThrow(/injectStyles must be true or false/);
  });
});
