// Starts yaml-language-server (bench/peers) with its validation delay set to 0. It waits 200 ms
// after a document opens or changes before validating; our server checks an opened document at
// once. So that didOpen → diagnostics times the work and not the wait, the benchmark removes the
// wait here (the server is otherwise unchanged). Usage: node yaml-ls-now.cjs --stdio
'use strict';
const { join } = require('node:path');
const root = join(__dirname, 'peers', 'node_modules', 'yaml-language-server', 'out', 'server', 'src');
const { SettingsState } = require(join(root, 'yamlSettings.js'));
Object.defineProperty(SettingsState.prototype, 'validationDelayMs', {
  configurable: true,
  get() {
    return 0;
  },
  set() {
    // the constructor's 200 is ignored
  },
});
require(join(root, 'server.js'));
