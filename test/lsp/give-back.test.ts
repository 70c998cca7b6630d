// After a burst of work (a folder of case files opening at once) the server hands the memory V8
// grew for it back to the system, instead of keeping it for as long as it sits idle.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { caseFile } from '../../bench/generate';
import { SMALL_YOUNG_BYTES, startGivingBack, type GiveBackDeps } from '../../server/src/lsp/give-back';
import { TestClient } from './client';

function fakeDeps(sizes: number[]) {
  let tick: (() => void) | undefined;
  let stopped = false;
  const collected: number[] = [];
  const deps: GiveBackDeps = {
    youngBytes: () => sizes[0],
    collect: () => void collected.push(sizes[0]),
    every: (_ms, f) => {
      tick = f;
      return { stop: () => void (stopped = true) };
    },
  };
  return { deps, collected, step: () => { tick!(); sizes.shift(); }, stopped: () => stopped };
}

describe('giving memory back', () => {
  it('asks for a collection only while the young generation is over 2 MB', () => {
    const MB = 1024 * 1024;
    const f = fakeDeps([1 * MB, 32 * MB, 32 * MB, SMALL_YOUNG_BYTES, 1 * MB]);
    const stop = startGivingBack(f.deps);
    for (let i = 0; i < 5; i++) f.step();
    assert.deepEqual(f.collected, [32 * MB, 32 * MB]);
    stop();
    assert.ok(f.stopped());
  });

  const procStatus = (pid: number) => `/proc/${pid}/status`;
  it('the language server gives back what it grew while 200 files opened', { skip: existsSync(procStatus(process.pid)) ? false : 'this system has no /proc to read a process’s memory from', timeout: 60_000 }, async () => {
    const client = await TestClient.start();
    try {
      const pid = (client.proc as { pid: number }).pid;
      const rss = () => Number(/^VmRSS:\s*(\d+) kB/m.exec(readFileSync(procStatus(pid), 'utf8'))![1]) / 1024;
      const uris = Array.from({ length: 200 }, (_, i) => `file:///dossier/case-${i}.scr.yaml`);
      uris.forEach((uri, i) => client.open(uri, caseFile({ scale: 1, seed: 300 + i })));
      await client.until(() => uris.every((u) => client.published.has(u)), 'diagnostics for all 200 files', 30_000);
      const busy = rss();
      // V8 shrinks only after a few seconds with little allocation (about 6 s on Node 20).
      let settled = busy;
      for (const end = Date.now() + 30_000; Date.now() < end && settled > busy - 12; ) {
        await new Promise((r) => setTimeout(r, 250));
        settled = rss();
      }
      assert.ok(settled <= busy - 12, `resident memory ${busy.toFixed(0)} MB after the opens, ${settled.toFixed(0)} MB 30 s later`);
    } finally {
      await client.stop();
    }
  });
});
