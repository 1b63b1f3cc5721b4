/** The text of each page of a PDF, read with PDF.js. */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * One string per page, in page order: the text items as PDF.js reads them.
 *
 * @example
 *   const pages = await pdfPageTexts(await page.pdf());
 *   pages.length // the page count
 */
export async function pdfPageTexts(pdf: Uint8Array): Promise<string[]> {
  const task = getDocument({ data: new Uint8Array(pdf), verbosity: 0, disableFontFace: true });
  const document = await task.promise;
  try {
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
    }
    return pages;
  } finally {
    await task.destroy();
  }
}

/**
 * Text to compare what a page shows with what the DOM holds, however lines were broken:
 * no whitespace, and none of what CSS generates (quotation marks, the status symbols ✓ ? ✗ –).
 */
export function compact(text: string): string {
  return text.normalize('NFKC').replace(/[\s"'“”‘’«»„‚‹›?✓✗–]+/g, '');
}

/**
 * Whether a line can be looked for in a PDF's text. Text extraction gives right-to-left runs
 * in visual order with shaped glyph clusters, not as written: lines in Arabic, Persian or Hebrew
 * are not compared (right-to-left pages are checked by geometry instead).
 */
export const comparable = (line: string) => !/[\u0590-\u05ff\u0600-\u06ff\ufb1d-\ufdff\ufe70-\ufeff]/.test(line);
