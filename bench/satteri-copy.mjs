// What any Sätteri plugin that reads and replaces a box does at least, shared by bench/satteri-floor.mjs
// and the sites bench/profile.mjs generates: a plain copy of a node Sätteri hands to a visitor (its
// fields are frozen and not all enumerable), as the adapter makes it, and a plugin that hands it back.

/** A plain copy of a node Sätteri hands to a visitor; positions, attributes and data shared. */
export function copy(node) {
  if (Array.isArray(node)) return node.map(copy);
  if (node === null || typeof node !== 'object') return node;
  const plain = {};
  for (const key in node) if (key !== '_resolver' && key !== '_id') plain[key] = key === 'position' || key === 'attributes' || key === 'data' ? node[key] : copy(node[key]);
  return plain;
}

/** A Sätteri mdast plugin that copies each container directive and hands the copy back as a `<div>`. */
export const copyBack = {
  name: 'copy-back',
  options: { position: true },
  containerDirective(node, ctx) {
    const box = copy(node);
    box.data = { hName: 'div' };
    ctx.replaceNode(node, box);
  },
};

let kept = [];
/**
 * `copyBack`, and then about as many short-lived objects per box as fact-boxes' own work allocates
 * (small nodes and strings, dropped with the next box): what allocation alone does to a build.
 */
export const copyBackAndAllocate = {
  name: 'copy-back-and-allocate',
  options: { position: true },
  containerDirective(node, ctx) {
    kept = [];
    for (let index = 0; index < 266; index++) kept.push({ type: 'text', value: `piece ${index}`, children: [index, index + 1] });
    copyBack.containerDirective(node, ctx);
  },
};

const fragment = (html) => ({ type: 'mdxJsxFlowElement', name: 'Fragment', attributes: [{ type: 'mdxJsxAttribute', name: 'set:html', value: html }], children: [] });
let boxes = 0;
/**
 * `copyBack` with the shape of what fact-boxes hands back in MDX: the box's paragraphs between two
 * `<Fragment set:html>` strings of about a box's static HTML, in a bare `<Fragment>`.
 */
export const copyBackAsFragments = {
  name: 'copy-back-as-fragments',
  options: { position: true },
  containerDirective(node, ctx) {
    const box = copy(node);
    const id = `box-${boxes++}`;
    const open = `<section class="fact-box" id="${id}" aria-labelledby="${id}-title" tabindex="-1" data-fact-box="${node.name}"><header class="fact-box__header"><p class="fact-box__kind">Claim</p><h2 class="fact-box__title" id="${id}-title">${id}</h2></header><blockquote class="fact-box__quote" dir="auto">`;
    const close = `</blockquote><dl class="fact-box__facts"><div class="fact-box__fact" data-fact="by"><dt>Claimed by</dt><dd>${id}</dd></div><div class="fact-box__fact" data-fact="date"><dt>Date</dt><dd><time datetime="2023-11-05">5 November 2023</time></dd></div><div class="fact-box__fact" data-fact="status"><dt>Status</dt><dd><span class="fact-box__status" data-status="unverified">Unverified</span></dd></div></dl><footer class="fact-box__source"><p>Source: <a href="https://example.com/${id}" class="fact-box__source-link">Atlas News</a></p></footer></section>`;
    ctx.replaceNode(node, { type: 'mdxJsxFlowElement', name: 'Fragment', attributes: [], children: [fragment(open), ...box.children.filter((child) => !child.data?.directiveLabel), fragment(close)] });
  },
};
