import { promises as fs } from 'node:fs';
import { dirname } from 'node:path';
import { colourWanted, run } from './run';

declare const SCR_VERSION: string | undefined;

const version = typeof SCR_VERSION === 'string' ? SCR_VERSION : 'development';

run(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  writeFile: async (p, t) => {
    await fs.mkdir(dirname(p), { recursive: true });
    await fs.writeFile(p, t, 'utf8');
  },
  color: colourWanted(Boolean(process.stdout.isTTY), process.env),
  version,
  env: process.env,
}).then((code) => {
  process.exitCode = code;
});
