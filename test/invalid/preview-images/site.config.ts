export default {
  title: 'Acme',
  image: 'images/crad.png',
};
