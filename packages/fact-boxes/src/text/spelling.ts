/**
 * Spelling: how close a misspelt name is to the names a box knows, for
 * "did you mean" in messages and the renames of `fact-boxes check --fix`.
 */

/**
 * The Damerau–Levenshtein distance (optimal string alignment) of two strings
 * if it is at most `limit`, else `undefined`: one row at a time, stopping as
 * soon as every path is over the limit (for near misses among many names).
 */
export function editDistanceWithin(a: string, b: string, limit: number): number | undefined {
  if (Math.abs(a.length - b.length) > limit) return undefined;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let smallest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      row.push(value);
      if (value < smallest) smallest = value;
    }
    if (smallest > limit) return undefined;
    before = previous;
    previous = row;
  }
  const distance = previous[b.length]!;
  return distance <= limit ? distance : undefined;
}

/** The edit distance of two strings, whatever it is. */
function editDistance(a: string, b: string): number {
  return editDistanceWithin(a, b, Number.POSITIVE_INFINITY)!;
}

/**
 * The closest candidate to a misspelt name, if one is close enough to be a typo.
 *
 * @example
 *   didYouMean('casualty', ['claim', 'casualties']) // 'casualties'
 */
export function didYouMean(name: string, candidates: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase());
    const allowed = Math.max(lower.length < 4 ? 1 : 2, Math.floor(Math.max(lower.length, candidate.length) / 3));
    if (distance <= allowed && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Case, spaces and underscores aside: `Mostly True` and `mostly_true` are written `mostly-true`. */
function normaliseWord(word: string): string {
  return word.trim().toLowerCase().replace(/[\s_]+/g, '-');
}

/** `claim` and `claims`, `casualty` and `casualties`, `box` and `boxes`: one word, singular and plural. */
function isPluralOf(plural: string, singular: string): boolean {
  return plural === `${singular}s` || plural === `${singular}es` || (singular.endsWith('y') && plural === `${singular.slice(0, -1)}ies`);
}

/**
 * The one candidate that `word` is a misspelling of: the same word but for
 * one slip (a letter missing, extra or wrong, two letters swapped), a plural
 * ending, case, or spaces and underscores for dashes. Unlike `didYouMean`, it
 * never offers a different word that merely looks alike (`disproved` is not
 * `disputed`), and gives nothing when two candidates fit. Values get their
 * suggestions from it, and `fact-boxes check --fix` changes only what it finds.
 *
 * @example
 *   nearSpelling('confimred', ['confirmed', 'disputed']) // 'confirmed'
 *   nearSpelling('disproved', ['confirmed', 'disputed']) // undefined
 */
export function nearSpelling(word: string, candidates: Iterable<string>): string | undefined {
  const written = normaliseWord(word);
  const matches: string[] = [];
  for (const candidate of candidates) {
    const known = normaliseWord(candidate);
    if (known === written) return candidate;
    const oneSlip = Math.max(known.length, written.length) >= 3 && editDistance(written, known) === 1;
    if (oneSlip || isPluralOf(written, known) || isPluralOf(known, written)) matches.push(candidate);
  }
  return matches.length === 1 ? matches[0] : undefined;
}
