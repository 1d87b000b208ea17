export default {
  title: 'Harbor Docs',
  metadata: { product: 'Harbor' },
  variants: [
    { name: 'cloud', default: true, metadata: { region: 'eu-west' } },
    { name: 'server', metadata: { region: 'your own', install_dir: '/opt/harbor' } },
  ],
};
