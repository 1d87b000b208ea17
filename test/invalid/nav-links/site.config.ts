export default {
  title: 'Orbit',
  nav: [
    { text: 'Overview', link: '/' },
    { text: 'Guides', items: [
      { text: 'Ground stations', link: 'guides/stations.md' },
      { text: 'Passes', link: 'guides/passes.md' },
      { text: 'Stations (old URL)', link: '/guides/station/' },
    ] },
    { text: 'API spec', link: 'files/orbt.yaml' },
    { text: 'Status', link: 'https://status.orbit.example' },
  ],
};
