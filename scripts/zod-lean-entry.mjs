import * as z from './zod-lean.mjs';
import { config } from '../node_modules/zod/v4/core/index.js';
import en from '../node_modules/zod/v4/locales/en.js';

// zod's own entry sets English messages the same way.
config(en());
export { z };
export default z;
