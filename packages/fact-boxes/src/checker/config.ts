/**
 * What `fact-boxes check` knows of a site: the options it already gives
 * fact-boxes, read from `fact-boxes.config.*` or from the `factBoxes()`
 * integration in `astro.config.*`, and boxes from a `--boxes` module.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AnyFactBoxDefinition } from '../boxes/define.js';
import { INTEGRATION_OPTIONS, type FactBoxesOptions } from '../engine/options.js';
import { readEntityFiles } from '../astro/entity-files.js';

/**
 * The `entities` of a configuration as the plugin takes them: a list as it
 * is; a path (from `base`) read from its YAML/JSON files; for an Astro site
 * without the option, its `content/entities/` folder when there is one.
 */
function entitiesOf(option: unknown, base: string, fallback: string | undefined): FactBoxesOptions['entities'] {
  if (option === false || Array.isArray(option)) return option === false ? undefined : (option as FactBoxesOptions['entities']);
  const path = typeof option === 'string' ? resolve(base, option) : fallback;
  if (path === undefined || (option === undefined && !existsSync(path))) return undefined;
  try {
    return readEntityFiles(path).entities;
  } catch (error) {
    throw new ConfigError((error as Error).message.replace(/^fact-boxes: /, ''));
  }
}

/** Options with their entities read, and the options' own `entities` left out when there are none. */
function withEntities(options: FactBoxesOptions, base: string, fallback: string | undefined): FactBoxesOptions {
  const { entities: option, ...rest } = options as FactBoxesOptions & { entities?: unknown };
  const entities = entitiesOf(option, base, fallback);
  return entities ? { ...rest, entities } : rest;
}

/** Files looked for in each folder, from the current one up to the project's root (its `package.json`); the first found wins. */
const CONFIG_FILES = [
  'fact-boxes.config.js',
  'fact-boxes.config.mjs',
  'fact-boxes.config.ts',
  'fact-boxes.config.mts',
  'astro.config.mjs',
  'astro.config.js',
  'astro.config.ts',
  'astro.config.mts',
] as const;

/** A configuration error: the command stops with exit code 2 and this message. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** What a configuration gives the checker. */
export interface SiteConfig {
  /** The options for the plugin (boxes, replace, locale, …). */
  options: FactBoxesOptions;
  /** The file they come from. */
  file: string;
  /** What was found, in a sentence, for the report. */
  summary: string;
  /** What to check when no paths are given: an Astro site's `srcDir`. */
  defaultPaths?: string[];
}

/**
 * The configuration file for a folder: the first of `CONFIG_FILES` in it or
 * in a folder above, up to the nearest folder with a `package.json`.
 *
 * @example
 *   findConfigFile(process.cwd()) // '/site/astro.config.mjs'
 */
export function findConfigFile(from: string): string | undefined {
  for (let folder = resolve(from); ; folder = dirname(folder)) {
    for (const name of CONFIG_FILES) {
      const file = join(folder, name);
      if (existsSync(file)) return file;
    }
    if (existsSync(join(folder, 'package.json')) || dirname(folder) === folder) return undefined;
  }
}

async function importModule(file: string, what: string): Promise<Record<string, unknown>> {
  if (!existsSync(file)) throw new ConfigError(`${what} ${file} does not exist`);
  try {
    return (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  } catch (error) {
    const cause = error as { code?: string; message?: string };
    const typescript = /\.[mc]?ts$/.test(file) && (cause.code === 'ERR_UNKNOWN_FILE_EXTENSION' || cause.code === 'ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX');
    const hint = typescript
      ? ' (Node.js loads TypeScript that only has type annotations, from Node.js 22.18; write the file in JavaScript otherwise)'
      : '';
    throw new ConfigError(`could not load ${what} ${file}: ${cause.message ?? String(error)}${hint}`);
  }
}

/** Whether a value is a box made with `defineFactBox`. */
function isFactBox(value: unknown): value is AnyFactBoxDefinition {
  const box = value as Partial<AnyFactBoxDefinition> | null;
  return typeof box === 'object' && box !== null && typeof box.name === 'string' && typeof box.render === 'function' && typeof box.attributes?.safeParse === 'function';
}

function boxesIn(value: unknown): AnyFactBoxDefinition[] | undefined {
  if (isFactBox(value)) return [value];
  if (Array.isArray(value) && value.length > 0 && value.every(isFactBox)) return value;
  return undefined;
}

/** Boxes loaded from a module, and the exports they came from. */
export interface LoadedBoxes {
  boxes: AnyFactBoxDefinition[];
  /** `default`, or the names of the exports read. */
  exports: string[];
}

/**
 * The boxes of a `--boxes` module: its default export (a box, an array of
 * boxes, or options with `boxes`), or else every named export that is a box
 * or an array of boxes (`export const attacks = defineFactBox(…)`,
 * `export const siteBoxes = [attacks]`), each box once.
 *
 * @example
 *   await loadBoxesModule('site/boxes/index.ts') // { boxes: [attacks], exports: ['attacks', 'siteBoxes'] }
 */
export async function loadBoxesModule(file: string): Promise<LoadedBoxes> {
  const module = await importModule(resolve(file), 'the --boxes module');
  const fromDefault = boxesIn(module.default) ?? boxesIn((module.default as { boxes?: unknown } | undefined)?.boxes);
  if (fromDefault) return { boxes: fromDefault, exports: ['default'] };
  const boxes = new Map<string, AnyFactBoxDefinition>();
  const exports: string[] = [];
  for (const [name, value] of Object.entries(module)) {
    const found = name === 'default' ? undefined : boxesIn(value);
    if (!found) continue;
    exports.push(name);
    for (const box of found) if (!boxes.has(box.name)) boxes.set(box.name, box);
  }
  if (boxes.size === 0) {
    const names = Object.keys(module);
    throw new ConfigError(
      `${file} exports no boxes: it needs a default export or named exports made with defineFactBox() (a box, or an array of boxes)${names.length > 0 ? `; its exports are ${names.join(', ')}` : ''}`,
    );
  }
  return { boxes: [...boxes.values()], exports };
}

/** The integrations of an Astro config, nested arrays flattened, `false` and `null` left out, as Astro reads them. */
function integrationsOf(config: unknown): unknown[] {
  const list = (config as { integrations?: unknown } | undefined)?.integrations;
  return Array.isArray(list) ? list.flat(Infinity).filter(Boolean) : [];
}

function describeOptions(options: FactBoxesOptions): string {
  const parts = [options.boxes && options.boxes.length > 0 ? `boxes ${options.boxes.map((box) => box.name).join(', ')}` : 'no boxes of its own'];
  if (options.replace && options.replace.length > 0) parts.push(`replacing ${options.replace.join(', ')}`);
  const entities = (options as { entities?: unknown }).entities;
  if (Array.isArray(entities) && entities.length > 0) parts.push(`${entities.length} entit${entities.length === 1 ? 'y' : 'ies'}`);
  else if (typeof entities === 'string') parts.push(`entities from ${entities}`);
  return parts.join(', ');
}

/**
 * Read a configuration file: `fact-boxes.config.*` (its default export is
 * the options, as given to the remark plugin), or `astro.config.*` (the
 * options given to `factBoxes()` in `integrations`).
 *
 * @example
 *   await loadConfigFile('astro.config.mjs') // { options: { boxes: [attacks] }, … }
 */
export async function loadConfigFile(file: string, cwd = process.cwd()): Promise<SiteConfig> {
  const path = resolve(cwd, file);
  const shown = relative(cwd, path) || basename(path);
  const module = await importModule(path, 'the configuration');
  if (!basename(path).startsWith('astro.config.')) {
    const options = (module.default ?? module) as FactBoxesOptions;
    if (typeof options !== 'object' || options === null || Array.isArray(options)) {
      throw new ConfigError(`${shown} must export its options as default: export default { boxes: [ … ] }`);
    }
    return { options: withEntities(options, dirname(path), undefined), file: path, summary: `${shown}: ${describeOptions(options)}` };
  }
  const config = module.default as { srcDir?: unknown; root?: unknown } | undefined;
  const root = typeof config?.root === 'string' ? resolve(dirname(path), config.root) : config?.root instanceof URL ? fileURLToPath(config.root) : dirname(path);
  const srcDir = typeof config?.srcDir === 'string' ? resolve(root, config.srcDir) : config?.srcDir instanceof URL ? fileURLToPath(config.srcDir) : join(root, 'src');
  const defaultPaths = existsSync(srcDir) ? [relative(cwd, srcDir) || '.'] : undefined;
  const integrations = integrationsOf(config);
  const ours = integrations.filter((integration) => (integration as { name?: unknown }).name === 'fact-boxes');
  const withOptions = ours.find((integration) => INTEGRATION_OPTIONS in (integration as object));
  if (withOptions) {
    const options = withEntities((withOptions as { [INTEGRATION_OPTIONS]: FactBoxesOptions })[INTEGRATION_OPTIONS], root, join(srcDir, 'content/entities'));
    return { options, file: path, summary: `${shown}, factBoxes(): ${describeOptions(options)}`, ...(defaultPaths ? { defaultPaths } : {}) };
  }
  if (ours.length > 0) {
    throw new ConfigError(`${shown} uses a fact-boxes integration that does not show its options to the checker; update fact-boxes, or pass --no-config with --boxes`);
  }
  return { options: {}, file: path, summary: `${shown}: no factBoxes() integration, so the built-in boxes only`, ...(defaultPaths ? { defaultPaths } : {}) };
}
