/**
 * A remark pipeline's reading of a document without directive syntax: its
 * own micromark and mdast extensions (GFM, MDX, frontmatter…) less
 * remark-directive's, for blocks where a directive took the markup around it
 * (engine/restore.ts).
 */
import type { Root } from 'mdast';
import { fromMarkdown, type Extension as MdastExtension, type Options } from 'mdast-util-from-markdown';
import type { Processor } from 'unified';
import type { PlainReading } from '../engine/restore.js';
import { isDirectiveExtension } from './directive-syntax.js';

type MicromarkExtension = NonNullable<Options['extensions']>[number];
type Listed<T> = Array<T | Listed<T>>;

/** The list without remark-directive's syntax, at any depth. */
function withoutDirectives(list: Listed<MicromarkExtension>): Listed<MicromarkExtension> {
  const kept: Listed<MicromarkExtension> = [];
  for (const item of list) {
    if (Array.isArray(item)) kept.push(withoutDirectives(item));
    else if (!isDirectiveExtension(item)) kept.push(item);
  }
  return kept;
}

/** Whether a syntax reads `{…}` as an expression (MDX), at any depth. */
function readsExpressions(list: Listed<MicromarkExtension>): boolean {
  return list.some((item) => (Array.isArray(item) ? readsExpressions(item) : Boolean(item.text?.[123] ?? item.flow?.[123])));
}

/** Whether a syntax links bare addresses (GFM's autolink literals), at any depth. */
function readsAddresses(list: Listed<MicromarkExtension>): boolean {
  return list.some((item) => {
    if (Array.isArray(item)) return readsAddresses(item);
    return Object.values(item.text ?? {}).some((constructs) => (Array.isArray(constructs) ? constructs : [constructs]).some((construct) => /Autolink/.test((construct as { tokenize?: { name?: string } } | undefined)?.tokenize?.name ?? '')));
  });
}

/**
 * Plugins that rewrite the words a parser leaves, without changing the tree: Astro runs remark-smartypants
 * before any plugin of the site's, so a block read again after it must have its quotes and dashes made too.
 * Running one again on words it made already changes nothing.
 */
const TEXT_PLUGINS = new Set(['remarkSmartypants']);

/**
 * What remark-smartypants can change in words, under any of its options: straight quotes and backticks, `--`, a
 * dash before a hyphen, dots (`...`, `. . .`). A tree whose words hold none of these it leaves as it is, so a
 * block read again is not handed to it: on unified each call costs about half a millisecond (bench/profile.md).
 */
const SMART_WORDS = /["'`]|--|[\u2013\u2014]-|\.\s*\./;

/** Whether any text in a tree holds what smart punctuation changes. */
function holdsSmartWords(node: { type: string; value?: unknown; children?: unknown }): boolean {
  if (node.type === 'text') return typeof node.value === 'string' && SMART_WORDS.test(node.value);
  return Array.isArray(node.children) && (node.children as Array<typeof node>).some(holdsSmartWords);
}

type Transform = (tree: Root) => void;

/** Each processor's text transforms, made once: a reading is made for each document. */
const transformsOf = new WeakMap<Processor, Transform[]>();

/** The transforms of `processor`'s text plugins, with their options. */
function textTransforms(processor: Processor): Transform[] {
  let transforms = transformsOf.get(processor);
  if (transforms) return transforms;
  transforms = [];
  const attachers = (processor as unknown as { attachers: Array<[(...options: unknown[]) => unknown, ...unknown[]]> }).attachers ?? [];
  for (const [plugin, ...options] of attachers) {
    if (!TEXT_PLUGINS.has(plugin.name)) continue;
    const transform = plugin.call(processor, ...options);
    if (typeof transform === 'function') transforms.push(transform as Transform);
  }
  transformsOf.set(processor, transforms);
  return transforms;
}

/**
 * How `processor` reads a text without directives. Its data is read when a
 * directive is first restored, not for every document, so plugins attached
 * after this one count.
 *
 * @example
 *   restoreUnhandledDirectives(tree, source, plainReading(this))
 */
export function plainReading(processor: Processor): PlainReading {
  let syntax: { extensions: Listed<MicromarkExtension>; expressions: boolean; addresses: boolean; transforms: Transform[] } | undefined;
  const read = () => {
    if (syntax) return syntax;
    const data = processor.data() as { micromarkExtensions?: Listed<MicromarkExtension> };
    const extensions = withoutDirectives(data.micromarkExtensions ?? []);
    return (syntax = { extensions, expressions: readsExpressions(extensions), addresses: readsAddresses(extensions), transforms: textTransforms(processor) });
  };
  return {
    get expressions() {
      return read().expressions;
    },
    get addresses() {
      return read().addresses;
    },
    get punctuation() {
      return read().transforms.length > 0;
    },
    parse(text): Root | undefined {
      const data = processor.data() as { fromMarkdownExtensions?: Listed<MdastExtension> };
      try {
        const tree = fromMarkdown(text, { extensions: read().extensions as MicromarkExtension[], mdastExtensions: (data.fromMarkdownExtensions ?? []) as MdastExtension[] });
        const { transforms } = read();
        if (transforms.length > 0 && holdsSmartWords(tree)) for (const transform of transforms) transform(tree);
        return tree;
      } catch {
        // What reads with directives may not without (MDX that needs them): the directives stay text.
        return undefined;
      }
    },
  };
}
