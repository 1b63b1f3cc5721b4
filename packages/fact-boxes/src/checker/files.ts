/** Which files `fact-boxes check` reads: paths, folders and globs to `.md` and `.mdx` files. */
import { glob, stat } from 'node:fs/promises';
import { resolve } from 'node:path';

/** Folders never searched: dependencies, build output, version control. */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', 'dist', '.git']);

const MARKDOWN = /\.mdx?$/i;

/** Whether a path names a Markdown or MDX file. */
function isMarkdown(path: string): boolean {
  return MARKDOWN.test(path);
}

/**
 * The `.md` and `.mdx` files that paths, folders (searched recursively) and
 * globs name, as absolute paths in sorted order.
 *
 * @example
 *   await expandPaths(['src/content', 'notes/*.md'])
 */
export async function expandPaths(patterns: readonly string[], cwd = process.cwd()): Promise<string[]> {
  const files = new Set<string>();
  for (const pattern of patterns) {
    const info = await stat(resolve(cwd, pattern)).catch(() => undefined);
    if (info?.isFile()) {
      files.add(resolve(cwd, pattern));
      continue;
    }
    const search = info?.isDirectory() ? `${pattern.replace(/[\\/]+$/, '')}/**/*.{md,mdx}` : pattern;
    for await (const found of glob(search, { cwd, exclude: (name) => SKIPPED_FOLDERS.has(name) })) {
      if (isMarkdown(found)) files.add(resolve(cwd, found));
    }
  }
  return [...files].sort();
}

/**
 * The folders to watch for the files that patterns name: a folder itself, a
 * file's folder, a glob's folder before its first wildcard.
 */
export async function watchedFolders(patterns: readonly string[], cwd = process.cwd()): Promise<string[]> {
  const folders = new Set<string>();
  for (const pattern of patterns) {
    const path = resolve(cwd, pattern);
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory()) folders.add(path);
    else if (info?.isFile()) folders.add(resolve(path, '..'));
    else {
      const fixed = pattern.split(/[\\/]/).findIndex((part) => /[*?[\]{}!]/.test(part));
      folders.add(resolve(cwd, fixed <= 0 ? '.' : pattern.split(/[\\/]/).slice(0, fixed).join('/')));
    }
  }
  return [...folders];
}
