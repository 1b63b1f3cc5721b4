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
