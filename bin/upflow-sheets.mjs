#!/usr/bin/env node
// Runs the TypeScript command line through tsx, so the package needs no separate build for it:
// tsx's loader is registered in this process, which costs a second Node start less than a child.
import { register } from 'tsx/esm/api';

register();
await import(new URL('../src/cli/main.ts', import.meta.url).href);
