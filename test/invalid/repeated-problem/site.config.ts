export default {
  title: 'Tidewater',
  metadata: { product: 'Tidewater' },
};
