export default {
  title: 'Tidewater Docs',
  metadata: { product: 'Tidewater', repository: 'https://git.example.com/tidewater' },
};
