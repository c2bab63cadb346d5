#!/usr/bin/env node
// Runs the bundled CLI (npm run build writes dist/cli/ with scripts/bundle.ts).
import '../dist/cli/main.js';
