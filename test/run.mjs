// Runs every test file under test/ with Node's own test runner (TypeScript through tsx).
// Node 20's runner takes no globs, so the files are listed here. Pass folders or files to narrow.
import { spawnSync } from 'node:child_process';
import { globSync } from 'tinyglobby';

const args = process.argv.slice(2);
const patterns = args.length ? args.map((a) => (a.endsWith('.ts') ? a : `${a.replace(/\/$/, '')}/**/*.test.ts`)) : ['test/**/*.test.ts'];
const files = globSync(patterns, { ignore: ['**/node_modules/**', 'test/vscode/**', 'test/fixtures/**'] }).sort();
if (!files.length) {
  console.error('No test files found.');
  process.exit(1);
}
const r = spawnSync(process.execPath, ['--import', 'tsx', '--import', './test/setup.ts', '--test', '--test-reporter=spec', '--test-concurrency=2', ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
