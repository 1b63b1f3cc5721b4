/**
 * Work done by the plugin, counted rather than timed. Wall-clock time depends
 * on the machine, the JIT and whatever else runs; a count of calls to the
 * built-ins that every step of the plugin goes through (map and set lookups,
 * string search and slicing, regular expressions, array iteration) depends
 * only on the input. Doubling a document's size doubles the count of a linear
 * step and quadruples that of a quadratic one, which is what the scale tests
 * assert on.
 */
import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import remarkFactBoxes, { type RemarkFactBoxesOptions } from 'fact-boxes/remark';

type Counted = [owner: object, names: readonly string[]];

const COUNTED: readonly Counted[] = [
  [Map.prototype, ['get', 'has', 'set']],
  [Set.prototype, ['add', 'has']],
  [String.prototype, ['charCodeAt', 'endsWith', 'includes', 'indexOf', 'lastIndexOf', 'normalize', 'replace', 'replaceAll', 'slice', 'split', 'startsWith', 'toLowerCase', 'trim', 'trimEnd']],
  // `exec` is also what `test`, `replace`, `split` and `match` call for each match of a regular expression.
  [RegExp.prototype, ['exec', 'test']],
  [Array.prototype, ['filter', 'find', 'includes', 'indexOf', 'join', 'map', 'push', 'slice', 'some']],
];

/**
 * How many counted built-in calls `run` makes. `run` must be synchronous, so
 * that nothing else (the test runner, timers) is counted with it.
 */
export function countWork(run: () => void): number {
  let calls = 0;
  const saved: [owner: Record<string, unknown>, name: string, original: (...args: unknown[]) => unknown][] = [];
  for (const [owner, names] of COUNTED) {
    for (const name of names) {
      const target = owner as Record<string, unknown>;
      const original = target[name] as (...args: unknown[]) => unknown;
      saved.push([target, name, original]);
      Object.defineProperty(target, name, {
        configurable: true,
        writable: true,
        value: function counted(this: unknown, ...args: unknown[]) {
          calls++;
          return original.apply(this, args);
        },
      });
    }
  }
  try {
    run();
  } finally {
    for (const [target, name, original] of saved) Object.defineProperty(target, name, { configurable: true, writable: true, value: original });
  }
  return calls;
}

/** The work of the fact-boxes transform alone on a document (parsed beforehand, uncounted), with what it made. */
export function pluginWork(markdown: string, options: RemarkFactBoxesOptions = { onInvalid: 'warn' }): { work: number; file: VFile; tree: Root } {
  const processor = unified().use(remarkParse).use(remarkFactBoxes, options);
  const file = new VFile({ value: markdown, path: 'scale.md' });
  const tree = processor.parse(file);
  const work = countWork(() => {
    processor.runSync(tree, file);
  });
  return { work, file, tree: tree as Root };
}
