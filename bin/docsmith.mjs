#!/usr/bin/env node
// docsmith's command line: runs the compiled copy of src/cli.ts (see compile.mjs for why).
import { compiledCli } from './compile.mjs';

await import(await compiledCli());
