/**
 * Docusaurus (and other tools) load their config through jiti, which turns
 * ESM into CommonJS: `import remarkFactBoxes from 'fact-boxes/remark'` at the
 * top of docusaurus.config.mjs must load, and the plugin must work.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('fact-boxes loaded through jiti (as Docusaurus loads its config)', () => {
  test('should import statically and render a box', () => {
    // Inside the repository, so the config resolves fact-boxes as a site's would.
    mkdirSync(join(root, 'tests/package/.tmp'), { recursive: true });
    const dir = mkdtempSync(join(root, 'tests/package/.tmp/jiti-'));
    try {
      const config = join(dir, 'docusaurus.config.mjs');
      writeFileSync(
        config,
        [
          "import remarkFactBoxes from 'fact-boxes/remark';",
          "import { unified } from 'unified';",
          "import remarkParse from 'remark-parse';",
          "import remarkRehype from 'remark-rehype';",
          "import rehypeStringify from 'rehype-stringify';",
          'export const render = (markdown) => unified().use(remarkParse).use(remarkFactBoxes).use(remarkRehype).use(rehypeStringify).process(markdown).then(String);',
          '',
        ].join('\n'),
      );
      // jiti 1 as Docusaurus 3 uses it (@docusaurus/utils: interopDefault), resolving packages from this repository.
      const script = `const jiti = require('jiti')(${JSON.stringify(join(root, 'index.js'))}, { interopDefault: true, cache: false });
const { render } = jiti(${JSON.stringify(config)});
render(':::casualties[Toll]{injured=">24" source=AP}\\n:::\\n\\nAt 10:30.').then((html) => console.log(html));`;
      const html = execFileSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' });
      expect(html).toContain('data-fact-box="casualties"');
      expect(html).toContain('more than 24');
      expect(html).toContain('At 10:30.');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
