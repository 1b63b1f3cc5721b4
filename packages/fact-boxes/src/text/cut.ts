/**
 * Shortening author text (an id's slug, a value quoted in a message) without
 * splitting a character written as two UTF-16 units (`𐀀`, most emoji): half
 * of one is no character, and a Rust host such as Sätteri cannot carry it.
 */

/**
 * The first `length` UTF-16 units of `text`, one fewer when the last would be
 * the first half of a pair.
 *
 * @example
 *   cut('ab𐀀', 3) // 'ab'
 */
export function cut(text: string, length: number): string {
  if (text.length <= length) return text;
  const last = text.charCodeAt(length - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? length - 1 : length);
}
