// docsmith's own documentation, built by docsmith (`npm run docs`, `npm run docs:dev`).
// Facts that change are placeholders, filled in from the files that own them.
import { defineConfig } from 'docsmith';
import pkg from '../package.json' with { type: 'json' };

export default defineConfig({
  title: 'docsmith',
  description: 'A documentation site generator for technical writers and API teams: markdown, placeholders that resolve everywhere, errors at the line that caused them.',
  metadata: {
    version: pkg.version,
    node_version: pkg.engines.node.replace(/^>=/, ''),
    // The values the live examples on these pages print.
    product_name: 'DataFlow',
    product_version: 'v2.4.0',
    api_base_url: 'https://api.dataflow.example.com/v1',
    regions: ['eu-west', 'us-east', 'ap-south'],
  },
});
