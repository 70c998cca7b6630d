#!/usr/bin/env node
'use strict';
// The language server lives in the bundle `npm run build` writes; pass --stdio (or --node-ipc, --socket=N).
try {
  require('../dist/server.js');
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND' && String(e.message).includes('dist/server.js')) {
    process.stderr.write('scr-language-server: the program is not built yet. Run `npm run build` first.\n');
    process.exit(2);
  }
  throw e;
}
