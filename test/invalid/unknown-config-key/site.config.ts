export default {
  title: 'Docs',
  metdata: {
    product_name: 'DataFlow',
  },
};
