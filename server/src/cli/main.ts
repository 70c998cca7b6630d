import { promises as fs } from 'node:fs';
import { dirname } from 'node:path';
import { isMainThread, workerData } from 'node:worker_threads';
import { serveChecks, type WorkerSetup } from './pool';
import { colourWanted, run } from './run';

declare const SCR_VERSION: string | undefined;

const version = typeof SCR_VERSION === 'string' ? SCR_VERSION : 'development';

// The same script serves as a worker thread of a run that checks many files at once (pool.ts).
if (!isMainThread && (workerData as WorkerSetup | undefined)?.scrCheckWorker) serveChecks(workerData as WorkerSetup);
else main();

function main(): void {
  // A reader that stops early (`scr-check | head`) closes the pipe: the rest of the report is
  // dropped, and the run still ends with the status its findings give.
  let readerGone = false;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    readerGone = true;
  });
  run(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: (s) => {
      if (!readerGone) process.stdout.write(s);
    },
    stderr: (s) => process.stderr.write(s),
    writeFile: async (p, t) => {
      await fs.mkdir(dirname(p), { recursive: true });
      await fs.writeFile(p, t, 'utf8');
    },
    color: colourWanted(Boolean(process.stdout.isTTY), process.env),
    version,
    env: process.env,
    workerScript: __filename,
  }).then((code) => {
    process.exitCode = code;
  });
}
