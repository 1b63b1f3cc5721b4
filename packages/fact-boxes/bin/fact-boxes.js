#!/usr/bin/env node
// The `fact-boxes` command. It is a small file of its own, not the built CLI, so that npm can
// link the command when the package is installed, even in a checkout of the repository that
// has not been built yet; it runs the built CLI, or says what is missing.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(`fact-boxes: needs Node.js 22.12 or later; this is Node.js ${process.versions.node}\n`);
  process.exit(2);
}

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  process.stderr.write(
    `fact-boxes: this copy of fact-boxes is not built (${fileURLToPath(cli)} is missing).\n` +
      'In the fact-boxes repository, run `npm run build:package` (`npm install` runs it too).\n',
  );
  process.exit(2);
}

const { main } = await import(cli.href);
process.exitCode = await main(process.argv.slice(2));
