/** The Markdown fixtures of the suite: every `.md` file in a `fixtures` folder (site fixtures and dot-folders left out). */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function markdownFixtures(folder: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (name === 'node_modules' || name === 'sites' || name.startsWith('.')) continue;
    if (statSync(path).isDirectory()) found.push(...markdownFixtures(path));
    else if (name.endsWith('.md') && folder.includes('fixtures')) found.push(path);
  }
  return found.sort();
}
