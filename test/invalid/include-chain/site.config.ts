export default {
  title: 'Harbor Docs',
  metadata: { forum: 'https://forum.example.com/harbor' },
};
