#!/usr/bin/env node
'use strict';
// The command line lives in the bundle `npm run build` writes.
try {
  require('../dist/cli.js');
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND' && String(e.message).includes('dist/cli.js')) {
    process.stderr.write('scr-check: the program is not built yet. Run `npm run build` first.\n');
    process.exit(2);
  }
  throw e;
}
