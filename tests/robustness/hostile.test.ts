/**
 * The hostile input catalogue: fixtures in ./fixtures, each rendered through
 * the ordinary pipeline, with what must (and must not) come out. Every
 * fixture is also checked against the output contract: no script, frame,
 * event handler or non-http(s) URL, whatever the author wrote.
 */
import { readFileSync } from 'node:fs';
import type { Element, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { describe, expect, test } from 'vitest';
import { render, type Rendered } from '../helpers/pipeline.js';
import { squash, unsafeParts } from './safety.js';

function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
}

/** Render a fixture in warn mode (so every problem is reported) and check the output contract. */
async function renderFixture(name: string, markdown = fixture(name)): Promise<Rendered> {
  const rendered = await render(markdown, { onInvalid: 'warn' }, name);
  expect(unsafeParts(rendered.html)).toEqual([]);
  return rendered;
}

function places(rendered: Rendered): string[] {
  return rendered.messages.map((message) => `${message.place} ${message.ruleId}`);
}

function records(rendered: Rendered) {
  return rendered.file.data.factBoxes ?? [];
}

function text(tree: Root | Element, selector: string): string | undefined {
  const found = select(selector, tree);
  return found ? squash(toString(found)) : undefined;
}

describe('hostile input catalogue', () => {
  test('should drop raw HTML in titles, group names and events, keeping the words around it', async () => {
    const rendered = await renderFixture('html-in-labels.md');
    const { tree, messages } = rendered;
    expect(messages).toEqual([]);
    expect(selectAll('section script, section img, section iframe, section b, section a', tree)).toEqual([]);
    expect(selectAll('.fact-box__title', tree).map((title) => squash(toString(title)))).toEqual(['Vow alert(1) made', 'Kataib Hezbollah', 'Casualties', 'Escalation']);
    expect(selectAll('tbody th', tree).map((cell) => squash(toString(cell)))).toEqual(['US personnel', 'Civilians x']);
    // Inline HTML adds no line breaks to the plain text of records (titles, events, group names).
    expect(records(rendered).map((record) => record.title)).toEqual(['Vow alert(1) made', 'Kataib Hezbollah', 'Casualties', 'Escalation']);
    expect((records(rendered)[2]!.attributes.groups as { name: string }[]).map((group) => group.name)).toEqual(['US personnel', 'Civilians x']);
    expect((records(rendered)[3]!.attributes.events as { text: string }[]).map((event) => event.text)).toEqual(['Attacks alert(1) begin.', 'Strikes here.']);
  });

  test('should show HTML and script in attribute values as text, escaped, and keep them exact in records', async () => {
    const rendered = await renderFixture('script-in-attributes.md');
    const { tree, html, messages } = rendered;
    expect(messages).toEqual([]);
    expect(selectAll('section script, section img, section iframe, section svg, section style', tree)).toEqual([]);
    expect(html).toContain('&#x3C;script>alert(1)&#x3C;/script>');
    expect(text(tree, '[data-fact="by"] dd')).toBe('<script>alert(1)</script>, <img src=x onerror=alert(1)>');
    expect(text(tree, '.fact-box__rating')).toBe('</strong><script>alert(2)</script>');
    expect(text(tree, '.fact-box--claim .fact-box__source')).toBe('Source: </footer><iframe src=javascript:alert(3)>');
    expect(text(tree, '.fact-box__characterisation q')).toBe('light</q><script>alert(5)</script>');
    expect(text(tree, '[data-fact="leader"] dd')).toBe("{{constructor.constructor('alert(6)')()}}");
    expect(text(tree, '[data-fact="based"] dd')).toBe('${alert(7)}');
    expect(records(rendered)[0]!.attributes).toMatchObject({ by: '<script>alert(1)</script>', role: '<img src=x onerror=alert(1)>', ratingLabel: '</strong><script>alert(2)</script>' });
    expect(records(rendered)[2]!.attributes.aliases).toEqual(['<b>PMF</b>', 'Hashd']);
  });

  test('should keep quotes inside values as text, report a second attribute, and never emit it', async () => {
    const rendered = await renderFixture('quote-breaking.md');
    const { tree, html } = rendered;
    expect(places(rendered)).toEqual(['5:22 unknown-attribute', '9:1 missing-attribute', '9:10 invalid-attribute', '9:36 invalid-attribute', '9:36 invalid-attribute', '13:1 malformed-opening']);
    expect(records(rendered)[0]!.attributes).toMatchObject({ by: 'Police" onmouseover="alert(1)', sourceUrl: 'https://example.com/%22onmouseover=%22alert(2)' });
    expect(select('.fact-box__source-link', tree)?.properties.href).toBe('https://example.com/%22onmouseover=%22alert(2)');
    expect(text(tree, '[data-fact="by"] dd')).toBe('Police" onmouseover="alert(1)');
    // An id or class name with quotes or spaces is refused (said so), never written into the page.
    expect(rendered.messages[2]!.reason).toContain('the id "x\\" onclick=\\"alert(4)" cannot be used');
    expect(rendered.messages[3]!.reason).toContain('the class "a\\"" cannot be used');
    expect(html).not.toContain('alert(4)');
    expect(html).not.toContain('alert(5)');
    expect(select('section:nth-of-type(3)', tree)?.properties).toMatchObject({ id: 'claim', className: ['fact-box', 'fact-box--claim'] });
    // A quote that ends a value early makes the line unreadable: shown as written, and said why.
    expect(squash(toString(tree))).toContain(':::claim{by="Police"spokesperson" date=2023-11-05} A quote inside a quoted value ends it early. :::');
  });

  test('should reject javascript:, data:, protocol-relative and other non-http(s) URLs, and link nothing else', async () => {
    const rendered = await renderFixture('unsafe-urls.md');
    const { tree, messages } = rendered;
    expect(places(rendered)).toEqual([
      ...[1, 5, 9, 13, 17, 21, 25, 29, 33, 37].map((line) => `${line}:17 invalid-attribute`),
      '41:34 invalid-attribute',
    ]);
    const reasons = messages.map((message) => message.reason.replace(/^.*?; got /, 'got '));
    expect(reasons).toEqual([
      expect.stringContaining('got "javascript:alert(1)" (only http and https links are allowed, not "javascript:")'),
      expect.stringContaining('not "JaVaScRiPt:"'),
      expect.stringContaining('got "  javascript:alert(1)" (only http and https links are allowed'),
      expect.stringContaining('got "java\\tscript:alert(1)" (it is not an absolute URL)'),
      // A character reference is decoded by remark-directive first, then rejected.
      expect.stringContaining('got "javascript:alert(1)" (only http and https links are allowed'),
      expect.stringContaining('not "data:"'),
      expect.stringContaining('(protocol-relative URLs are not allowed)'),
      expect.stringContaining('not "vbscript:"'),
      expect.stringContaining('not "file:"'),
      expect.stringContaining('got "https://" (it is not a valid URL)'),
      expect.stringContaining('got "javascript:alert(1)" (it is not a Q-id)'),
    ]);
    const links = selectAll('a, [href], [src], [cite]', tree);
    expect(links.map((element) => element.properties.href ?? element.properties.cite)).toEqual(['https://example.com/Report?a=1&b=%3C2%3E', 'https://example.com/Report?a=1&b=%3C2%3E']);
    expect(records(rendered).filter((record) => 'sourceUrl' in record.attributes)).toHaveLength(1);
  });

  test('should reject enormous, negative and NaN-ish counts, and never add up a total it cannot hold exactly', async () => {
    const rendered = await renderFixture('counts.md');
    const { tree, messages } = rendered;
    expect(messages.map((message) => `${message.place} ${/; got "[^"]*" \(([^)]*)\)/.exec(message.reason)?.[1] ?? message.ruleId}`)).toEqual([
      '1:26 the number is too large',
      '4:26 a count cannot be negative',
      '7:26 it is not a count',
      '10:26 it is not a count',
      '13:26 it is not a count',
      '16:26 the number is too large',
      '19:26 the number is too large',
      '31:16 a count cannot be negative',
      '31:28 it is not a count',
      '30:1 missing-attribute',
    ]);
    const largest = records(rendered)[7]!.attributes.killed;
    expect(largest).toEqual({ kind: 'exact', min: Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER, best: Number.MAX_SAFE_INTEGER, raw: '9007199254740991' });
    expect(text(tree, '#casualties-8 [data-fact="killed"] dd')).toBe('9,007,199,254,740,991');
    // 9,007,199,254,740,991 + 2 is past what a JavaScript number holds exactly: unknown, not 9,007,199,254,740,992.
    expect(records(rendered)[8]!.attributes.total).toEqual({ killed: { kind: 'unknown', raw: '?' } });
    expect(text(tree, '#casualties-9 tfoot td')).toBe('unknown');
  });

  test('should reject impossible dates (0000-00-00, 29 February outside leap years, day 00, full-width digits)', async () => {
    const rendered = await renderFixture('dates.md');
    expect(rendered.messages.map((message) => `${message.place} ${/\(([^)]*)\)\. Fix/.exec(message.reason)?.[1]}`)).toEqual([
      '1:17 there is no year 0000',
      '4:17 February 2023 has 28 days',
      '10:17 February 1900 has 28 days',
      '16:17 November 2023 has 30 days',
      '19:17 it is not a date in the form YYYY, YYYY-MM or YYYY-MM-DD',
      '22:37 it ends before it starts',
      '26:1 there is no year 0000',
    ]);
    const dates = records(rendered).map((record) => (record.attributes.date as { iso?: string } | undefined)?.iso);
    expect(dates.slice(0, 7)).toEqual([undefined, undefined, '2024-02-29', undefined, '0004-02-29', undefined, undefined]);
    const timeline = records(rendered).at(-1)!;
    expect((timeline.attributes.events as { text: string }[]).map((event) => event.text)).toEqual(['The end.']);
    // The item with a bad date is shown as written.
    expect(squash(toString(rendered.tree))).toContain('0000-00-00: Nothing happened.');
  });

  test('should report duplicate ids and ids with markup, and keep every id on the page unique, titles included', async () => {
    const rendered = await renderFixture('ids.md');
    expect(places(rendered)).toEqual(['4:18 duplicate-id', '13:17 duplicate-id', '16:18 duplicate-id', '22:17 invalid-attribute']);
    expect(rendered.messages[2]!.reason).toContain('the id "vow-title" is already used by the box at 7:1');
    expect(rendered.messages[3]!.reason).toContain('cannot be used: an id has no spaces and none of < > " \' `. Fix: write {#script-alert-1-script}');
    expect(records(rendered).map((record) => record.id)).toEqual(['same', 'second', 'vow', 'vow-2', 'third', 'fourth', 'vow-title-2', 'fifth']);
    const ids = selectAll('[id]', rendered.tree).map((element) => String(element.properties.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(selectAll('script', rendered.tree)).toEqual([]);
  });

  test('should read a repeated attribute as remark-directive does: the last one wins, ids too; classes add up', async () => {
    const rendered = await renderFixture('duplicate-attributes.md');
    // Each repeat is a warning at the repeated name (never an error): the author may not know which one counts.
    expect(rendered.messages.map((message) => [message.place, message.ruleId, message.fatal])).toEqual([
      ['1:17', 'duplicate-attribute', false],
      ['5:15', 'duplicate-attribute', false],
      ['9:34', 'duplicate-attribute', false],
    ]);
    expect(rendered.messages[0]?.reason).toContain('"by" is given more than once; only the last value ("b") is used');
    expect(records(rendered).map((record) => record.id)).toEqual(['claim-by-b', 'two', 'casualties']);
    expect(records(rendered)[0]!.attributes.by).toBe('b');
    expect(select('#two', rendered.tree)?.properties.className).toEqual(['fact-box', 'fact-box--claim', 'red', 'blue', 'green']);
    expect(records(rendered)[2]!.attributes.killed).toMatchObject({ kind: 'exact', best: 24 });
  });

  test('should leave directives nobody handles as text, unknown containers as plain divs, and box syntax in code as code', async () => {
    const rendered = await renderFixture('inert-markup.md');
    const { tree, messages } = rendered;
    expect(messages).toEqual([]);
    expect(records(rendered)).toEqual([]);
    expect(selectAll('iframe, script, section', tree)).toEqual([]);
    const all = squash(toString(tree));
    expect(all).toContain('stay text: ::iframe{src="javascript:alert(1)"} and :script[alert(1)]{onload="x"}.');
    expect(text(tree, 'p:nth-of-type(2)')).toBe('::iframe{src="javascript:alert(1)"}');
    expect(text(tree, 'div')).toBe('An unknown container becomes a plain div.');
    expect(text(tree, 'pre code')).toBe(':::claim{by="<script>alert(1)</script>"} Box syntax in code is code. :::');
    expect(text(tree, 'p code')).toBe(':::claim{by="x" onclick="alert(1)"}');
  });

  test('should keep right-to-left text, combining marks, emoji and overrides in titles, values and ids', async () => {
    const rendered = await renderFixture('unicode.md');
    expect(rendered.messages).toEqual([]);
    expect(records(rendered).map((record) => [record.id, record.title])).toEqual([
      ['كتائب-حزب-الله-تتوعد', 'كتائب حزب الله تتوعد'],
      ['צבא-ההגנה-לישראל', 'צבא ההגנה לישראל'],
      ['café-final-txt-exe', '\u{1F469}\u200d\u{1F52C} Cafe\u0301 \uFB01nal \u202Etxt.exe'],
    ]);
    expect(records(rendered)[0]!.attributes.by).toBe('كتائب حزب الله');
    expect(records(rendered)[1]!.attributes.aliases).toEqual(['צה״ל', 'IDF']);
    expect(records(rendered)[2]!.attributes.by).toBe('Cafe\u0301');
    expect(select('#كتائب-حزب-الله-تتوعد blockquote', rendered.tree)?.properties.dir).toBe('auto');
  });

  test('should cut a long title\'s id and a long quoted value between characters, never inside one written as two UTF-16 units', async () => {
    // 79 letters, then U+10000: an id cut at 80 units would end with half of it, which no host can write out.
    const title = `${'a'.repeat(79)}\u{10000} more`;
    const value = `${'b'.repeat(56)}\u{1F600} and more words after the face`;
    const rendered = await render(`:::claim[${title}]{by="x" rating="${value}"}\n:::\n`, { onInvalid: 'warn' });
    const id = records(rendered)[0]!.id;
    expect(id).toBe('a'.repeat(79));
    expect(id.isWellFormed()).toBe(true);
    const message = rendered.messages.find((found) => found.reason.includes('rating'))!.reason;
    expect(message.isWellFormed()).toBe(true);
    expect(message).toContain(`"${'b'.repeat(56)}…"`);
  });

  test('should build 50 boxes nested 50 deep (outer fences longer), in document order', async () => {
    const rendered = await renderFixture('deep-nesting.md');
    expect(rendered.messages).toEqual([]);
    expect(records(rendered).map((record) => record.title)).toEqual(Array.from({ length: 50 }, (_, i) => `Level ${i}`));
    expect(records(rendered).map((record) => record.text)).toEqual(Array.from({ length: 50 }, (_, i) => `Says ${i}.`));
    for (let i = 0; i < 49; i++) expect(select(`#level-${i} > .fact-box__body > #level-${i + 1}`, rendered.tree), `level ${i + 1} inside level ${i}`).toBeDefined();
    expect(select('#level-48 > .fact-box__body > #level-49', rendered.tree)).toBeDefined();
    expect(selectAll('blockquote', rendered.tree).map((quote) => squash(toString(quote)))).toEqual(Array.from({ length: 50 }, (_, i) => `Says ${i}.`));
  });

  test('should report 49 unclosed boxes when 50 nested boxes all use ::: and lose none of their text', async () => {
    const markdown = fixture('deep-nesting-same-fences.md');
    const rendered = await renderFixture('deep-nesting-same-fences.md', markdown);
    // The first ::: closes the outermost box (and with it every box inside): each inner box is unclosed.
    expect(places(rendered)).toEqual(Array.from({ length: 49 }, (_, i) => `${3 * (49 - i) + 1}:1 unclosed-box`));
    expect(records(rendered)).toHaveLength(50);
    const all = squash(toString(rendered.tree));
    for (let i = 0; i < 50; i++) expect(all).toContain(`Says ${i}.`);
    // The 49 fences left over are one paragraph of text after the box, not lost.
    const topLevel = rendered.tree.children.filter((node): node is Element => node.type === 'element');
    expect(topLevel.map((element) => element.tagName)).toEqual(['section', 'p']);
    expect(toString(topLevel[1]!)).toBe(Array.from({ length: 49 }, () => ':::').join('\n'));
    await expect(render(markdown, {}, 'deep-nesting-same-fences.md')).rejects.toMatchObject({ name: 'FactBoxesError', line: 148, column: 1 });
  });

  test('should read CRLF line endings exactly as LF: same places, records and restored text, positions slicing the source', async () => {
    const crlf = fixture('crlf.md');
    expect(crlf).toContain('\r\n');
    const lf = crlf.replaceAll('\r\n', '\n');
    const a = await renderFixture('crlf.md', crlf);
    const b = await renderFixture('crlf.md', lf);
    expect(places(a)).toEqual(['3:34 invalid-attribute', '9:1 timeline-order', '12:33 unknown-attribute']);
    expect(places(a)).toEqual(places(b));
    expect(a.messages.map((message) => message.reason)).toEqual(b.messages.map((message) => message.reason));
    const withoutOffsets = (rendered: Rendered) => JSON.stringify(records(rendered), (key, value: unknown) => (key === 'offset' ? undefined : value));
    expect(withoutOffsets(a)).toEqual(withoutOffsets(b));
    expect(a.html.replaceAll('\r\n', '\n')).toEqual(b.html);
    expect(text(a.tree, 'p')).toBe('At 10:30 the score was 3:1 at re:Invent.');
    expect(squash(toString(a.tree))).toContain('Closing note:this and mailto:desk.');
    for (const record of records(a)) {
      const source = crlf.slice(record.position!.start.offset, record.position!.end.offset);
      expect(source).toMatch(/^:::(claim|timeline|casualties)[\s\S]*\r\n:::$/);
    }
  });

  test('should read a file with a UTF-8 byte order mark with exact places and restored text', async () => {
    const markdown = fixture('bom.md');
    expect(markdown.charCodeAt(0)).toBe(0xfeff);
    const rendered = await renderFixture('bom.md', markdown);
    expect(places(rendered)).toEqual(['3:29 invalid-attribute']);
    expect(text(rendered.tree, 'p')).toBe('re:Invent at 10:30, :::claim{by="x"} inline.');
    expect(records(rendered)[0]).toMatchObject({ text: 'Said at 10:30.', position: { start: { line: 3, column: 1 }, end: { line: 5, column: 4 } } });
    await expect(render(markdown, {}, 'bom.md')).rejects.toThrow(/^bom\.md:3:29: claim: "date" must be a date/);
  });
});
