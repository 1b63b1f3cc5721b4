/**
 * Check Markdown and MDX files without building a site: the same plugin, so
 * the same rule ids and messages as a build, and every problem of a file
 * (a build stops at the first file that fails). Used by `fact-boxes check`.
 */
import { readFile } from 'node:fs/promises';
import type { Nodes, Root } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import remarkFactBoxes from '../adapters/remark.js';
import type { Problem } from '../boxes/define.js';
import { describeProblem } from '../engine/errors.js';
import { didYouMean } from '../text/spelling.js';
import { resolveOptions, type FactBoxesOptions, type ResolvedOptions } from '../engine/options.js';

/** One message of a checked file. */
export interface CheckMessage {
  line: number | undefined;
  column: number | undefined;
  endLine: number | undefined;
  endColumn: number | undefined;
  severity: 'error' | 'warning';
  /** The sentence a build prints for the problem, with its fix. */
  message: string;
  ruleId: string | undefined;
  fix: string | undefined;
}

/** The result of checking one file. */
export interface CheckResult {
  path: string;
  messages: CheckMessage[];
  /** How many boxes the file holds. */
  boxes: number;
}

/** What the checker is given: the options a site gives the plugin or the integration. */
export type CheckOptions = FactBoxesOptions;

/**
 * Container directive names that other tools give their own boxes (the asides
 * of Starlight and Docusaurus, GitHub's alerts). A build leaves them to those
 * tools, and the checker does not report them as undefined boxes.
 */
const OTHER_TOOLS_DIRECTIVES: ReadonlySet<string> = new Set(['note', 'tip', 'info', 'important', 'warning', 'caution', 'danger', 'details']);

/** A parser that reads a file the way a site's build reads it: frontmatter, MDX for `.mdx`, directives. */
export function markdownParser(path: string) {
  const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']);
  if (/\.mdx$/i.test(path)) processor.use(remarkMdx);
  return processor.use(remarkDirective);
}

/**
 * `:::attacks` where no box called `attacks` is defined: a build leaves it to
 * other plugins, which is right in a build but hides a box the checker was not
 * told about. Names close to a box get the build's own `unknown-box` warning.
 */
function undefinedBoxes(tree: Root, resolved: ResolvedOptions): Problem[] {
  const names = [...resolved.boxes.keys()];
  const problems: Problem[] = [];
  for (const node of containerDirectives(tree)) {
    if (resolved.boxes.has(node.name) || OTHER_TOOLS_DIRECTIVES.has(node.name) || didYouMean(node.name, names)) continue;
    problems.push({
      ruleId: 'undefined-box',
      severity: 'warning',
      reason: `${node.name}: no box called "${node.name}" is defined (the boxes are ${names.join(', ')}), so it is not checked, and a build leaves it to other plugins`,
      fix: `if it is a box of your own, give the checker its definition: factBoxes({ boxes }) in astro.config.mjs, boxes in fact-boxes.config.mjs, or --boxes <module>`,
      place: node.position,
    });
  }
  return problems;
}

/** Every container directive of a tree, outermost first. */
export function* containerDirectives(node: Nodes): Generator<ContainerDirective> {
  if (node.type === 'containerDirective') yield node;
  if ('children' in node) for (const child of node.children) yield* containerDirectives(child as Nodes);
}

/** Checks documents against one set of boxes, resolved once. */
export interface Checker {
  /** The boxes known, built-ins first. */
  readonly resolved: ResolvedOptions;
  /**
   * Check one document's fact boxes.
   *
   * @example
   *   const result = await createChecker().checkDocument('article.md', source)
   *   result.messages.filter((message) => message.severity === 'error')
   */
  checkDocument(path: string, source: string): Promise<CheckResult>;
  /** Check a file on disk. */
  checkFile(path: string): Promise<CheckResult>;
}

/**
 * A checker for a site's options (`boxes`, `replace`, …). Problems are always
 * reported with their build severity, whatever `onInvalid` says.
 *
 * @example
 *   const checker = createChecker({ boxes: [location] });
 *   await checker.checkFile('src/content/article.md');
 */
export function createChecker(options: CheckOptions = {}): Checker {
  const pluginOptions: CheckOptions = { ...options, onInvalid: 'error', development: false };
  const resolved = resolveOptions(pluginOptions);
  const checkDocument = async (path: string, source: string): Promise<CheckResult> => {
    const file = new VFile({ path, value: source });
    const processor = markdownParser(path).use(remarkFactBoxes, pluginOptions);
    let tree: Root | undefined;
    try {
      tree = processor.parse(file);
      file.data.factBoxes = [];
      for (const problem of undefinedBoxes(tree, resolved)) {
        file.message(describeProblem(problem), { place: problem.place, ruleId: problem.ruleId, source: 'fact-boxes' }).note = problem.fix;
      }
      await processor.run(tree, file);
    } catch (error) {
      // The plugin records every problem on the file before it throws for the first error;
      // anything else (an MDX syntax error) is reported as it is.
      if (!file.messages.some((message) => message.fatal === true)) {
        const cause = error as { message?: string; reason?: string; line?: number; column?: number; ruleId?: string };
        const reason = cause.reason ?? cause.message ?? String(error);
        file.message(reason, { place: cause.line ? { line: cause.line, column: cause.column ?? 1 } : undefined, ruleId: cause.ruleId ?? 'parse-error', source: 'fact-boxes' }).fatal = true;
      }
    }
    // In reading order: problems of nested boxes are found innermost first.
    const messages = [...file.messages].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    return {
      path,
      boxes: file.data.factBoxes?.length ?? 0,
      messages: messages.map((message) => ({
        line: message.line ?? undefined,
        column: message.column ?? undefined,
        endLine: message.place && 'end' in message.place ? message.place.end.line : undefined,
        endColumn: message.place && 'end' in message.place ? message.place.end.column : undefined,
        severity: message.fatal === true ? 'error' : 'warning',
        message: message.reason,
        ruleId: message.ruleId ?? undefined,
        fix: message.note ?? undefined,
      })),
    };
  };
  return {
    resolved,
    checkDocument,
    checkFile: async (path) => checkDocument(path, await readFile(path, 'utf8')),
  };
}
