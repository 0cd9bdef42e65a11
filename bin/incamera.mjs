#!/usr/bin/env node
// The `incamera` command. tsx compiles the TypeScript sources on the fly, so the CLI works right
// after `npm install` with no build step.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2));
