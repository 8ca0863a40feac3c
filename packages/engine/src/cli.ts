#!/usr/bin/env node
// The formwork CLI: the only part of the engine that does I/O. It never reads the clock (time comes from --now).
import { main } from './cli/main.js';
import { processOutput } from './cli/Output.js';

process.exitCode = await main(process.argv.slice(2), processOutput);
