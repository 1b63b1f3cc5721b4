import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { entitySchema } from 'fact-boxes';

/** News and analysis, in Markdown or MDX, with fact boxes. */
const articles = defineCollection({
  loader: glob({ pattern: '**/*.{md,mdx}', base: './site/content/articles' }),
  schema: z.object({
    title: z.string(),
    /** Who publishes it; also the publisher in the JSON-LD. */
    publisher: z.string(),
    /** The author's note shown under the byline, as the original has it. */
    authorBio: z.string().optional(),
    /** Publication date, when known. */
    date: z.coerce.date().optional(),
    description: z.string().optional(),
    /** The article's language, a BCP 47 tag (default `en`); its fact boxes are written in it too. */
    lang: z.string().optional(),
    /** For a translation: the id of the article it translates. */
    original: z.string().optional(),
  }),
});

/**
 * The actors the articles name, one YAML file each (its name is the id). The
 * fact-boxes integration reads the same folder, so boxes recognise them.
 */
const entities = defineCollection({
  loader: glob({ pattern: '**/*.{yaml,yml,json}', base: './site/content/entities' }),
  schema: entitySchema,
});

export const collections = { articles, entities };
