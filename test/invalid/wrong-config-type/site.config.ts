export default {
  title: 'Docs',
  metadata: {
    product_name: 'DataFlow',
  },
  base: 42,
};
