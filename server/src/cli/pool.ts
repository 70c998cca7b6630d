import { availableParallelism } from 'node:os';
import { parentPort, Worker } from 'node:worker_threads';
import { createAnalyser, type Analyser, type DayNumber } from '../engine/index';
import { checkCase, type CaseTask, type CheckedCase, type Needs } from './check';
import { readText } from './files';

/**
 * Checking many case files at once, each worker thread with its own analyser. A thread costs a
 * start-up (loading the checker) and the copying of each file's text and findings between
 * threads, so threads are used only where there are enough files to repay that.
 */

/** What a worker thread is told when it starts: how the run's analyser is set up. */
export interface WorkerSetup {
  scrCheckWorker: true;
  today?: DayNumber;
  configPath?: string;
  needs: Needs;
}

/**
 * Below this many files for each thread, a thread costs more than it saves: each starts by
 * loading and warming up the checker (about 0.3 s of processor time), and its results are copied
 * back to the main thread.
 */
export const FILES_PER_THREAD = 150;
/** More threads than this add start-up and memory for little gain on a dossier. */
const MOST_THREADS = 8;

/**
 * How many threads to check `files` case files with: 1 means the main thread alone. `jobs` is
 * what the user asked for (a number, or undefined for auto). Auto gives a thread two processors:
 * one checking keeps about one and a half busy (the garbage collector and the compiler work
 * beside it: 3.2 s of processor time in 2.4 s for 1,000 files), so on a 2-processor machine two
 * threads were slower than one (2.6 s against 2.4 s) and auto uses one.
 */
export function threadsFor(files: number, jobs: number | undefined, processors = availableParallelism()): number {
  if (jobs !== undefined) return Math.max(1, Math.min(jobs, files));
  return Math.max(1, Math.min(Math.floor(processors / 2), MOST_THREADS, Math.floor(files / FILES_PER_THREAD)));
}

/** An analyser whose files come from the disk, or from `known` texts first (files already read). */
export function diskAnalyser(o: { today?: DayNumber; configPath?: string; known?: ReadonlyMap<string, string> }): Analyser {
  return createAnalyser({
    host: {
      readFile: async (p) => {
        const known = o.known?.get(p);
        if (known !== undefined) return known;
        const r = await readText(p, p.slice(p.lastIndexOf('/') + 1));
        return 'text' in r ? r.text : r.missing ? undefined : { problem: r.problem };
      },
    },
    configPath: o.configPath,
    today: () => o.today,
  });
}

/** Checks the tasks one after another in this thread. */
export async function checkInTurn(tasks: readonly CaseTask[], analyser: Analyser, needs: Needs): Promise<CheckedCase[]> {
  const out: CheckedCase[] = [];
  for (const t of tasks) out.push(await checkCase(analyser, t, needs));
  return out;
}

interface Batch {
  from: number;
  tasks: CaseTask[];
}

type Answer = { from: number; results: CheckedCase[] } | { problem: string; stack?: string };

/**
 * Checks the tasks in `threads` worker threads started from `script` (the command line's own
 * bundle), giving each thread a small batch at a time so that all finish together. The results
 * come back in the tasks' order, whatever order the threads finish in.
 */
export async function checkInThreads(tasks: readonly CaseTask[], threads: number, script: string, setup: Omit<WorkerSetup, 'scrCheckWorker'>): Promise<CheckedCase[]> {
  const results: CheckedCase[] = new Array(tasks.length);
  // Batches small enough that the last ones even out the threads, big enough that messages are few.
  const size = Math.max(1, Math.min(16, Math.ceil(tasks.length / (threads * 6))));
  let next = 0;
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let busy = 0;
      const give = (w: Worker) => {
        if (next >= tasks.length) {
          if (busy === 0) resolve();
          return;
        }
        const from = next;
        next = Math.min(tasks.length, next + size);
        busy++;
        w.postMessage({ from, tasks: tasks.slice(from, next) } satisfies Batch);
      };
      for (let k = 0; k < threads; k++) {
        // No options passed on from the main thread's Node.js: the script needs none, and a loader
        // given to Node (`--import`) would be asked to load it again in each thread.
        const w = new Worker(script, { workerData: { ...setup, scrCheckWorker: true } satisfies WorkerSetup, execArgv: [] });
        workers.push(w);
        w.on('message', (m: Answer) => {
          if ('problem' in m) return reject(Object.assign(new Error(m.problem), { stack: m.stack }));
          m.results.forEach((r, i) => (results[m.from + i] = r));
          busy--;
          give(w);
        });
        w.on('error', reject);
        w.on('exit', (code) => {
          if (next < tasks.length || busy > 0) reject(new Error(`a worker thread stopped before its files were checked (exit code ${code})`));
        });
        give(w);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}

/** The worker thread's side: checks each batch it is given and sends the results back. */
export function serveChecks(setup: WorkerSetup): void {
  const port = parentPort;
  if (!port) throw new Error('serveChecks runs only in a worker thread');
  const analyser = diskAnalyser(setup);
  port.on('message', async (b: Batch) => {
    let answer: Answer;
    try {
      answer = { from: b.from, results: await checkInTurn(b.tasks, analyser, setup.needs) };
    } catch (e) {
      answer = { problem: (e as Error)?.message ?? String(e), stack: (e as Error)?.stack };
    }
    port.postMessage(answer);
  });
}
