/**
 * A box and the site's entities: the entity a `ref="…"` stands for, and the
 * names a box shows (its `mentions`) matched against the entities' names and
 * aliases, a near miss reported with "did you mean".
 */
import type { ContainerDirective } from 'mdast-util-directive';
import type { AnyFactBoxDefinition, Problem } from '../boxes/define.js';
import type { Entity } from '../entities/entity.js';
import { toKebabCase } from '../text/case.js';
import { didYouMean } from '../text/spelling.js';
import { locateAttribute, quote } from '../text/written.js';
import type { DocumentState } from './state.js';

/** The entity a `ref` names, or a problem (unknown id, or no entities at all). */
export function refOf(box: string, written: string, state: DocumentState, node: ContainerDirective, report: (problem: Problem) => void): { entity?: Entity } {
  const id = written.trim();
  const entity = state.entities?.get(id);
  if (entity) return { entity };
  const place = locateAttribute(state.source, node.position, 'ref');
  if (!state.entities || state.entities.size === 0) {
    report({
      ruleId: 'unknown-entity',
      reason: `${box}: ref=${quote(id)} names an entity, but the site has none`,
      fix: 'define the entity (the entities option, or a file in the entities folder), or write the box out in full',
      place,
    });
    return {};
  }
  const guess = didYouMean(id, state.entities.ids());
  report({
    ruleId: 'unknown-entity',
    reason: `${box}: there is no entity with the id ${quote(id)}${guess ? `; did you mean "${guess}"?` : ''}`,
    fix: guess ? `write ref="${guess}"` : 'use the id of a defined entity (its file name), or define it',
    place,
  });
  return {};
}

/**
 * Match the names a box shows (its `mentions`) against the site's entities:
 * the ids of those that match, by attribute; a near miss is a warning.
 */
export function recogniseNames(definition: AnyFactBoxDefinition, box: string, title: string | undefined, attributes: Record<string, unknown>, state: DocumentState, node: ContainerDirective, report: (problem: Problem) => void): Record<string, string> {
  const found: Record<string, string> = {};
  for (const attribute of definition.mentions!) {
    const name = attribute === 'title' ? title : attributes[attribute];
    if (typeof name !== 'string' || name === '') continue;
    const match = state.entities!.match(name);
    if (!match) continue;
    if ('entity' in match) {
      found[attribute] = match.entity.id;
      continue;
    }
    const written = attribute === 'title' ? undefined : toKebabCase(attribute);
    report({
      ruleId: 'entity-near-miss',
      severity: 'warning',
      reason: `${box}: ${quote(name)} is not the name of a known actor; did you mean "${match.name}" (${match.nearMiss.id})?`,
      fix: written ? `write ${written}="${match.name}", or leave it if it is another actor` : `write :::${box}[${match.name}], or leave it if it is another actor`,
      place: written ? locateAttribute(state.source, node.position, written) ?? node.position : node.position,
    });
  }
  return found;
}
