/**
 * What `fact-boxes check --fix` may change, what it must leave alone, and the
 * diff `--fix-dry-run` prints; the value suggestions builds and the checker share.
 */
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
// From the sources, like the modules under test: the command's internals are not part of the package's API.
import { defineFactBox } from '../../packages/fact-boxes/src/boxes/define.js';
import { nearSpelling } from '../../packages/fact-boxes/src/text/spelling.js';
import { resolveOptions } from '../../packages/fact-boxes/src/engine/options.js';
import { textAttribute } from '../../packages/fact-boxes/src/values/schemas.js';
import { unifiedDiff } from '../../packages/fact-boxes/src/checker/diff.js';
import { fixDocument } from '../../packages/fact-boxes/src/checker/fix.js';

const resolved = resolveOptions();

describe('nearSpelling', () => {
  test.each([
    ['confimred', ['unverified', 'confirmed', 'disputed'], 'confirmed'],
    ['confirmd', ['unverified', 'confirmed', 'disputed'], 'confirmed'],
    ['Mostly True', ['mostly-true', 'mostly-false'], 'mostly-true'],
    ['missing_context', ['missing-context'], 'missing-context'],
    ['casualty', ['claim', 'casualties'], 'casualties'],
    ['claims', ['claim', 'casualties'], 'claim'],
    ['des', ['asc', 'desc'], 'desc'],
  ])('should take %s for a misspelling of %s', (word, candidates, meant) => {
    expect(nearSpelling(word, candidates)).toBe(meant);
  });

  test.each([
    ['disproved', ['unverified', 'confirmed', 'disputed', 'denied', 'retracted']],
    ['confined', ['unverified', 'confirmed', 'disputed']],
    ['action', ['claim', 'casualties', 'timeline', 'actor']],
    ['ascending', ['asc', 'desc']],
    // Two candidates fit: no guess.
    ['tru', ['true', 'try']],
    ['x', ['y']],
  ])('should offer nothing for %s', (word, candidates) => {
    expect(nearSpelling(word, candidates)).toBeUndefined();
  });
});

/** The fixed text, and `rule` of each fix. */
function fix(source: string, path = 'article.md') {
  const { output, fixes } = fixDocument(path, source, resolved);
  return { output, rules: fixes.map((one) => one.ruleId) };
}

describe('fixDocument', () => {
  test.each([
    ['a misspelt attribute name', ':::claim{by="x" dat="2023-11-05"}\nQ\n:::\n', ':::claim{by="x" date="2023-11-05"}\nQ\n:::\n', ['unknown-attribute']],
    ['an attribute name in camelCase', ':::claim{by="x" sourceUrl="https://example.com"}\nQ\n:::\n', ':::claim{by="x" source-url="https://example.com"}\nQ\n:::\n', ['unknown-attribute']],
    ['a misspelt box name, then its attributes', ':::casualty{kiled=3 source=x}\n:::\n', ':::casualties{killed=3 source=x}\n:::\n', ['unknown-box', 'unknown-attribute']],
    ['a box name in the plural', '::::claims{by="x"}\nQ\n::::\n', '::::claim{by="x"}\nQ\n::::\n', ['unknown-box']],
    ['a value with spaces, as written between the quotes', ':::claim{by=Police  spokesperson date=2023}\nQ\n:::\n', ':::claim{by="Police  spokesperson" date=2023}\nQ\n:::\n', ['unquoted-value-with-spaces']],
    ['a value with spaces on a line read as a paragraph', ":::claim{by=the spokesperson's office}\nQ\n:::\n", ':::claim{by="the spokesperson\'s office"}\nQ\n:::\n', ['unquoted-value-with-spaces']],
    ['a box left open at the end of the file', 'Intro.\n\n:::claim{by="x"}\nThe quote.\n', 'Intro.\n\n:::claim{by="x"}\nThe quote.\n:::\n', ['unclosed-box']],
    ['a box left open with its ::group lines', ':::casualties{source=x}\n::group[A]{killed=1}\n::group[B]{killed=2}\n\n\n', ':::casualties{source=x}\n::group[A]{killed=1}\n::group[B]{killed=2}\n:::\n\n\n', ['unclosed-box']],
    ['a box left open in a file without a final newline', '  :::claim{by="x"}\n  Q', '  :::claim{by="x"}\n  Q\n  :::', ['unclosed-box']],
  ])('should fix %s', (_, source, fixed, rules) => {
    expect(fix(source)).toEqual({ output: fixed, rules });
  });

  test.each([
    ['a misspelt value (only suggested)', ':::claim{by="x" status=confirmd}\nQ\n:::\n'],
    ['a name whose value the near name does not take', ':::claim{by="x" rate="true"}\nQ\n:::\n'],
    ['a name already written', ':::claim{by="x" bye="y"}\nQ\n:::\n'],
    ['a name far from every name', ':::claim{by="x" colour=red}\nQ\n:::\n'],
    ['a box name that is another word', ':::action{by="x"}\n:::\n'],
    ['an unknown directive of another plugin', ':::note\nText.\n:::\n'],
    ['a box open before more prose', ':::claim{by="x"}\nQ\n\nMore prose.\n'],
    ['a box open before a heading', ':::claim{by="x"}\nQ\n# Next\n'],
    ['a box open around a closed box', '::::timeline\n:::claim{by="x"}\nQ\n:::\n'],
    ['a box open inside a blockquote', '> :::claim{by="x"}\n> Q\n'],
    ['a box inside code', '```md\n:::claim{by=Police spokesperson}\n```\n'],
    ['an MDX file that does not parse', ':::claim{by=Police spokesperson}\n{oops\n'],
  ])('should leave alone %s', (_, source) => {
    const path = source.includes('{oops') ? 'article.mdx' : 'article.md';
    expect(fix(source, path)).toEqual({ output: source, rules: [] });
  });

  test('should keep a byte order mark and CRLF line endings', () => {
    const source = '\uFEFF:::claim{by=Police spokesperson}\r\nQ\r\n';
    expect(fix(source).output).toBe('\uFEFF:::claim{by="Police spokesperson"}\r\nQ\r\n:::\r\n');
  });

  const location = defineFactBox({
    name: 'location',
    attributes: z.object({ country: textAttribute(), county: textAttribute().optional() }),
    render: ({ attributes, h }) => h('p', {}, attributes.country),
  });
  const withLocation = resolveOptions({ boxes: [location] });

  test('should fix the names of a custom box like those of a built-in', () => {
    expect(fixDocument('a.md', ':::locations{contry="Iraq"}\n:::\n', withLocation).output).toBe(':::location{country="Iraq"}\n:::\n');
  });

  test('should leave alone a name one slip from two names', () => {
    const source = ':::location{countr="Iraq"}\n:::\n';
    expect(fixDocument('a.md', source, withLocation)).toEqual({ output: source, fixes: [] });
  });
});

describe('unifiedDiff', () => {
  test('should give nothing for equal texts', () => {
    expect(unifiedDiff('a\n', 'a\n', 'a.md')).toBe('');
  });

  test('should print changed lines with three lines of context, in separate hunks when far apart', () => {
    const before = Array.from({ length: 20 }, (_, index) => `line ${index + 1}\n`).join('');
    const after = before.replace('line 2\n', 'line two\n').replace('line 18\n', 'line eighteen\n');
    expect(unifiedDiff(before, after, 'a.md')).toBe(
      [
        '--- a/a.md',
        '+++ b/a.md',
        '@@ -1,5 +1,5 @@',
        ' line 1',
        '-line 2',
        '+line two',
        ' line 3',
        ' line 4',
        ' line 5',
        '@@ -15,6 +15,6 @@',
        ' line 15',
        ' line 16',
        ' line 17',
        '-line 18',
        '+line eighteen',
        ' line 19',
        ' line 20',
        '',
      ].join('\n'),
    );
  });

  test('should say when a file has no final newline', () => {
    expect(unifiedDiff('a\nb', 'a\nb\n:::', 'a.md')).toBe(
      ['--- a/a.md', '+++ b/a.md', '@@ -1,2 +1,3 @@', ' a', '-b', '\\ No newline at end of file', '+b', '+:::', '\\ No newline at end of file', ''].join('\n'),
    );
  });

  test('should number an insertion into an empty file from line 0', () => {
    expect(unifiedDiff('', 'a\n', 'a.md')).toBe(['--- a/a.md', '+++ b/a.md', '@@ -0,0 +1 @@', '+a', ''].join('\n'));
  });
});
