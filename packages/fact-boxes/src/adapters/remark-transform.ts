/**
 * What the remark plugin does to a document, for the plugin itself and for
 * the Astro integration (which picks options per file).
 */
import type { Root } from 'mdast';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import type { Problem } from '../boxes/define.js';
import { describeProblem, FactBoxesError } from '../engine/errors.js';
import { DocumentState } from '../engine/state.js';
import { processDocument } from '../engine/document.js';
import type { ResolvedOptions } from '../engine/options.js';
import { parsedSource, restoreUnhandledDirectives } from '../engine/restore.js';
import { boxLines, boxOpenings, unseenBoxes } from '../engine/reached.js';
import { plainReading } from './plain-reading.js';

/** Report problems on the file; throw the first error unless `onInvalid` is `warn`. */
function reportProblems(file: VFile, problems: readonly Problem[], onInvalid: 'error' | 'warn'): void {
  const errors = problems.filter((problem) => problem.severity !== 'warning');
  for (const problem of problems) {
    const message = file.message(describeProblem(problem), { place: problem.place, ruleId: problem.ruleId, source: 'fact-boxes' });
    message.fatal = problem.severity !== 'warning' && onInvalid === 'error';
    if (problem.fix) message.note = problem.fix;
  }
  if (onInvalid === 'error' && errors.length > 0) throw new FactBoxesError(errors, file.path || undefined);
}

/**
 * The transform for resolved options (the Astro integration picks options per file). With the
 * processor, blocks whose directives took markup are given back as it reads them without directives.
 */
export function createTransform(resolved: ResolvedOptions, restore: boolean, processor?: Processor) {
  return function transform(tree: Root, file: VFile): void {
    const source = parsedSource(file);
    // The page's language: its frontmatter `lang` (Astro's, or the source's own), or its path under Astro's i18n routing.
    const locale = resolved.locales?.forDocument({ data: file.data, source, path: file.path || undefined });
    const { records, problems, seen } = processDocument(tree, source, resolved, new DocumentState(source, resolved.headingLevel, locale, resolved));
    if (source.includes(':::')) problems.push(...unseenBoxes(source, boxOpenings(boxLines(source), resolved.boxes), seen));
    if (restore) restoreUnhandledDirectives(tree, source, processor ? plainReading(processor) : undefined);
    file.data.factBoxes = [...(file.data.factBoxes ?? []), ...records];
    reportProblems(file, problems, resolved.onInvalid);
  };
}

