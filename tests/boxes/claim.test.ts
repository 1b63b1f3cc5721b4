import { CLAIM_RATINGS, CLAIM_STATUSES, RATING_WORDS, STATUS_WORDS, type FactBoxRecord } from 'fact-boxes';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { describe, expect, test } from 'vitest';
import { describeMessages, render, textOf } from '../helpers/pipeline.js';

/** A claim box on line 3 (after an intro paragraph); its attributes start at column 10. */
function claimBox(attributes: string, body = 'The quote.', label = ''): string {
  return `Intro.\n\n:::claim${label}{${attributes}}\n${body}\n:::\n`;
}

/** Render Markdown that must be valid: no messages at all. */
async function renderValid(markdown: string) {
  const rendered = await render(markdown);
  expect(describeMessages(rendered)).toEqual([]);
  const records = rendered.file.data.factBoxes ?? [];
  expect(records).toHaveLength(1);
  return { ...rendered, record: records[0] as FactBoxRecord };
}

describe('claim: each attribute, valid', () => {
  test('should show "by" as the claimant and make the default title from it', async () => {
    const { tree, record } = await renderValid(claimBox('by="Ashab al-Kahf"'));
    expect(textOf(tree, '[data-fact="by"] dt')).toBe('Claimed by');
    expect(textOf(tree, '[data-fact="by"] dd')).toBe('Ashab al-Kahf');
    expect(textOf(tree, '.fact-box__title')).toBe('Claim by Ashab al-Kahf');
    expect(record.title).toBe('Claim by Ashab al-Kahf');
    expect(record.attributes.by).toBe('Ashab al-Kahf');
  });

  test('should make the default title for an empty label (`[]`) too, not an empty heading', async () => {
    const { tree, record } = await renderValid(':::claim[]{by="Ashab al-Kahf"}\nWe will act.\n:::\n');
    expect(textOf(tree, '.fact-box__title')).toBe('Claim by Ashab al-Kahf');
    expect(record.title).toBe('Claim by Ashab al-Kahf');
    expect(textOf(tree, '.fact-box__quote')).toBe('We will act.');
  });

  test('should show "role" after the claimant', async () => {
    const { tree, record } = await renderValid(claimBox('by="Ashab al-Kahf" role="Iran-backed militia"'));
    expect(textOf(tree, '[data-fact="by"] dd')).toBe('Ashab al-Kahf, Iran-backed militia');
    expect(textOf(tree, '[data-fact="by"] .fact-box__role')).toBe(', Iran-backed militia');
    expect(record.attributes.role).toBe('Iran-backed militia');
  });

  test('should show "date" in words inside <time datetime>', async () => {
    const { tree, record } = await renderValid(claimBox('by="x" date=2023-11-05'));
    const time = select('[data-fact="date"] time', tree);
    expect(time?.properties.dateTime).toBe('2023-11-05');
    expect(toString(time!)).toBe('5 November 2023');
    expect(record.attributes.date).toEqual({ kind: 'date', precision: 'day', year: 2023, month: 11, day: 5, approximate: false, iso: '2023-11-05', raw: '2023-11-05' });
  });

  test('should show an approximate date as "around"', async () => {
    const { tree } = await renderValid(claimBox('by="x" date=2023-10~'));
    const time = select('[data-fact="date"] time', tree);
    expect(time?.properties.dateTime).toBe('2023-10');
    expect(toString(time!)).toBe('around October 2023');
  });

  test('should default "status" to unverified, in words', async () => {
    const { tree, record } = await renderValid(claimBox('by="x"'));
    expect(record.attributes.status).toBe('unverified');
    const status = select('[data-fact="status"] .fact-box__status', tree);
    expect(status?.properties.dataStatus).toBe('unverified');
    expect(toString(status!)).toBe('Unverified');
    expect(textOf(tree, '.fact-box__kind')).toBe('Claim');
  });

  test.each(CLAIM_STATUSES.map((status) => [status, STATUS_WORDS[status]] as const))('should write status=%s as %j', async (status, words) => {
    const { tree, record } = await renderValid(claimBox(`by="x" status=${status}`));
    expect(record.attributes.status).toBe(status);
    const element = select('[data-fact="status"] .fact-box__status', tree);
    expect(element?.properties.dataStatus).toBe(status);
    expect(toString(element!)).toBe(words);
    expect(textOf(tree, '.fact-box__kind')).toBe('Claim');
  });

  test('should name every status and verdict in words', () => {
    expect(STATUS_WORDS).toEqual({ unverified: 'Unverified', confirmed: 'Confirmed', disputed: 'Disputed', denied: 'Denied', retracted: 'Retracted' });
    expect(RATING_WORDS).toEqual({
      true: 'True',
      'mostly-true': 'Mostly true',
      mixed: 'Mixed',
      'mostly-false': 'Mostly false',
      false: 'False',
      misleading: 'Misleading',
      'missing-context': 'Missing context',
      unproven: 'Unproven',
    });
  });

  test.each(CLAIM_RATINGS.map((rating) => [rating, RATING_WORDS[rating]] as const))('should make rating=%s a fact check whose verdict reads %j', async (rating, words) => {
    const { tree, record } = await renderValid(claimBox(`by="x" rating=${rating}`));
    expect(record.attributes.rating).toBe(rating);
    expect(textOf(tree, '.fact-box__kind')).toBe('Fact check');
    expect(textOf(tree, '[data-fact="rating"] dt')).toBe('Our verdict');
    const verdict = select('[data-fact="rating"] .fact-box__rating', tree);
    expect(verdict?.properties.dataRating).toBe(rating);
    expect(toString(verdict!)).toBe(words);
    // The status of the claim is still said, apart from the verdict.
    expect(textOf(tree, '[data-fact="status"] dd')).toBe('Unverified');
  });

  test('should show "rating-label" as the verdict, with the scale word beside it', async () => {
    const { tree, record } = await renderValid(claimBox('by="x" rating=false rating-label="Pants on Fire"'));
    expect(record.attributes.ratingLabel).toBe('Pants on Fire');
    expect(textOf(tree, '[data-fact="rating"] .fact-box__rating')).toBe('Pants on Fire');
    expect(textOf(tree, '[data-fact="rating"] dd')).toBe('Pants on Fire (false)');
  });

  test('should show "source" in the footer', async () => {
    const { tree, record } = await renderValid(claimBox('by="x" source="Reuters"'));
    expect(record.attributes.source).toBe('Reuters');
    expect(textOf(tree, 'footer.fact-box__source')).toBe('Source: Reuters');
    expect(select('footer a', tree)).toBeUndefined();
  });

  test('should link "source-url" from the source, and cite it on the quotation', async () => {
    const { tree, record } = await renderValid(claimBox('by="x" source="Reuters" source-url="https://www.reuters.com/world/a"'));
    expect(record.attributes.sourceUrl).toBe('https://www.reuters.com/world/a');
    const link = select('footer a', tree);
    expect(link?.properties.href).toBe('https://www.reuters.com/world/a');
    expect(toString(link!)).toBe('Reuters');
    expect(textOf(tree, 'footer')).toBe('Source: Reuters (https://www.reuters.com/world/a)');
    expect(select('blockquote.fact-box__quote', tree)?.properties.cite).toBe('https://www.reuters.com/world/a');
  });

  test('should name a link without a source after its host', async () => {
    const { tree } = await renderValid(claimBox('by="x" source-url="http://www.example.org/statement"'));
    expect(textOf(tree, 'footer a')).toBe('example.org');
  });

  test('should expose every attribute camelCased on the record', async () => {
    const { record } = await renderValid(
      claimBox('by="Pentagon" role="US defence ministry" date=2023-11 status=disputed rating=misleading rating-label="Spin" source="AP" source-url="https://apnews.com/x"'),
    );
    expect(record).toMatchObject({
      type: 'claim',
      attributes: {
        by: 'Pentagon',
        role: 'US defence ministry',
        date: { iso: '2023-11', precision: 'month' },
        status: 'disputed',
        rating: 'misleading',
        ratingLabel: 'Spin',
        source: 'AP',
        sourceUrl: 'https://apnews.com/x',
      },
    });
    expect(Object.keys(record.attributes)).not.toContain('rating-label');
    expect(Object.keys(record.attributes)).not.toContain('source-url');
  });
});

describe('claim: the body', () => {
  test('should quote the first block and put what follows in the context', async () => {
    const { tree, record } = await renderValid(claimBox('by="x"', 'We are only left with a military solution.\n\nThe group has claimed attacks before.'));
    expect(textOf(tree, 'blockquote.fact-box__quote')).toBe('We are only left with a military solution.');
    expect(select('blockquote.fact-box__quote', tree)?.properties.dir).toBe('auto');
    const context = select('.fact-box__body', tree);
    expect(context?.properties.id).toBe('claim-by-x-context');
    expect(toString(context!)).toBe('The group has claimed attacks before.');
    expect(record.text).toBe('We are only left with a military solution.\nThe group has claimed attacks before.');
  });

  test('should not quote a quotation twice when the body starts with a blockquote', async () => {
    const { tree } = await renderValid(claimBox('by="x"', '> Peaceful solutions have failed.'));
    expect(selectAll('blockquote', tree)).toHaveLength(1);
    expect(textOf(tree, 'blockquote.fact-box__quote > p')).toBe('Peaceful solutions have failed.');
  });

  test('should render Markdown in the title and body', async () => {
    const { tree, record } = await renderValid(claimBox('by="x"', 'A **bold** claim.', '[Vow by *the militia*]'));
    expect(select('.fact-box__title em', tree)).toBeDefined();
    expect(textOf(tree, '.fact-box__title')).toBe('Vow by the militia');
    expect(textOf(tree, 'blockquote strong')).toBe('bold');
    expect(record.title).toBe('Vow by the militia');
    expect(record.id).toBe('vow-by-the-militia');
  });

  test('should keep a box nested in a claim out of the claim’s text: it has a record of its own', async () => {
    const rendered = await render('::::claim[Outer]{by="x"}\nWe struck back.\n\n:::casualties[Inner]{killed=1 source="s"}\nOne killed.\n:::\n::::\n');
    expect(describeMessages(rendered)).toEqual([]);
    expect(select('section#outer section#inner', rendered.tree)).toBeDefined();
    expect(rendered.file.data.factBoxes?.map((record) => [record.id, record.text])).toEqual([
      ['outer', 'We struck back.'],
      ['inner', 'One killed.'],
    ]);
  });

  test('should render a claim without a body', async () => {
    const { tree } = await renderValid('Intro.\n\n:::claim{by="x"}\n:::\n');
    expect(select('blockquote', tree)).toBeUndefined();
    expect(textOf(tree, '[data-fact="by"] dd')).toBe('x');
  });
});

describe('claim: the frame (DESIGN §4)', () => {
  test('should render one labelled section with a type, class and id', async () => {
    const { tree } = await renderValid(claimBox('by="x"', 'Q.', '[Militia vows to target the embassy]'));
    const sections = selectAll('section', tree);
    expect(sections).toHaveLength(1);
    const box = sections[0]!;
    expect(box.properties).toMatchObject({
      id: 'militia-vows-to-target-the-embassy',
      className: ['fact-box', 'fact-box--claim'],
      dataFactBox: 'claim',
      ariaLabelledBy: ['militia-vows-to-target-the-embassy-title'],
    });
    const heading = select('h2#militia-vows-to-target-the-embassy-title', tree);
    expect(toString(heading!)).toBe('Militia vows to target the embassy');
  });

  test('should add classes written as .name', async () => {
    const { tree } = await renderValid(claimBox('by="x" .wide .highlight'));
    expect(select('section', tree)?.properties.className).toEqual(['fact-box', 'fact-box--claim', 'wide', 'highlight']);
  });

  test('should escape attribute values, never output them as HTML', async () => {
    const { html, tree } = await renderValid(claimBox('by="<script>alert(1)</script>" role="<img src=x onerror=alert(1)>"'));
    expect(select('script', tree)).toBeUndefined();
    expect(select('img', tree)).toBeUndefined();
    expect(html).not.toContain('<script>');
    expect(textOf(tree, '[data-fact="by"] dd')).toBe('<script>alert(1)</script>, <img src=x onerror=alert(1)>');
  });
});

describe('claim: each attribute, invalid (messages point at the attribute on the opening line)', () => {
  test.each<[what: string, attributes: string, place: string, ruleId: string, pieces: string[]]>([
    ['"by" missing', 'role="Iran-backed militia"', '3:1', 'missing-attribute', ['claim: "by" is required', 'Fix: add by="…" inside the {…} after :::claim.']],
    ['"by" empty', 'by=""', '3:10', 'invalid-attribute', ['claim: "by" must be some text; got ""', '(the value is empty)']],
    ['"role" blank', 'by="x" role="  "', '3:17', 'invalid-attribute', ['"role" must be some text; got "  "']],
    ['"date" with month 13', 'by="x" date=2023-13-01', '3:17', 'invalid-attribute', ['"date" must be a date like 2023, 2023-11 or 2023-11-05', 'got "2023-13-01" (there is no month 13)', 'Fix: write it like date="2023-11-05".']],
    ['"date" in words', 'by="x" date="5 Nov 2023"', '3:17', 'invalid-attribute', ['"date" must be a date', 'got "5 Nov 2023"']],
    ['"date" on 30 February', 'by="x" date=2023-02-30', '3:17', 'invalid-attribute', ['(February 2023 has 28 days)']],
    ['"status" misspelt', 'by="x" status=confirmd', '3:17', 'invalid-attribute', ['"status" must be one of unverified, confirmed, disputed, denied, retracted; got "confirmd"; did you mean "confirmed"?', 'Fix: write status="confirmed".']],
    ['"status" unknown', 'by="x" status=alleged', '3:17', 'invalid-attribute', ['"status" must be one of unverified, confirmed, disputed, denied, retracted; got "alleged".', 'Fix: choose one of unverified, confirmed, disputed, denied, retracted.']],
    ['"rating" misspelt', 'by="x" rating=flase', '3:17', 'invalid-attribute', ['"rating" must be one of true, mostly-true, mixed, mostly-false, false, misleading, missing-context, unproven; got "flase"; did you mean "false"?', 'Fix: write rating="false".']],
    ['"rating" in house words', 'by="x" rating=pants-on-fire', '3:17', 'invalid-attribute', ['"rating" must be one of', 'got "pants-on-fire"', 'Fix: choose one of']],
    ['"rating-label" empty', 'by="x" rating=false rating-label=""', '3:30', 'invalid-attribute', ['"rating-label" must be some text; got ""']],
    ['"source" empty', 'by="x" source=""', '3:17', 'invalid-attribute', ['"source" must be some text; got ""']],
    ['"source-url" javascript:', 'by="x" source-url="javascript:alert(1)"', '3:17', 'invalid-attribute', ['"source-url" must be an http or https URL; got "javascript:alert(1)" (only http and https links are allowed, not "javascript:")', 'Fix: write it like source-url="https://example.com/report".']],
    ['"source-url" data:', 'by="x" source-url="data:text/html,<b>hi</b>"', '3:17', 'invalid-attribute', ['not "data:"']],
    ['"source-url" protocol-relative', 'by="x" source-url="//evil.example/x"', '3:17', 'invalid-attribute', ['got "//evil.example/x" (protocol-relative URLs are not allowed)']],
    ['"source-url" ftp:', 'by="x" source-url="ftp://files.example/report.pdf"', '3:17', 'invalid-attribute', ['not "ftp:"']],
    ['"source-url" relative', 'by="x" source-url="/reports/1"', '3:17', 'invalid-attribute', ['got "/reports/1" (it is not an absolute URL)']],
    ['"source-url" without a host', 'by="x" source-url="https://"', '3:17', 'invalid-attribute', ['(it is not a valid URL)']],
    ['unknown "sorce"', 'by="x" sorce="Reuters"', '3:17', 'unknown-attribute', ['claim: unknown attribute "sorce"; did you mean "source"?', 'Fix: write source="Reuters".']],
    ['unknown "colour"', 'by="x" colour=red', '3:17', 'unknown-attribute', ['unknown attribute "colour".', 'Fix: use one of: by, role, date, status, rating, rating-label, source, source-url.']],
    ['camelCase "sourceUrl"', 'by="x" sourceUrl="https://example.com"', '3:17', 'unknown-attribute', ['unknown attribute "sourceUrl"; did you mean "source-url"?']],
  ])('should report %s', async (_what, attributes, place, ruleId, pieces) => {
    const rendered = await render(claimBox(attributes));
    expect(rendered.messages).toHaveLength(1);
    const [message] = rendered.messages;
    expect(message?.place).toBe(place);
    expect(message?.ruleId).toBe(ruleId);
    expect(message?.fatal).toBe(false);
    for (const piece of pieces) expect(message?.reason).toContain(piece);
  });

  test('should not offer a guess that is not close', async () => {
    const { messages } = await render(claimBox('by="x" status=alleged'));
    expect(messages[0]?.reason).not.toContain('did you mean');
  });

  test.each([
    ['disproved', 'disputed'],
    ['confined', 'confirmed'],
  ])('should not offer a value of another meaning: %s is not %s', async (written) => {
    const { messages } = await render(claimBox(`by="x" status=${written}`));
    expect(messages[0]?.reason).toContain(`got "${written}".`);
    expect(messages[0]?.reason).not.toContain('did you mean');
    expect(messages[0]?.reason).toContain('Fix: choose one of unverified, confirmed, disputed, denied, retracted.');
  });

  test.each([
    ['confimred', 'status', 'confirmed'],
    ['Mostly True', 'rating', 'mostly-true'],
    ['missing_context', 'rating', 'missing-context'],
    ['denies', 'status', 'denied'],
  ])('should suggest the same word for a misspelt value: %s', async (written, name, meant) => {
    const { messages } = await render(claimBox(`by="x" ${name}="${written}"`));
    expect(messages[0]?.reason).toContain(`did you mean "${meant}"?`);
  });

  test('should point at the attribute, not at the same word inside another value', async () => {
    const { messages } = await render(claimBox('role="speaking for the source" by="x" source=""'));
    expect(messages.map((message) => `${message.place} ${message.ruleId}`)).toEqual(['3:48 invalid-attribute']);
    expect(messages[0]?.reason).toContain('"source" must be some text; got ""');
  });

  test('should report every problem of a box, each at its attribute', async () => {
    const { messages } = await render(claimBox('by="x" status=confirmd rating=flase date=2023-02-30'));
    expect(messages.map((message) => `${message.place} ${message.ruleId}`).sort()).toEqual(['3:17 invalid-attribute', '3:33 invalid-attribute', '3:46 invalid-attribute']);
  });

  test('should never let a rejected URL reach the page', async () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,hi', '//evil.example/x', 'ftp://files.example/f']) {
      const { html, tree, file } = await render(claimBox(`by="x" source="Reuters" source-url="${url}"`));
      expect(select('a', tree)).toBeUndefined();
      expect(html).not.toContain(url);
      expect(file.data.factBoxes?.[0]?.attributes.sourceUrl).toBeUndefined();
    }
  });

  test('should still show an invalid box with its title and body, in warn mode', async () => {
    const { tree, file } = await render(claimBox('by="x" status=confirmd', 'We will act.', '[Vow]'));
    expect(textOf(tree, 'section[data-fact-box="claim"] .fact-box__title')).toBe('Vow');
    expect(textOf(tree, 'section[data-fact-box="claim"]')).toContain('We will act.');
    expect(file.data.factBoxes?.[0]).toMatchObject({ type: 'claim', id: 'vow', title: 'Vow', text: 'We will act.' });
  });
});
