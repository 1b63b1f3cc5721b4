/**
 * The default theme on every page, as if each page imported it. Astro's own
 * `injectScript('page-ssr', …)` does the same, but it rebuilds a
 * full-resolution source map of every page module to prepend one line, which
 * in a site of a thousand MDX pages costs more memory and time than the boxes
 * (bench/profile.md). Appending the import moves no code, so the page's
 * source map stays as it is.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { FilteredHook } from './vite-hooks.js';

/** The part of a Vite plugin this needs (Astro brings Vite; fact-boxes does not depend on it). */
export interface StylesVitePlugin {
  name: string;
  enforce: 'post';
  transform: FilteredHook<(this: { environment?: { name?: string } }, code: string, id: string, options?: { ssr?: boolean }) => { code: string; map: null } | undefined>;
}

/** The default theme, as pages import it. */
export const STYLESHEET = 'fact-boxes/styles.css';

/** Its import, as an MDX page's own ESM (see `PageFiles.styled`). */
export const STYLESHEET_IMPORT = `import ${JSON.stringify(STYLESHEET)};`;

/** The extensions of the Markdown and MDX files Astro renders as pages, as a pattern's source. */
export const MARKDOWN_EXTENSION = '\\.(?:md|mdx|markdown|mdown|mkdn?|mdwn)';
/** Markdown and MDX files, by the extensions Astro renders as pages. */
export const MARKDOWN_FILE = new RegExp(`${MARKDOWN_EXTENSION}$`);
const isPage = (path: string) => path.endsWith('.astro') || MARKDOWN_FILE.test(path);
/** Module ids that can be pages (`isPage`): the ids the bundler hands the styles' hook. */
const PAGE_ID = new RegExp(`(?:\\.astro|${MARKDOWN_EXTENSION})$`);

/** A path with forward slashes, as Vite writes module ids on every system. */
export const slashes = (path: string) => path.replaceAll('\\', '/');

/** The files that are pages: those under the pages folder, and the entry points of routes that integrations inject (Starlight's). */
export interface PageFiles {
  /** The pages folder, as a path with forward slashes and a trailing one. */
  pagesDir: string;
  /** Absolute paths of injected routes' entry points, filled in once routes are resolved. */
  injected: Set<string>;
  /**
   * MDX pages whose compiled module imports the stylesheet already: the
   * plugin (on Sätteri and on unified) writes the import into the page as
   * MDX's own ESM. A Vite plugin that hands back a page's code costs the
   * bundler another copy of the page: at 1,000 MDX articles with boxes,
   * about 50 MiB of the build's peak (bench/profile.md).
   */
  styled?: Set<string>;
}

const toPath = (url: URL) => slashes(fileURLToPath(url));

/**
 * Whether the file at `path` (an absolute path in forward slashes, a Vite id without query) is a page that gets the stylesheet.
 *
 * @example
 *   isPageFile(pageFiles, '/site/src/pages/index.mdx') // true
 */
export function isPageFile(pageFiles: PageFiles, path: string): boolean {
  return isPage(path) && (path.startsWith(pageFiles.pagesDir) || pageFiles.injected.has(path));
}

/**
 * The page a Markdown processor is about to write `STYLESHEET_IMPORT` into
 * (an MDX page, when the site gets the stylesheet), as `styled` keys it; add
 * it there once the import is written. Any earlier mark for the file is
 * forgotten first: a page that no longer gets the import (the plugin skipped
 * it) gets it from the Vite plugin again.
 */
export function pageImportingStyles(pageFiles: PageFiles | undefined, path: string | undefined, mdx: boolean): string | undefined {
  if (!pageFiles || path === undefined) return undefined;
  const page = slashes(path);
  pageFiles.styled?.delete(page);
  return mdx && isPageFile(pageFiles, page) ? page : undefined;
}

/**
 * The stylesheet's import for the end of the module of an MDX file rendered without fact-boxes' plugin, and
 * the page marked as importing it; `undefined` where it gets none (not a page, or no stylesheet).
 */
export function mdxPageImport(pageFiles: PageFiles | undefined, path: string): string | undefined {
  const page = pageImportingStyles(pageFiles, path, true);
  if (page === undefined) return undefined;
  pageFiles?.styled?.add(page);
  return STYLESHEET_IMPORT;
}

/**
 * The absolute path of a route's entry point (`astro:routes:resolved` gives
 * it relative to the root, as a file URL, or as a package specifier).
 */
export function entryPointPath(entrypoint: string, root: URL): string | undefined {
  try {
    if (entrypoint.startsWith('file:')) return toPath(new URL(entrypoint));
    if (entrypoint.startsWith('/')) return entrypoint;
    // Astro gives injected routes relative to the root (`node_modules/@astrojs/starlight/…`); else a package specifier.
    const relative = toPath(new URL(entrypoint, root));
    if (existsSync(relative)) return relative;
    return createRequire(new URL('package.json', root)).resolve(entrypoint).replaceAll('\\', '/');
  } catch {
    return undefined;
  }
}

/**
 * A Vite plugin adding `import '<stylesheet>'` to every page as the server
 * renders it: pages under the pages folder and injected routes.
 *
 * @example
 *   updateConfig({ vite: { plugins: [stylesOnEveryPage({ pagesDir: '/site/src/pages/', injected: new Set() })] } })
 */
export function stylesOnEveryPage(pageFiles: PageFiles, stylesheet = STYLESHEET): StylesVitePlugin {
  const line = `\nimport ${JSON.stringify(stylesheet)};\n`;
  return {
    name: 'fact-boxes:styles',
    enforce: 'post',
    transform: {
      filter: { id: PAGE_ID },
      handler(code, id, options) {
        // Styles of pages are collected on the server side, as for Astro's page-ssr scripts.
        if (this.environment?.name === 'client' || options?.ssr === false) return undefined;
        if (id.includes('?')) return undefined;
        const path = slashes(id);
        if (!isPageFile(pageFiles, path) || pageFiles.styled?.has(path)) return undefined;
        return { code: code + line, map: null };
      },
    },
  };
}
