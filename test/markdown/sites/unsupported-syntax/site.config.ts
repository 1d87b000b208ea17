export default {
  title: 'Migrated docs',
  brokenLinks: 'warning',
  metadata: { product: 'DataFlow' },
};
