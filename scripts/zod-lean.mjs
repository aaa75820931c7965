// What the add-on's bundle gets for `import { z } from 'zod'` (see scripts/bundle-plugins.mjs): zod's classic API
// without its 40 translated locales and JSON Schema conversion, which the add-on never uses and
// which Apps Script would otherwise evaluate on every execution. Same modules, same behaviour.
export * from '../node_modules/zod/v4/classic/schemas.js';
export * from '../node_modules/zod/v4/classic/checks.js';
export * from '../node_modules/zod/v4/classic/errors.js';
export * from '../node_modules/zod/v4/classic/parse.js';
export * from '../node_modules/zod/v4/classic/compat.js';
export { globalRegistry, registry, config, $output, $input, $brand, clone, regexes, treeifyError, prettifyError, formatError, flattenError, TimePrecision, util, NEVER } from '../node_modules/zod/v4/core/index.js';
export { ZodISODateTime, ZodISODate, ZodISOTime, ZodISODuration } from '../node_modules/zod/v4/classic/iso.js';
export * as iso from '../node_modules/zod/v4/classic/iso.js';
export * as coerce from '../node_modules/zod/v4/classic/coerce.js';
