/**
 * Each entry point exports what the README documents and nothing else: the
 * lists are pinned here, so a name added or dropped is a decision, and every
 * runtime name is in the README's "API" section.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const API = README.slice(README.indexOf('\n## API\n'), README.indexOf('\n## HTML\n'));

const ENTRIES: Record<string, string[]> = {
  'fact-boxes': [
    'ACTOR_TYPES',
    'ACTOR_TYPE_WORDS',
    'BUILTIN_LOCALES',
    'CASUALTY_FIELDS',
    'CLAIM_RATINGS',
    'CLAIM_STATUSES',
    'EntityIndex',
    'FactBoxesError',
    'RATING_SCALE',
    'RATING_WORDS',
    'STATUS_WORDS',
    'actor',
    'anchorOf',
    'attributesJsonSchema',
    'boxesJsonSchema',
    'builtinBoxes',
    'builtinStrings',
    'casualties',
    'checkEntities',
    'claim',
    'content',
    'countAttribute',
    'countToWords',
    'dateAttribute',
    'dateToWords',
    'declaredLanguage',
    'defineFactBox',
    'directionOf',
    'entityJsonLd',
    'entityJsonLdId',
    'entitySchema',
    'factBoxWords',
    'h',
    'listAttribute',
    'normaliseName',
    'parseCount',
    'parseDate',
    'parsePeriod',
    'periodAttribute',
    'periodToWords',
    'ratingWord',
    'readFactBoxes',
    'renderCount',
    'renderDate',
    'renderFacts',
    'renderPeriod',
    'serializeJsonLd',
    'sumCounts',
    'textAttribute',
    'timeline',
    'toJsonLd',
    'urlAttribute',
    'valueAttribute',
    'wikidataUrl',
  ],
  'fact-boxes/remark': ['FactBoxesError', 'default', 'remarkRestoreDirectives'],
  'fact-boxes/satteri': ['FactBoxesError', 'default'],
  'fact-boxes/astro': ['default', 'readEntityFiles'],
  'fact-boxes/astro/records': ['getAllFactBoxes', 'getEntities', 'getEntityMentions', 'getFactBoxes'],
  'fact-boxes/astro/html': ['factBoxHtml', 'fillFactBoxHtml'],
};

describe('entry points', () => {
  test.each(Object.entries(ENTRIES))('%s should export exactly its documented names', async (entry, names) => {
    const module = (await import(entry)) as Record<string, unknown>;
    expect(Object.keys(module).sort()).toEqual([...names].sort());
  });

  test.each(Object.entries(ENTRIES).flatMap(([entry, names]) => names.filter((name) => name !== 'default').map((name) => [entry, name])))(
    '%s: %s should be in the README’s API section',
    (_entry, name) => {
      expect(API).toContain(`\`${name}`);
    },
  );

});
