/**
 * The engine's internals, for tests that exercise them directly. They are not
 * part of the package's public entry points (tests/package/exports.test.ts),
 * so they come from the built files, the same modules the entry points load.
 */
export { processDocument } from '../../packages/fact-boxes/dist/engine/document.js';
export { resolveOptions } from '../../packages/fact-boxes/dist/engine/options.js';
export { restoreUnhandledDirectives } from '../../packages/fact-boxes/dist/engine/restore.js';
export { describeProblem } from '../../packages/fact-boxes/dist/engine/errors.js';
export { didYouMean } from '../../packages/fact-boxes/dist/text/spelling.js';
export { shiftOf } from '../../packages/fact-boxes/dist/engine/positions.js';
export { readWrittenAttributes } from '../../packages/fact-boxes/dist/text/written.js';
export { KEPT_COMPILES, keepPageHtml, pageHtml, putRecords, recordsOf, siteStore } from '../../packages/fact-boxes/dist/outputs/site-store.js';
export { satteriPluginForAstro } from '../../packages/fact-boxes/dist/astro/satteri.js';
export { remarkPluginsFor } from '../../packages/fact-boxes/dist/astro/remark.js';
export { createSatteriPlugin } from '../../packages/fact-boxes/dist/adapters/satteri-plugin.js';
export { boxReader } from '../../packages/fact-boxes/dist/adapters/satteri-reread.js';
export { renderersWithoutDirectives, satteriWithoutSyntax, unifiedWithoutSyntax } from '../../packages/fact-boxes/dist/astro/renderers.js';
export { alignWithMicromark, holdsDirectiveBlock } from '../../packages/fact-boxes/dist/adapters/satteri-micromark.js';
export { directiveLines, prepassMdx, startsAsParagraph } from '../../packages/fact-boxes/dist/adapters/satteri-prepass.js';
export { findBoxes, readBoxesAlone, readTogether } from '../../packages/fact-boxes/dist/adapters/satteri-boxes-alone.js';
export { holdsBoxLine } from '../../packages/fact-boxes/dist/engine/reached.js';
export { GLUE, prepassMarkdown, unglue } from '../../packages/fact-boxes/dist/adapters/satteri-prepass-md.js';
export { Prepassed } from '../../packages/fact-boxes/dist/astro/satteri.js';
