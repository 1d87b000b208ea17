import { defineConfig } from './src/index.ts';

export default defineConfig({
  title: 'DataFlow Docs',
  description: 'Guides and API reference for the DataFlow platform.',
  metadata: {
    product_name: 'DataFlow',
    product_version: 'v2.4.0',
    api_base_url: 'https://api.dataflow.example.com/v1',
    release_date: '2026-11-02',
  },
});
