/**
 * `fact-boxes check --watch`: check the files, then check each again when it
 * is saved, created or deleted, until stopped. A file's report is replaced as
 * a whole, so a problem the writer fixed is gone from the next report.
 */
import { watch as watchFolder, type FSWatcher } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { expandPaths, SKIPPED_FOLDERS, watchedFolders } from './files.js';
import type { FileReport } from './report.js';

/** What `watchFiles` needs. */
export interface WatchOptions {
  patterns: readonly string[];
  cwd: string;
  check(path: string): Promise<FileReport>;
  /** Called with every file's report (sorted) and the files checked again, first with all of them. */
  report(reports: FileReport[], changed: string[]): void;
  /** Stops watching. */
  signal: AbortSignal;
  /** How long to wait for a burst of saves to end before checking, in milliseconds. Default 100. */
  settle?: number;
}

/** A folder and the folders below it, but not dependencies, build output or version control. */
async function foldersUnder(folder: string): Promise<string[]> {
  const found = [folder];
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) found.push(...(await foldersUnder(join(folder, entry.name))));
  }
  return found;
}

/**
 * Watch the files that `patterns` name; resolves once `signal` aborts.
 *
 * @example
 *   await watchFiles({ patterns: ['src/content'], cwd, check, report, signal })
 */
export async function watchFiles(options: WatchOptions): Promise<void> {
  const { patterns, cwd, check, report, signal } = options;
  const known = new Map<string, { stamp: string; report: FileReport }>();
  const watchers = new Map<string, FSWatcher>();

  const rescan = async (): Promise<string[]> => {
    const files = await expandPaths(patterns, cwd);
    const present = new Set(files);
    const changed: string[] = [];
    for (const file of known.keys()) {
      if (!present.has(file)) {
        known.delete(file);
        changed.push(file);
      }
    }
    for (const file of files) {
      const info = await stat(file).catch(() => undefined);
      if (!info) continue;
      const stamp = `${info.mtimeMs}:${info.size}`;
      if (known.get(file)?.stamp === stamp) continue;
      known.set(file, { stamp, report: await check(file) });
      changed.push(file);
    }
    return changed;
  };

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(async () => {
        if (signal.aborted) return;
        const changed = await rescan();
        await watchNewFolders();
        if (changed.length > 0 && !signal.aborted) report(reports(), changed);
      });
    }, options.settle ?? 100);
  };
  const reports = () => [...known.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, entry]) => entry.report);
  // Non-recursive watchers, folder by folder: a recursive one would also watch every folder of node_modules.
  const watchNewFolders = async () => {
    for (const root of await watchedFolders(patterns, cwd)) {
      for (const folder of await foldersUnder(root)) {
        if (watchers.has(folder)) continue;
        try {
          const watcher = watchFolder(folder, schedule);
          watcher.on('error', () => {
            watcher.close();
            watchers.delete(folder);
          });
          watchers.set(folder, watcher);
        } catch {
          // A folder removed meanwhile: its parent's watcher notices.
        }
      }
    }
  };

  await watchNewFolders();
  const all = await rescan();
  report(reports(), all);
  if (signal.aborted) return;
  await new Promise<void>((done) => signal.addEventListener('abort', () => done(), { once: true }));
  clearTimeout(timer);
  for (const watcher of watchers.values()) watcher.close();
  await running;
}
