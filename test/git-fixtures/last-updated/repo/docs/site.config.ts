// A site in a folder of its repository (built with --root docs): `:path` is read from
// docs/, so the pattern names the folder.
export default {
  title: 'Kiln',
  editLink: { pattern: 'https://github.com/acme/kiln/edit/main/docs/:path' },
  lastUpdated: true,
};
