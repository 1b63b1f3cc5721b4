// Host suite: a minimal Docusaurus 3 site, configured as the README's Hosts
// section says: fact-boxes/remark imported statically (Docusaurus loads this
// file through jiti), in the docs' remarkPlugins, and the theme in customCss.
import { createRequire } from 'node:module';
import remarkFactBoxes from 'fact-boxes/remark';

const require = createRequire(import.meta.url);

export default {
  title: 'Host suite',
  url: 'https://hosts.example',
  baseUrl: '/',
  onBrokenLinks: 'throw',
  presets: [
    [
      'classic',
      {
        docs: { routeBasePath: '/', remarkPlugins: [remarkFactBoxes] },
        blog: false,
        theme: { customCss: [require.resolve('fact-boxes/styles.css')] },
      },
    ],
  ],
};
