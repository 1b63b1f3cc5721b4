/** Site-wide facts: its name, and who publishes the JSON-LD. */
export const SITE_NAME = 'fact-boxes demo';

/** The publisher named in JSON-LD (`ClaimReview` author). */
export const PUBLISHER = { name: 'fact-boxes demo' } as const;

/** Absolute URL of a page of this site. */
export function pageUrl(path: string, site: URL | undefined): string {
  return new URL(path, site ?? 'http://localhost/').href;
}
