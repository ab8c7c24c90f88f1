// Preloaded with `--import` (through NODE_OPTIONS) by CLI start-up tests: installs hooks.mjs.
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
