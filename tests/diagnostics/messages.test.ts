import { didYouMean } from '../helpers/internal.js';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { describe, expect, test } from 'vitest';
import { FactBoxesError } from 'fact-boxes';
import { describeMessages, render, textOf } from '../helpers/pipeline.js';

/** `line:column [ruleId]` of each message, in order. */
function places(rendered: { messages: { place: string; ruleId: string | undefined }[] }): string[] {
  return rendered.messages.map((message) => `${message.place} [${message.ruleId}]`);
}

describe('the syntax’s silent failures (DESIGN §5)', () => {
  test('should report a space before {, and keep the text on the page', async () => {
    const rendered = await render('Intro.\n\n:::claim {by="x"}\nThe quote.\n:::\n');
    expect(places(rendered)).toEqual(['3:1 [space-before-attributes]']);
    const [message] = rendered.messages;
    expect(message?.reason).toContain('claim: this box was not read as a box and will show as plain text, because of the space after ":::claim"');
    expect(message?.reason).toContain('Fix: remove the space: :::claim{by="x"}.');
    expect(textOf(rendered.tree, 'p:nth-of-type(2)')).toBe(':::claim {by="x"}\nThe quote.\n:::');
    expect(rendered.file.data.factBoxes).toEqual([]);
  });

  test('should report a space before [', async () => {
    const rendered = await render('Intro.\n\n:::claim [Vow]{by="x"}\nQ\n:::\n');
    expect(places(rendered)).toEqual(['3:1 [space-before-attributes]']);
    expect(rendered.messages[0]?.reason).toContain('Fix: remove the space: :::claim[Vow]{by="x"}.');
  });

  test('should report a space before { in an indented box at its own column', async () => {
    const rendered = await render('Intro.\n\n  :::casualties {killed=1 source=x}\n  :::\n');
    expect(places(rendered)).toEqual(['3:3 [space-before-attributes]']);
  });

  test('should correct the name too when a near-miss name has a space before {', async () => {
    const rendered = await render('Intro.\n\n:::casualty {killed=1 source=x}\n:::\n');
    expect(places(rendered)).toEqual(['3:1 [space-before-attributes]']);
    expect(rendered.messages[0]?.reason).toContain('Fix: remove the space and correct the name: :::casualties{killed=1 source=x}.');
  });

  test('should report a line break inside {…}', async () => {
    const rendered = await render('Intro.\n\nMore.\n\n:::claim{by="x"\nrole="y"}\nQuote.\n:::\n');
    expect(places(rendered)).toEqual(['5:1 [line-break-in-attributes]']);
    expect(rendered.messages[0]?.reason).toContain('claim: this box was not read as a box and will show as plain text, because its {…} is broken over several lines');
    expect(rendered.messages[0]?.reason).toContain('Fix: put all the attributes on the opening line, between { and }.');
    expect(rendered.html).toContain('role="y"}');
  });

  test('should report an unquoted value with spaces at the attribute, with the quoted fix', async () => {
    const rendered = await render('Intro.\n\n:::claim{date=2023-11-05 by=Police spokesperson}\nQ\n:::\n');
    expect(places(rendered)).toEqual(['3:26 [unquoted-value-with-spaces]']);
    const [message] = rendered.messages;
    expect(message?.reason).toContain('claim: the value of "by" has spaces but no quotes, so only "Police" was read as its value');
    expect(message?.reason).toContain('Fix: quote it: by="Police spokesperson".');
    expect(message?.reason).not.toContain('unknown attribute');
  });

  test('should report each unquoted value with spaces, however many words it has', async () => {
    const rendered = await render('Intro.\n\n:::casualties{party=US army personnel injured=3 source=the Pentagon}\n:::\n');
    expect(places(rendered)).toEqual(['3:15 [unquoted-value-with-spaces]', '3:49 [unquoted-value-with-spaces]']);
    expect(rendered.messages[0]?.reason).toContain('Fix: quote it: party="US army personnel".');
    expect(rendered.messages[1]?.reason).toContain('Fix: quote it: source="the Pentagon".');
  });

  test('should report an unquoted value with spaces that stops the box from being read', async () => {
    const rendered = await render('Intro.\n\n:::claim{by=Police (spokesperson)}\nQ\n:::\n');
    expect(places(rendered)).toEqual(['3:1 [unquoted-value-with-spaces]']);
    expect(rendered.messages[0]?.reason).toContain('because the value of "by" has spaces but no quotes');
    expect(rendered.messages[0]?.reason).toContain('Fix: quote it: by="Police (spokesperson)".');
  });

  test('should report a title that is not closed', async () => {
    const rendered = await render('Intro.\n\n:::claim[Vow{by="x"}\nQ\n:::\n');
    expect(places(rendered)).toEqual(['3:1 [unclosed-label]']);
    expect(rendered.messages[0]?.reason).toContain('because its [title] is not closed');
  });

  test('should report a box never closed, at its opening line', async () => {
    const rendered = await render('# Title\n\n:::claim[Vow]{by="x"}\nQuote.\n\nMore of the article.\n');
    expect(places(rendered)).toEqual(['3:1 [unclosed-box]']);
    expect(rendered.messages[0]?.reason).toContain('claim: this box is never closed, so it runs to the end of the file');
    expect(rendered.messages[0]?.reason).toContain('Fix: add a line with ::: where the box ends.');
    // Nothing is lost: what the box swallowed is still on the page.
    expect(textOf(rendered.tree, 'section')).toContain('More of the article.');
  });

  test('should report a box never closed inside a blockquote as running to the end of its container', async () => {
    const rendered = await render('Intro.\n\n> :::claim{by="x"}\n> Quote.\n\nAfter.\n');
    expect(places(rendered)).toEqual(['3:3 [unclosed-box]']);
    expect(rendered.messages[0]?.reason).toContain('runs to the end of its container');
    // The box ends with the blockquote: what follows is an ordinary paragraph again.
    const paragraphs = selectAll('p', rendered.tree).map((node) => toString(node));
    expect(paragraphs.at(-1)).toBe('After.');
    expect(textOf(rendered.tree, 'blockquote > section .fact-box__quote')).toBe('Quote.');
  });

  test('should not report a closed box, nor one closed with more colons', async () => {
    expect(describeMessages(await render(':::claim{by="x"}\nQ\n:::\n'))).toEqual([]);
    expect(describeMessages(await render('::::claim{by="x"}\nQ\n::::'))).toEqual([]);
  });

  test('should leave box syntax in fenced code alone: no message, text intact', async () => {
    const code = ':::claim {by=x}\n:::casualties{sorce=1}\n:::';
    const rendered = await render(`Intro.\n\n\`\`\`md\n${code}\n\`\`\`\n\n~~~\n:::claim{by=Police spokesperson}\n~~~\n`);
    expect(describeMessages(rendered)).toEqual([]);
    expect(rendered.file.data.factBoxes).toEqual([]);
    expect(selectAll('pre code', rendered.tree).map((node) => toString(node))).toEqual([`${code}\n`, ':::claim{by=Police spokesperson}\n']);
  });

  test('should leave box syntax in indented code alone', async () => {
    const rendered = await render('Intro.\n\n    :::claim{sorce=1}\n    :::\n');
    expect(describeMessages(rendered)).toEqual([]);
    expect(textOf(rendered.tree, 'pre code')).toBe(':::claim{sorce=1}\n:::\n');
  });

  test('should leave box syntax in inline code alone', async () => {
    const rendered = await render('Write `:::claim {by="x"}` or `:::casualties{killed=1}` at 10:30.\n');
    expect(describeMessages(rendered)).toEqual([]);
    expect(selectAll('code', rendered.tree).map((node) => toString(node))).toEqual([':::claim {by="x"}', ':::casualties{killed=1}']);
    expect(textOf(rendered.tree, 'p')).toBe('Write :::claim {by="x"} or :::casualties{killed=1} at 10:30.');
  });
});

describe('unknown names', () => {
  test('should warn about a near-miss box name with did-you-mean, without failing the build', async () => {
    const rendered = await render('Intro.\n\n:::casualty{killed=3 source="x"}\n:::\n', {});
    expect(places(rendered)).toEqual(['3:1 [unknown-box]']);
    const [message] = rendered.messages;
    expect(message?.reason).toContain('casualty: there is no box called "casualty"; did you mean "casualties"?');
    expect(message?.reason).toContain('Fix: write :::casualties.');
    expect(message?.fatal).toBe(false);
  });

  test.each([
    ['claims', 'claim'],
    ['Claim', 'claim'],
    ['casualites', 'casualties'],
  ])('should suggest %s -> %s', async (written, meant) => {
    const rendered = await render(`:::${written}{by="x"}\n:::\n`, {});
    expect(rendered.messages.map((message) => message.ruleId)).toEqual(['unknown-box']);
    expect(rendered.messages[0]?.reason).toContain(`did you mean "${meant}"?`);
  });

  test('should leave other unknown containers alone for other plugins: no message, content kept', async () => {
    const rendered = await render(':::note\nThe convoy left at 10:30.\n:::\n\n:::details[More]\nHidden 3:1.\n:::\n', {});
    expect(describeMessages(rendered)).toEqual([]);
    expect(rendered.file.data.factBoxes).toEqual([]);
    expect(toString(rendered.tree)).toContain('The convoy left at 10:30.');
    expect(toString(rendered.tree)).toContain('Hidden 3:1.');
  });

  test('should still build the boxes inside an unknown container', async () => {
    const rendered = await render('::::note\n:::claim[Inside]{by="x"}\nQ\n:::\n::::\n');
    expect(describeMessages(rendered)).toEqual([]);
    expect(rendered.file.data.factBoxes?.map((record) => record.id)).toEqual(['inside']);
  });

  test('didYouMean should only guess close names', () => {
    expect(didYouMean('casualty', ['claim', 'casualties'])).toBe('casualties');
    expect(didYouMean('sorce', ['by', 'source', 'source-url'])).toBe('source');
    expect(didYouMean('clam', ['claim', 'casualties'])).toBe('claim');
    expect(didYouMean('note', ['claim', 'casualties'])).toBeUndefined();
    expect(didYouMean('details', ['claim', 'casualties'])).toBeUndefined();
  });
});

describe('ids on the page', () => {
  test('should use an id written as {#id}', async () => {
    const { tree, file } = await render(':::claim[Vow]{#the-vow by="x"}\nQ\n:::\n');
    expect(select('section', tree)?.properties.id).toBe('the-vow');
    expect(select('section', tree)?.properties.ariaLabelledBy).toEqual(['the-vow-title']);
    expect(select('h2', tree)?.properties.id).toBe('the-vow-title');
    expect(file.data.factBoxes?.[0]?.id).toBe('the-vow');
  });

  test('should de-duplicate ids made from titles', async () => {
    const box = ':::claim[Vow]{by="x"}\nQ\n:::\n\n';
    const rendered = await render(box + box + box + ':::claim{by="x"}\n:::\n\n:::claim{by="x"}\n:::\n');
    expect(describeMessages(rendered)).toEqual([]);
    expect(selectAll('section', rendered.tree).map((section) => section.properties.id)).toEqual(['vow', 'vow-2', 'vow-3', 'claim-by-x', 'claim-by-x-2']);
    expect(rendered.file.data.factBoxes?.map((record) => record.id)).toEqual(['vow', 'vow-2', 'vow-3', 'claim-by-x', 'claim-by-x-2']);
  });

  test('should make ids from titles in any script', async () => {
    const { file } = await render(':::claim[قال المتحدث: الهجوم]{by="x"}\n:::\n');
    expect(file.data.factBoxes?.[0]?.id).toBe('قال-المتحدث-الهجوم');
  });

  test('should not give a made-up id that an explicit id takes later', async () => {
    const rendered = await render(':::claim[Vow]{#claim-by-x by="y"}\n:::\n\n:::claim{by="x"}\n:::\n');
    expect(describeMessages(rendered)).toEqual([]);
    expect(rendered.file.data.factBoxes?.map((record) => record.id)).toEqual(['claim-by-x', 'claim-by-x-2']);
  });

  test('should report a duplicate explicit id at the #id, naming the box that has it', async () => {
    const rendered = await render('Intro.\n\n:::claim[One]{#key by="x"}\n:::\n\n:::claim[Two]{by="x" #key}\n:::\n');
    expect(places(rendered)).toEqual(['6:22 [duplicate-id]']);
    expect(rendered.messages[0]?.reason).toContain('claim: the id "key" is already used by the box at 3:1');
    expect(rendered.messages[0]?.reason).toContain('Fix: give each box its own {#id}');
    // The second box still gets an id of its own.
    expect(rendered.file.data.factBoxes?.map((record) => record.id)).toEqual(['key', 'two']);
  });

  test('should report an explicit id already given to an earlier box from its title', async () => {
    const rendered = await render(':::claim[Vow]{by="x"}\n:::\n\n:::claim[Other]{#vow by="x"}\n:::\n');
    expect(places(rendered)).toEqual(['4:17 [duplicate-id]']);
    expect(rendered.messages[0]?.reason).toContain('the id "vow" is already used by the box at 1:1');
    expect(rendered.file.data.factBoxes?.map((record) => record.id)).toEqual(['vow', 'other']);
  });
});

describe('onInvalid and development (DESIGN §5)', () => {
  const invalid = 'Intro.\n\n:::claim{by="x" status=confirmd}\nQ\n:::\n\n:::casualties{injured="two dozen"}\n:::\n';

  test('should throw by default, with every problem of the file on a line of its own: file:line:column, the reason and the fix', async () => {
    const error: unknown = await render(invalid, {}, 'src/content/article.md').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FactBoxesError);
    const thrown = error as FactBoxesError;
    expect(thrown.message).toBe(
      [
        '3 problems with fact boxes:',
        'src/content/article.md:3:17: claim: "status" must be one of unverified, confirmed, disputed, denied, retracted; got "confirmd"; did you mean "confirmed"? Fix: write status="confirmed".',
        'src/content/article.md:7:15: casualties: "injured" must be a count like 24, 24+, >24, <24, <=24, ~24, 20-30, ? or none; got "two dozen" (it is not a count). Fix: write it like injured="24".',
        'src/content/article.md:7:1: casualties: "source" is required. Fix: add source="…" inside the {…} after :::casualties.',
      ].join('\n'),
    );
    expect(thrown).toMatchObject({ name: 'FactBoxesError', line: 3, column: 17, file: 'src/content/article.md' });
    // No stack: frames would be fact-boxes' own, and hosts that print the stack after the message
    // (Docusaurus's "Details:", Astro's "Stack trace:") would print the message, or a heading, again.
    expect(thrown.stack).toBe('');
    expect(thrown.loc).toEqual({ file: 'src/content/article.md', line: 3, column: 17 });
    expect(thrown.problems.map((problem) => problem.ruleId)).toEqual(['invalid-attribute', 'invalid-attribute', 'missing-attribute']);
    // Hosts that print an error's own fields (Docusaurus: JSON.stringify) print nothing more than the message.
    expect(JSON.stringify(thrown)).toBe('{}');
  });

  test('should leave every problem on the file as a fatal message when it throws', async () => {
    const { VFile } = await import('vfile');
    const { unified } = await import('unified');
    const { default: remarkParse } = await import('remark-parse');
    const { default: remarkFactBoxes } = await import('fact-boxes/remark');
    const file = new VFile({ value: invalid, path: 'article.md' });
    const processor = unified().use(remarkParse).use(remarkFactBoxes);
    await expect(processor.run(processor.parse(file), file)).rejects.toThrow(/^3 problems with fact boxes:\narticle\.md:3:17: /);
    expect(file.messages.map((message) => [`${message.line}:${message.column}`, message.ruleId, message.fatal, message.source])).toEqual([
      ['3:17', 'invalid-attribute', true, 'fact-boxes'],
      ['7:15', 'invalid-attribute', true, 'fact-boxes'],
      ['7:1', 'missing-attribute', true, 'fact-boxes'],
    ]);
    expect(file.messages[0]?.note).toBe('write status="confirmed"');
  });

  test('should not throw for warnings alone', async () => {
    const rendered = await render(':::claims{by="x"}\n:::\n', {});
    expect(rendered.messages.map((message) => message.fatal)).toEqual([false]);
  });

  test('should keep building with onInvalid: "warn", and not show problems on the page', async () => {
    const rendered = await render(invalid, { onInvalid: 'warn' });
    expect(places(rendered)).toEqual(['3:17 [invalid-attribute]', '7:15 [invalid-attribute]', '7:1 [missing-attribute]']);
    expect(rendered.messages.every((message) => message.fatal === false)).toBe(true);
    expect(selectAll('section.fact-box', rendered.tree)).toHaveLength(2);
    expect(select('.fact-box__problems', rendered.tree)).toBeUndefined();
    expect(rendered.html).not.toContain('confirmd');
  });

  test('should show the problems inside the box with development: true', async () => {
    const rendered = await render(invalid, { onInvalid: 'warn', development: true });
    const [claimBox, casualtiesBox] = selectAll('section.fact-box', rendered.tree);
    const claimProblems = select('.fact-box__problems', claimBox!);
    expect(claimProblems?.properties.role).toBe('note');
    expect(textOf(claimProblems!, 'p')).toBe('Problems in this box:');
    expect(selectAll('li', claimProblems!).map((item) => toString(item))).toEqual([
      '3:17: claim: "status" must be one of unverified, confirmed, disputed, denied, retracted; got "confirmd"; did you mean "confirmed"? Fix: write status="confirmed".',
    ]);
    expect(selectAll('.fact-box__problems li', casualtiesBox!).map((item) => toString(item))).toEqual([
      expect.stringContaining('"injured" must be a count'),
      expect.stringContaining('"source" is required'),
    ]);
  });

  test('should not put warnings inside the box in development', async () => {
    const rendered = await render(':::casualty{killed=1}\n:::\n\n:::claim{by="x"}\n:::\n', { onInvalid: 'warn', development: true });
    expect(rendered.messages).toHaveLength(1);
    expect(select('.fact-box__problems', rendered.tree)).toBeUndefined();
  });

  test('should still throw in development unless onInvalid is "warn"', async () => {
    await expect(render(invalid, { development: true })).rejects.toThrow(/article\.md:3:17:/);
  });

  test('should check its options once, when attached', async () => {
    await expect(render('x', { onInvalid: 'ignore' as 'warn' })).rejects.toThrow(/onInvalid must be "error" or "warn"; got "ignore"/);
    await expect(render('x', { headingLevel: 7 as 2 })).rejects.toThrow(/headingLevel must be 2, 3, 4, 5 or 6/);
  });

  test('should use the heading level asked for', async () => {
    const { tree } = await render(':::claim[Vow]{by="x"}\n:::\n', { headingLevel: 3 });
    expect(select('h3.fact-box__title', tree)).toBeDefined();
    expect(select('h2', tree)).toBeUndefined();
  });
});

describe('a box closed by a ::: inside a code block', () => {
  test('should report where the code block closed the box, with the fix of more colons', async () => {
    const { messages } = await render(':::claim[X]{by="A"}\nText before.\n\n```md\n:::\n```\n\nText after.\n:::\n');
    expect(messages).toEqual([
      expect.objectContaining({
        place: '5:1',
        ruleId: 'box-closed-in-code',
        reason: expect.stringContaining('claim: this :::, inside a code block, closed the box opened on line 1 early'),
      }),
    ]);
    expect(messages[0]?.reason).toContain('Fix: open and close the box with more colons than any line inside it: ::::claim[…]{…} … ::::.');
  });

  test('should be quiet when the box has more colons than the code inside it', async () => {
    const { messages, html } = await render('::::claim[X]{by="A"}\nText before.\n\n```md\n:::\n```\n\nText after.\n::::\n');
    expect(messages).toEqual([]);
    expect(html).toContain('Text after.');
    expect(html).toContain('<code class="language-md">:::\n</code>');
  });

  test('should be quiet for a closed code block at the end of a box', async () => {
    const { messages } = await render(':::claim[X]{by="A"}\nSays:\n\n```\ncode\n```\n:::\n');
    expect(messages).toEqual([]);
  });
});
