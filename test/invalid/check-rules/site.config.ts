export default {
  title: 'Checks',
  nav: [
    { text: 'Home', link: '/' },
    { text: 'Guide', link: '/guide/' },
  ],
  metadata: {
    product_name: 'DataFlow',
    legacy_url: 'https://old.example.com',
  },
};
