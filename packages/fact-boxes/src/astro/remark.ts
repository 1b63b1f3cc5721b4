/**
 * The remark plugin as Astro runs it (on unified() and on Astro 6), and the
 * list of remark plugins the integration adds.
 */
import type { Root, RootContent } from 'mdast';
import remarkDirective from 'remark-directive';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { createTransform } from '../adapters/remark-transform.js';
import { hasDirectiveSyntax } from '../adapters/directive-syntax.js';
import { remarkRestoreDirectives } from '../adapters/remark.js';
import type { FactBoxRecord } from '../boxes/define.js';
import { FactBoxesError, problemLine } from '../engine/errors.js';
import { shiftOf, shiftPositions } from '../engine/positions.js';
import { recordsForFrontmatter } from '../outputs/records.js';
import { forget, remember } from './errors.js';
import { keepHtmlOutOfModule } from './page-html.js';
import { type RemarkPluginEntry, isRemarkDirectiveEntry } from './plugins.js';
import { type AstroPluginSettings, leaveOut, recordsFormOf, resolveForAstro, storeKeyOf, storeRecords } from './settings.js';
import { STYLESHEET, STYLESHEET_IMPORT, pageImportingStyles } from './styles.js';

/** The frontmatter object Astro reads back, for pages (`frontmatter`) and collections (`remarkPluginFrontmatter`). */
function frontmatterOf(file: VFile): Record<string, unknown> {
  const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
  data.astro ??= {};
  data.astro.frontmatter ??= {};
  return data.astro.frontmatter;
}

/**
 * `import "<stylesheet>";` as MDX's own ESM, with the estree that @mdx-js/mdx
 * compiles it from (a new one for each page: the compiler may move its nodes).
 */
function stylesheetImport(): RootContent {
  const source = { type: 'Literal', value: STYLESHEET, raw: JSON.stringify(STYLESHEET) };
  const estree = { type: 'Program', sourceType: 'module', body: [{ type: 'ImportDeclaration', specifiers: [], attributes: [], source }] };
  return { type: 'mdxjsEsm', value: STYLESHEET_IMPORT, data: { estree } } as unknown as RootContent;
}

/**
 * The remark plugin as Astro runs it: positions corrected to file lines,
 * records on the frontmatter, errors remembered so a content collection entry
 * (whose render errors Astro only logs) still fails the build.
 */
function remarkAstroFactBoxes(this: Processor, settings: AstroPluginSettings) {
  if (!hasDirectiveSyntax(this)) this.use(remarkDirective);
  // A box's static parts go into MDX pages as `<Fragment set:html>`, which Astro's MDX compiles to one
  // string, instead of a `_jsx()` call per element; into Markdown pages as HTML, where it is kept.
  const resolved = resolveForAstro(settings);
  const forMdx = createTransform({ ...resolved, staticHtml: 'fragment' }, false);
  const forMarkdown = createTransform(settings.rawHtml ? { ...resolved, staticHtml: 'raw' } : resolved, false);
  const transform = (tree: Root, file: VFile) => (file.extname === '.mdx' ? forMdx : forMarkdown)(tree, file);
  const { pending } = settings;
  return function transformForAstro(tree: Root, file: VFile): void {
    const path = file.path || undefined;
    // An MDX page imports the stylesheet from its own module, as on Sätteri (see PageFiles.styled).
    const styledPage = pageImportingStyles(settings.styles, path, file.extname === '.mdx');
    const shift = typeof file.value === 'string' ? shiftOf(file.path, file.value) : undefined;
    if (shift) shiftPositions(tree, shift);
    const key = path ?? '<unknown file>';
    try {
      transform(tree, file);
      forget(pending, key);
    } catch (error) {
      remember(pending, key, error);
      // Ours is thrown by the integration itself (see Pending); anything else is the host's to report.
      if (!(error instanceof FactBoxesError)) throw error;
    }
    for (const message of file.messages) {
      if (message.source !== 'fact-boxes' || message.fatal) continue;
      settings.warn(problemLine({ ruleId: message.ruleId ?? '', reason: message.reason, ...(message.place ? { place: message.place } : {}) }, path));
    }
    const stored = storeKeyOf(settings, path);
    const value = recordsForFrontmatter((file.data.factBoxes ?? []) satisfies FactBoxRecord[], recordsFormOf(settings, path), stored);
    storeRecords(settings, stored, file.data.factBoxes ?? []);
    if (value !== undefined) frontmatterOf(file).factBoxes = value;
    // Where every page renders in this process, the static HTML of an MDX page's boxes stays out of its module.
    if (settings.rendersHere && file.extname === '.mdx' && !pending.errors.has(key)) keepHtmlOutOfModule(tree, settings.recompiles ? path : undefined);
    if (styledPage !== undefined) {
      tree.children.push(stylesheetImport());
      settings.styles?.styled?.add(styledPage);
    }
  };
}

/**
 * The remark plugin of the renderers without the directive syntax (astro/renderers.ts): each document as
 * one without boxes (an empty list of records, a failure it had over).
 */
function remarkAstroLeftOut(settings: AstroPluginSettings) {
  return function leaveOutFile(_tree: Root, file: VFile): void {
    leaveOut(settings, file.path || undefined, frontmatterOf(file));
  };
}

/** The entry of `remarkAstroLeftOut` for a renderer's list. */
export function remarkLeftOutFor(settings: AstroPluginSettings): RemarkPluginEntry {
  return [remarkAstroLeftOut, settings] as RemarkPluginEntry;
}

/** The remark plugins to add after `existing`: remark-directive when missing, fact-boxes, and the restoration last. */
export function remarkPluginsFor(existing: readonly RemarkPluginEntry[], settings: AstroPluginSettings): RemarkPluginEntry[] {
  return [
    ...(existing.some(isRemarkDirectiveEntry) ? [] : [remarkDirective]),
    [remarkAstroFactBoxes, settings],
    // Last, so directive plugins added before it (by the site or other integrations) get their turn first.
    remarkRestoreDirectives,
  ];
}
