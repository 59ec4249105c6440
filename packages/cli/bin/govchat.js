#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm run build` (run on `npm install`).
import { main } from '../dist/main.js';

process.exitCode = await main(process.argv.slice(2));
