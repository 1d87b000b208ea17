export default {
  title: 'Lantern Docs'
  metadata: { product: 'Lantern' },
};
