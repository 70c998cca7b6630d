// The extension-host test runner: VS Code loads this file and calls run(). Mocha (TDD interface)
// runs every *.spec.js beside it.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30_000, reporter: 'spec' });
  for (const f of readdirSync(__dirname).filter((n) => n.endsWith('.spec.js')).sort()) mocha.addFile(join(__dirname, f));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} test${failures === 1 ? '' : 's'} failed`)) : resolve()));
  });
}
