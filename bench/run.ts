import { benchAccuracy } from './accuracy.bench';
import { benchAddon } from './addon.bench';
import { benchBundle } from './bundle.bench';
import { benchEngine } from './engine.bench';
import { benchHostile } from './hostile.bench';
import { benchImport } from './import.bench';
import { benchPull } from './pull.bench';
import { benchSizes } from './sizes.bench';

/** `npm run bench [engine|bundle|addon|import|pull|hostile|accuracy|sizes]`: every part by default; figures go to bench-results.json. */
const parts: Record<string, () => void | Promise<void>> = {
  engine: benchEngine,
  bundle: benchBundle,
  addon: benchAddon,
  import: benchImport,
  pull: benchPull,
  hostile: benchHostile,
  accuracy: benchAccuracy,
  sizes: benchSizes,
};

const wanted = process.argv.slice(2);
for (const [name, run] of Object.entries(parts)) {
  if (wanted.length && !wanted.includes(name)) continue;
  console.log(`# ${name}`);
  await run();
}
