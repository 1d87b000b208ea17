export default {
  title: 'Beacon Docs',
  variants: [
    { name: 'cloud', default: true },
    { name: 'server' },
  ],
  nav: [
    { text: 'Home', link: 'index.md' },
    { text: 'Legacy relay', link: 'legacy-relay.md' },
  ],
};
