// The four type-checks (add-on and tools, the engine alone, the sidebar, the playground's page) at
// once: each is a separate tsc project, and one waiting for another wastes a core.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const PROJECTS = ['tsconfig.json', 'src/engine/tsconfig.json', 'sidebar/tsconfig.json', 'packages/playground/page/tsconfig.json'];

const codes = await Promise.all(
  PROJECTS.map(
    (project) =>
      new Promise((resolve) => {
        const child = spawn(process.execPath, [tsc, '-p', project, '--noEmit'], { stdio: 'inherit' });
        child.on('close', (code) => resolve(code ?? 1));
      }),
  ),
);
process.exit(codes.some((code) => code !== 0) ? 1 : 0);
