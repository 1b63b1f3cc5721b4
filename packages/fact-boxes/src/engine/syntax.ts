/**
 * The syntax's silent failures. When an opening line is not quite right,
 * remark-directive reads the box as an ordinary paragraph and the author sees
 * `:::claim …` printed on the page. These checks read the author's line and
 * say what is wrong.
 */
import type { Problem } from '../boxes/define.js';
import { didYouMean } from '../text/spelling.js';

const OPENING = /^(:{3,})([A-Za-z][\w-]*)(.*)$/;

/**
 * Whether a document could hold a directive at all: a `:` followed by what
 * can start a directive's name, which is anything but white space,
 * punctuation and symbols (a letter of any script, and a digit: `10:30`
 * and `3:1` are directives to remark-directive and to Sätteri). Documents
 * without one are left alone, and pay nothing.
 *
 * @example
 *   mayHoldDirective('At 10:30 they met.') // true
 *   mayHoldDirective('Note: none here.') // false
 */
export function mayHoldDirective(source: string): boolean {
  return /:[^\s\p{P}\p{S}]/u.test(source);
}

/**
 * Whether a document could hold a box, or any leaf or container directive: `::` before what can start a
 * directive's name (as in `mayHoldDirective`). Prose alone (`10:30`, `re:Invent`) has none.
 *
 * @example
 *   mayHoldBlockDirective(':::claim[Vow]{by="x"}') // true
 *   mayHoldBlockDirective('At 10:30 they met.') // false
 */
export function mayHoldBlockDirective(source: string): boolean {
  return /::[^\s\p{P}\p{S}]/u.test(source);
}

/**
 * Why a paragraph that starts like a box was not read as one, if it was meant to be.
 *
 * @example
 *   diagnoseOpeningLine(':::claim {by="x"}', ['claim']) // space-before-attributes
 */
export function diagnoseOpeningLine(line: string, boxNames: readonly string[]): Problem | undefined {
  const match = OPENING.exec(line.trimEnd());
  if (!match) return undefined;
  const [, fence, name, rest = ''] = match;
  const known = boxNames.includes(name!) ? name! : didYouMean(name!, boxNames);
  if (!known) return undefined;
  const intro = `${known}: this box was not read as a box and will show as plain text`;
  if (/^\s+[[{]/.test(rest)) {
    const fixed = `${fence}${known}${rest.trimStart()}`;
    const fix = name === known ? `remove the space: ${fixed}` : `remove the space and correct the name: ${fixed}`;
    return { ruleId: 'space-before-attributes', reason: `${intro}, because of the space after "${fence}${name}"`, fix };
  }
  const brace = rest.indexOf('{');
  if (brace !== -1 && rest.indexOf('}', brace) === -1) {
    return { ruleId: 'line-break-in-attributes', reason: `${intro}, because its {…} is broken over several lines`, fix: 'put all the attributes on the opening line, between { and }' };
  }
  const attributes = brace === -1 ? '' : rest.slice(brace + 1, rest.lastIndexOf('}'));
  const unquoted = /([A-Za-z][\w-]*)=([^\s"'=}]+)((?:\s+[^\s=}"']+)+)(?=\s+[A-Za-z][\w-]*=|\s*$)/.exec(attributes);
  if (unquoted) {
    const [, key, first, more] = unquoted;
    const value = `${first}${more!.replace(/\s+/g, ' ')}`;
    return { ruleId: 'unquoted-value-with-spaces', reason: `${intro}, because the value of "${key}" has spaces but no quotes`, fix: `quote it: ${key}="${value}"` };
  }
  if (rest.startsWith('[') && !rest.includes(']')) {
    return { ruleId: 'unclosed-label', reason: `${intro}, because its [title] is not closed`, fix: 'end the title with ] on the same line' };
  }
  if (name !== known) return undefined; // an unknown name that is merely close: reported elsewhere
  return { ruleId: 'malformed-opening', reason: `${intro}; its opening line could not be read`, fix: `write it as ${fence}${known}[Title]{name="value" other="value"} with quoted values` };
}

/** Whether a container's source ends with its closing fence. */
export function isClosed(sourceOfBox: string): boolean {
  const text = sourceOfBox.trimEnd();
  const lastLine = text.lastIndexOf('\n');
  // Inside a blockquote each line of the box carries the quote markers (`> :::`).
  return lastLine !== -1 && /^[ \t]*(?:>[ \t]*)*:{3,}[ \t]*$/.test(text.slice(lastLine + 1));
}
