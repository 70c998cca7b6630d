// Builds every bundle (listed, with how each is built, in scripts/bundle-options.mjs).
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { builds } from './scripts/bundle-options.mjs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production') || !watch;

execFileSync(process.execPath, ['scripts/generate.mjs'], { stdio: 'inherit' });

if (watch) {
  for (const b of builds(production)) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds(production).map((b) => esbuild.build(b)));
}
