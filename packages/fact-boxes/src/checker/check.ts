/**
 * Check Markdown and MDX files without building a site: the same plugin, the
 * same messages. Used by the `fact-boxes check` command.
 */
import { readFile } from 'node:fs/promises';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import remarkFactBoxes from './adapters/remark.js';
import type { AnyFactBoxDefinition } from './define.js';

/** One message of a checked file. */
export interface CheckMessage {
  line: number | undefined;
  column: number | undefined;
  endLine: number | undefined;
  endColumn: number | undefined;
  severity: 'error' | 'warning';
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

/** Options of `checkFile`. */
export interface CheckOptions {
  boxes?: readonly AnyFactBoxDefinition[];
  replace?: readonly string[];
}

/**
 * Check one document's fact boxes.
 *
 * @example
 *   const result = await checkDocument('article.md', source)
 *   result.messages.filter((message) => message.severity === 'error')
 */
export async function checkDocument(path: string, source: string, options: CheckOptions = {}): Promise<CheckResult> {
  const file = new VFile({ path, value: source });
  const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']);
  if (path.endsWith('.mdx')) processor.use(remarkMdx);
  processor.use(remarkFactBoxes, { boxes: options.boxes, replace: options.replace });
  try {
    await processor.run(processor.parse(file), file);
  } catch (error) {
    // The plugin records every problem on the file before it throws the first error;
    // anything else (an MDX syntax error) is reported as it is.
    if (!file.messages.some((message) => message.source === 'fact-boxes')) {
      const cause = error as { message?: string; line?: number; column?: number; ruleId?: string };
      file.message(cause.message ?? String(error), { place: cause.line ? { line: cause.line, column: cause.column ?? 1 } : undefined, ruleId: cause.ruleId ?? 'parse-error', source: 'fact-boxes' }).fatal = true;
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
}

/** Check a file on disk. */
export async function checkFile(path: string, options: CheckOptions = {}): Promise<CheckResult> {
  return checkDocument(path, await readFile(path, 'utf8'), options);
}
