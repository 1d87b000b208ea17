import { defineConfig } from './src/index.ts';

export default defineConfig({
  title: 'DataFlow Docs',
  description: 'Guides and API reference for the DataFlow platform.',
  // Under every page: a link to its source on GitHub, and the date of its last commit.
  editLink: { pattern: 'https://github.com/dataflow-example/docs/edit/main/:path' },
  lastUpdated: true,
  metadata: {
    product_name: 'DataFlow',
    product_version: 'v2.4.0',
    release_date: '2026-11-02',
  },
  // One source, two editions: the hosted service at the site's own URLs, the server
  // customers run themselves under /self-hosted/.
  variants: [
    { name: 'cloud', label: 'DataFlow Cloud', default: true, metadata: { api_base_url: 'https://api.dataflow.example.com/v1' } },
    { name: 'self-hosted', label: 'Self-hosted', metadata: { api_base_url: 'https://dataflow.internal.example/api/v1' } },
  ],
});
