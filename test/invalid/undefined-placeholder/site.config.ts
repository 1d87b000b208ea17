export default {
  title: 'DataFlow Docs',
  metadata: { product_name: 'DataFlow', product_version: 'v2.4.0', api_base_url: 'https://api.dataflow.example.com/v1' },
};
