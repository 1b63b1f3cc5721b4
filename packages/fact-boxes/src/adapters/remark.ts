/**
 * The remark (unified) adapter: `unified().use(remarkParse).use(remarkDirective).use(remarkFactBoxes, options)`.
 */
import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import type { FactBoxRecord } from '../boxes/define.js';
import { resolveOptions, type FactBoxesOptions } from '../engine/options.js';
import { parsedSource, restoreUnhandledDirectives } from '../engine/restore.js';
import { FactBoxesError } from '../engine/errors.js';
import { createTransform } from './remark-transform.js';
import { hasDirectiveSyntax } from './directive-syntax.js';
import { plainReading } from './plain-reading.js';

/** Options of the remark plugin. */
export interface RemarkFactBoxesOptions extends FactBoxesOptions {
  /**
   * Turn directives that no plugin handled back into their source text, at the end of this plugin.
   * Default `true`. Set `false` when a directive plugin runs after this one, and add
   * `remarkRestoreDirectives` as your last remark plugin instead.
   */
  restore?: boolean;
}

declare module 'vfile' {
  interface DataMap {
    /** One record per fact box, in document order. */
    factBoxes: FactBoxRecord[];
  }
}

/**
 * Turn `:::claim`, `:::casualties` and other fact box directives into
 * validated, accessible HTML, and record their facts on `file.data.factBoxes`.
 *
 * @example
 *   unified().use(remarkParse).use(remarkDirective).use(remarkFactBoxes).use(remarkRehype).use(rehypeStringify)
 */
export default function remarkFactBoxes(this: Processor, options: RemarkFactBoxesOptions = {}) {
  const resolved = resolveOptions(options);
  if (!hasDirectiveSyntax(this)) this.use(remarkDirective);
  return createTransform(resolved, options.restore ?? true, this);
}

/**
 * The restoration step on its own, for pipelines where other directive
 * plugins run after fact-boxes: add it as the last remark plugin.
 *
 * @example
 *   unified().use(remarkParse).use(remarkFactBoxes, { restore: false }).use(otherDirectives).use(remarkRestoreDirectives)
 */
export function remarkRestoreDirectives(this: Processor | void) {
  // Called as a plain function (not through `use`), it has no processor to read prose again with.
  const processor = this ?? undefined;
  return (tree: Root, file: VFile): void => {
    const source = parsedSource(file);
    restoreUnhandledDirectives(tree, source, processor ? plainReading(processor) : undefined);
  };
}

export { FactBoxesError };
export type { FactBoxesOptions, FactBoxRecord };
