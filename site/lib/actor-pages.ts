/** The actors of the entities collection, and the boxes across the site that name each one. */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Entity, FactBoxRecord } from 'fact-boxes';
import { getEntityMentions } from 'fact-boxes/astro/records';
import { articlePath } from './site.ts';

export { actorPath } from './actors.ts';

/** An actor of the entities collection, as fact-boxes knows it (its id is its file's name). */
export function entityOf(entry: CollectionEntry<'entities'>): Entity {
  return { ...entry.data, id: entry.id };
}

let actors: Promise<Entity[]> | undefined;

/** Every actor, by name (one list for the whole build, so fact-boxes indexes it once). */
export function getActors(): Promise<Entity[]> {
  return (actors ??= getCollection('entities').then((entries: CollectionEntry<'entities'>[]) => entries.map(entityOf).sort((a: Entity, b: Entity) => a.name.localeCompare(b.name, 'en'))));
}

/** A box that names an actor, with the article it is in and the address of the box itself. */
export interface ActorMention {
  record: FactBoxRecord;
  /** The attributes that name the actor: `by`, `party`, `title`. */
  attributes: string[];
  article: CollectionEntry<'articles'>;
  /** The article's path and the box's anchor. */
  href: string;
}

/**
 * Every box of every article that names each actor, from the integration's
 * site-wide store: one pass over the records, nothing rendered again.
 */
export async function getActorMentions(): Promise<Map<string, ActorMention[]>> {
  const entries: CollectionEntry<'articles'>[] = await getCollection('articles');
  const articles = new Map(entries.map((entry) => [entry.filePath, entry]));
  const byActor = new Map<string, ActorMention[]>();
  for (const [id, mentions] of getEntityMentions()) {
    const list: ActorMention[] = [];
    for (const mention of mentions) {
      const article = articles.get(mention.file);
      if (article) list.push({ record: mention.record, attributes: mention.attributes, article, href: `${articlePath(article)}#${mention.record.id}` });
    }
    byActor.set(id, list);
  }
  return byActor;
}
