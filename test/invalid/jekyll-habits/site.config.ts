export default {
  title: 'Quillpen Docs',
  metadata: { repository: 'https://git.example.com/quillpen', version: '3.7.0' },
};
