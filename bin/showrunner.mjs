#!/usr/bin/env node
// The `showrunner` command: loads the TypeScript sources through tsx in this process (no child process to orphan).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../server/cli/main.ts');
await main(process.argv.slice(2));
