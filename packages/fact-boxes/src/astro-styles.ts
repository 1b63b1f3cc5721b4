/**
 * The default theme on every page, as if each page imported it. Astro's own
 * `injectScript('page-ssr', …)` does the same, but it rebuilds a
 * full-resolution source map of every page module to prepend one line, which
 * in a site of a thousand MDX pages costs more memory and time than the boxes
 * (bench/profile.md). Appending the import moves no code, so the page's
 * source map stays as it is.
 */
import { fileURLToPath } from 'node:url';

/** The part of a Vite plugin this needs (Astro brings Vite; fact-boxes does not depend on it). */
export interface StylesVitePlugin {
  name: string;
  enforce: 'post';
  transform(this: { environment?: { name?: string } }, code: string, id: string, options?: { ssr?: boolean }): { code: string; map: null } | undefined;
}

const PAGE = /\.(?:astro|md|mdx|markdown|mdown|mkdn?|mdwn)$/;

/**
 * A Vite plugin adding `import '<stylesheet>'` to every page under `pagesDir`
 * as the server renders it.
 *
 * @example
 *   updateConfig({ vite: { plugins: [stylesOnEveryPage(new URL('pages/', config.srcDir))] } })
 */
export function stylesOnEveryPage(pagesDir: URL, stylesheet = 'fact-boxes/styles.css'): StylesVitePlugin {
  const pages = fileURLToPath(pagesDir).replaceAll('\\', '/');
  const line = `\nimport ${JSON.stringify(stylesheet)};\n`;
  return {
    name: 'fact-boxes:styles',
    enforce: 'post',
    transform(code, id, options) {
      // Styles of pages are collected on the server side, as for Astro's page-ssr scripts.
      if (this.environment?.name === 'client' || options?.ssr === false) return undefined;
      if (id.includes('?') || !id.startsWith(pages) || !PAGE.test(id)) return undefined;
      return { code: code + line, map: null };
    },
  };
}
