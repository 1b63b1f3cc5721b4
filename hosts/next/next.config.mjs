// Host suite: Next.js 16 with @next/mdx, configured as the README's Hosts
// section says (the plugin named by string, JSON options, for Turbopack), with
// `extension` widened so that .md pages go through MDX too (the default is .mdx only).
import createMDX from '@next/mdx';

const withMDX = createMDX({
  extension: /\.(md|mdx)$/,
  options: { remarkPlugins: [['fact-boxes/remark', { headingLevel: 3 }]] },
});

// turbopack.root: the host suite lives inside the repository, whose own lockfile
// would otherwise make Next take the repository root for the project root.
export default withMDX({ pageExtensions: ['js', 'jsx', 'md', 'mdx'], turbopack: { root: import.meta.dirname } });
