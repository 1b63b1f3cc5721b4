/**
 * The errors of a build, by file, and how the integration reports them: a
 * Vite plugin fails each page with its file's error, and a build with every
 * failing file's (see `Pending`).
 */
import { FactBoxesError } from '../engine/errors.js';
import { MARKDOWN_EXTENSION, MARKDOWN_FILE, slashes } from './styles.js';
import type { FilteredHook } from './vite-hooks.js';

/** Module ids of Markdown and MDX files, with or without a query: the ids the bundler hands the errors' hook. */
const MARKDOWN_ID = new RegExp(`${MARKDOWN_EXTENSION}(?:\\?.*)?$`, 's');

/**
 * Errors waiting to be reported, by file; shared by the plugins, the Vite
 * plugin and the hooks. The processors never throw a file's `FactBoxesError`
 * inside Astro's renderers: @astrojs/markdown-remark would `console.error` it
 * and prefix its message, @astrojs/mdx would rename it, give it a stack and a
 * `loc` for Astro's "Location:", and the content loader would log it before
 * the build fails. The integration throws it itself, once: from its Vite
 * plugin for a page or an `.mdx` module, from `astro:build:start` for the
 * `.md` entries of content collections.
 */
export interface Pending {
  errors: Map<string, FactBoxesError>;
  /** Called when a file fails, e.g. to show the error in the dev overlay. */
  onError?: (error: FactBoxesError) => void;
  /** Called when the set of failing files changes. */
  onChange?: () => void;
}

/** A file's failure as a `FactBoxesError`: ours as it is, anything else as one problem of the file. */
function asFactBoxesError(error: unknown, key: string): FactBoxesError {
  if (error instanceof FactBoxesError) return error;
  return new FactBoxesError([{ ruleId: 'build-error', reason: error instanceof Error ? error.message : String(error) }], key);
}

/** Note a file's failure. */
export function remember(pending: Pending, key: string, error: unknown): void {
  const failure = asFactBoxesError(error, key);
  pending.errors.set(key, failure);
  pending.onChange?.();
  pending.onError?.(failure);
}

/** A file's failure is over: it rendered without one. */
export function forget(pending: Pending, key: string): void {
  if (pending.errors.delete(key)) pending.onChange?.();
}

/**
 * The error `astro build` fails with. Astro prints an error's `loc` under
 * "Location:" after the message (astro/dist/core/messages/runtime.js); every
 * line of the message has its place already, so this copy has no `loc`
 * (`astro dev` keeps it: the overlay points at the line with it).
 */
export function forBuild(error: FactBoxesError): FactBoxesError {
  const copy = new FactBoxesError(error.problems);
  Object.defineProperty(copy, 'loc', { value: undefined, enumerable: false, writable: true, configurable: true });
  return copy;
}

/**
 * The Vite plugin that fails a page or `.mdx` module with its file's error,
 * after Astro has rendered it (see Pending): `astro build` stops there, and
 * `astro dev` shows it in the overlay.
 */
export function throwFileErrors(pending: Pending, command: string): { name: string; enforce: 'post'; transform: FilteredHook<(code: string, id: string) => undefined> } {
  return {
    name: 'fact-boxes:errors',
    enforce: 'post',
    transform: {
      filter: { id: MARKDOWN_ID },
      handler(_code, id) {
        if (pending.errors.size === 0) return;
        const path = slashes(id.split('?')[0]!);
        if (!MARKDOWN_FILE.test(path)) return;
        for (const [file, error] of pending.errors) {
          if (slashes(file) === path) throw command === 'build' ? forBuild(error) : error;
        }
      },
    },
  };
}
