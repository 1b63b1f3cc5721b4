/**
 * The ids of a page's boxes: the one an author asks for with `{#id}`, else a
 * slug of the title, made unique on the page (`-2`, `-3`…); a clash is a problem.
 */
import type { Position } from 'unist';
import type { Problem } from '../boxes/define.js';
import { formatPlace } from './errors.js';
import { cut } from '../text/cut.js';

/** A slug for an id: lowercase letters and digits of any script, joined by dashes. */
export function slugify(text: string): string {
  // Plain ASCII (most titles) needs neither normalisation nor Unicode classes.
  const ascii = /^[\x20-\x7e]*$/.test(text);
  const slug = (ascii ? text : text.normalize('NFKC'))
    .toLowerCase()
    .replace(ascii ? /[^a-z0-9]+/g : /[^\p{L}\p{N}\p{M}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return cut(slug, 80).replace(/-+$/, '');
}

/** The ids given on one page. */
export class PageIds {
  /** Ids given so far, with the place of the box that has each. */
  private readonly ids = new Map<string, Position | undefined>();
  /** Per slug, the next number to try, so ten thousand boxes titled alike do not rescan `-2`, `-3`… each time. */
  private readonly nextSuffix = new Map<string, number>();

  /** A unique id: the one asked for, or a slug of the title. */
  claim(requested: string | undefined, title: string, fallback: string, place: Position | undefined, report: (problem: Problem) => void): string {
    if (requested !== undefined) {
      if (!this.isTaken(requested)) {
        this.take(requested, place);
        return requested;
      }
      const clash = this.ids.has(requested) ? requested : `${requested}-title`;
      report({
        ruleId: 'duplicate-id',
        reason: clash === requested
          ? `the id "${requested}" is already used by the box at ${formatPlace(this.ids.get(requested))}`
          : `the id "${requested}" would give this box's title the id "${clash}", which is already used by the box at ${formatPlace(this.ids.get(clash))}`,
        fix: 'give each box its own {#id}, or leave it out to get one made from the title',
      });
    }
    const base = slugify(title) || fallback;
    let id = base;
    if (this.isTaken(id)) {
      // Ids are never given back, so every number below the remembered one is still taken.
      let n = this.nextSuffix.get(base) ?? 2;
      while (this.isTaken(`${base}-${n}`)) n++;
      this.nextSuffix.set(base, n + 1);
      id = `${base}-${n}`;
    }
    this.take(id, place);
    return id;
  }

  // Every box's heading gets the id `<id>-title` (its accessible name points at it), so a box
  // `{#vow-title}` and a box `{#vow}` would share one: reserve both ids together.
  private isTaken(id: string): boolean {
    return this.ids.has(id) || this.ids.has(`${id}-title`);
  }

  private take(id: string, place: Position | undefined): void {
    this.ids.set(id, place);
    this.ids.set(`${id}-title`, place);
  }
}
