#!/usr/bin/env node
import { processIo } from '../cli/io.js';
// `npm start`: the same as `patchwarden serve`.
import { run } from '../cli/run.js';

process.exitCode = await run(['serve', ...process.argv.slice(2)], processIo());
