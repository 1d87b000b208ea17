// @ts-check
// `node --import ./register.mjs`: installs hooks.mjs before the first import.
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
