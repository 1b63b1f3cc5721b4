/**
 * Entities kept in YAML/JSON files (`readEntityFiles`, used by the Astro
 * integration and `fact-boxes check`): read as Astro's loaders read them, and
 * every mistake reported at its file, line and column, with a fix.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { FactBoxesError } from 'fact-boxes';
import { readEntityFiles } from 'fact-boxes/astro';

/** A folder of files, by name. */
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'fact-boxes-entities-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** The error reading `path` fails with. */
function failure(path: string): FactBoxesError {
  try {
    readEntityFiles(path);
  } catch (error) {
    if (error instanceof FactBoxesError) return error;
    throw error;
  }
  throw new Error('expected readEntityFiles to fail');
}

describe('entity files: reading', () => {
  test('should read one entity per YAML or JSON file, its id the file name', () => {
    const dir = folder({
      'kataib-hezbollah.yaml': 'name: Kataib Hezbollah\ntype: militia\naliases: [KH, Hezbollah Brigades]\nbacked-by: Iran\nactive-since: 2003\n',
      'groups/Port Workers.json': '{ "name": "Port Workers Union", "type": "organization" }\n',
    });
    const { entities, files } = readEntityFiles(dir);
    expect(entities.map((entity) => entity.id)).toEqual(['groups-port-workers', 'kataib-hezbollah']);
    expect(entities[1]).toMatchObject({ name: 'Kataib Hezbollah', aliases: ['KH', 'Hezbollah Brigades'], backedBy: ['Iran'], activeSince: { iso: '2003' } });
    expect(files).toHaveLength(3);
  });

  test('should read one file listing entities, or holding them by id', () => {
    const dir = folder({
      'list.yaml': '- name: Kataib Hezbollah\n  type: militia\n- id: pwu\n  name: Port Workers Union\n  type: organization\n',
      'by-id.yml': 'kh:\n  name: Kataib Hezbollah\n  type: militia\n',
    });
    expect(readEntityFiles(join(dir, 'list.yaml')).entities.map((entity) => entity.id)).toEqual(['kataib-hezbollah', 'pwu']);
    expect(readEntityFiles(join(dir, 'by-id.yml')).entities.map((entity) => entity.id)).toEqual(['kh']);
  });
});

describe('entity files: mistakes, each at its place', () => {
  test('should give every problem of every file, one line each, with file:line:column, the field and a fix', () => {
    const dir = folder({
      'a.yaml': 'name: Port Workers Union\ntpye: organization\nwikidata: 12\n',
      'b.yml': 'type: militia\nbacked-by: Iran\n',
      'c.yaml': 'name: C\ntype: gang\n',
    });
    const error = failure(dir);
    expect(error.stack).toBe('');
    expect(error.message.split('\n')).toEqual([
      '4 problems with fact boxes in 3 files:',
      `${join(dir, 'a.yaml')}:2:1: entity "a": unknown field "tpye"; did you mean "type"? Fix: write type: ….`,
      `${join(dir, 'a.yaml')}:3:1: entity "a": "wikidata" must be a Wikidata item id like Q1143977. Fix: correct wikidata.`,
      `${join(dir, 'b.yml')}:1:1: entity "b": "name" is missing. Fix: add name: ….`,
      `${join(dir, 'c.yaml')}:2:1: entity "c": "type" must be one of person, government, state-forces, militia, rebel-group, political-movement, organization; got "gang". Fix: write type: and one of them.`,
    ]);
  });

  test('should place a YAML syntax error where the parser stopped', () => {
    const dir = folder({ 'pwu.yaml': 'name: Port Workers Union\ntype: organization\naliases: [PWU\n' });
    const error = failure(dir);
    expect(error.problems).toHaveLength(1);
    expect(error.message).toMatch(new RegExp(`^${join(dir, 'pwu.yaml').replace(/[.]/g, '\\.')}:4:1: this YAML cannot be read: .+\\. Fix: check the indentation, quotes and brackets here`));
    expect(error.message).not.toContain('\n');
  });

  test('should place a field of an entity in a list at its key', () => {
    const dir = folder({ 'list.yaml': '- name: A\n  type: militia\n- name: B\n  type: militia\n  leaderr: Z\n' });
    expect(failure(join(dir, 'list.yaml')).message).toBe(`${join(dir, 'list.yaml')}:5:3: entity "B": unknown field "leaderr"; did you mean "leader"? Fix: write leader: ….`);
  });

  test('should say when a JSON file cannot be read, and when two entities share an id', () => {
    const broken = folder({ 'x.json': '{\n  "name": "X",\n  "type": "state",\n}\n' });
    expect(failure(broken).message).toMatch(/x\.json:4:1: this JSON cannot be read: .+\. Fix: check the quotes, commas and brackets here\.$/);
    const twice = folder({ 'list.yaml': '- id: kh\n  name: A\n  type: militia\n- id: kh\n  name: B\n  type: militia\n' });
    expect(failure(join(twice, 'list.yaml')).message).toMatch(/list\.yaml: entities in .+: two entities have the id "kh" \(#1 and #2\)\. Fix: give each entity its own id\.$/);
  });
});
