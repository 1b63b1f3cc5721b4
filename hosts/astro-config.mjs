// Host suite: the config of an Astro site without Starlight (hosts/astro, hosts/astro-latest), on the Markdown
// processor FACT_BOXES_PROCESSOR chooses: Astro's default (Sätteri) or unified(). Each site hands in its own
// packages (each has its own Astro), and anything more of its own (`extra`).
export function astroHostConfig({ unified, mdx, factBoxes }, extra = {}) {
  const processor = process.env.FACT_BOXES_PROCESSOR === 'unified' ? 'unified' : 'satteri';
  return {
    ...extra,
    outDir: `./.tmp/${processor}/dist`,
    cacheDir: `./.tmp/${processor}/cache`,
    vite: { cacheDir: `./.tmp/${processor}/vite` },
    markdown: processor === 'unified' ? { processor: unified() } : {},
    integrations: [mdx(), factBoxes()],
    devToolbar: { enabled: false },
  };
}
