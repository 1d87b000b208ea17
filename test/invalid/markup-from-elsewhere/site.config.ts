export default {
  title: 'Pilot Handbook',
  metadata: { port: 'Saltmarsh', vhf_channel: 12 },
};
