import { strict as assert } from 'node:assert';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { checkInThreads, FILES_PER_THREAD, threadsFor } from '../../server/src/cli/pool';
import { needsOf } from '../../server/src/cli/check';
import { scratch } from '../helpers/cli';
import { CI_DOSSIER, GOLDEN_TODAY, run } from './run-cli';

/**
 * Checking many files at once in worker threads (--jobs): the report must be the same, byte for
 * byte, whichever way the files were checked, in every format and with baselines; and a thread
 * that fails must stop the run with a message, not leave files out.
 */
describe('scr-check --jobs: the same report from one thread or several', () => {
  let s: ReturnType<typeof scratch>;
  before(() => {
    s = scratch(CI_DOSSIER);
    const p = readFileSync(join(s.dir, 'child-p.scr.yaml'), 'utf8');
    // A second file with child P's reference (checked again against the whole dossier), a file
    // that cannot be read, a settings file with a mistake, and enough plain cases for several batches.
    mkdirSync(join(s.dir, 'copy'));
    writeFileSync(join(s.dir, 'copy', 'child-p.scr.yaml'), p);
    writeFileSync(join(s.dir, 'broken.scr.yaml'), 'scr: 1\ncase: [unclosed\n');
    mkdirSync(join(s.dir, 'more'));
    writeFileSync(join(s.dir, 'more', 'scr.config.yaml'), 'decisionLimit: 1 fortnight\n');
    for (let i = 0; i < 30; i++) writeFileSync(join(s.dir, 'more', `case-${i}.scr.yaml`), p.replace('NSCB-2016-21', `NSCB-2016-${100 + i}`));
  });
  after(() => s.done());

  const both = (args: string[]) => {
    const one = run([...args, '--jobs', '1', '--debug'], s.dir);
    const many = run([...args, '--jobs', '3', '--debug'], s.dir);
    assert.match(one.stderr, /35 case files checked in the main thread/);
    assert.match(many.stderr, /35 case files checked in 3 worker threads/);
    return { one, many };
  };

  for (const format of ['stylish', 'json', 'sarif', 'junit', 'markdown', 'github']) {
    it(`--format ${format}`, () => {
      const { one, many } = both(['--today', GOLDEN_TODAY, '--format', format]);
      assert.equal(one.code, 1);
      assert.equal(many.code, one.code);
      assert.equal(many.stdout, one.stdout);
      // The shared reference, the unreadable file and the settings file's mistake are all in it.
      assert.match(one.stdout, /NSCB-2016-21/);
      assert.match(one.stdout, /broken\.scr\.yaml/);
      assert.match(one.stdout, /more\/scr\.config\.yaml/);
    });
  }

  it('writes the same baseline, and leaves out the same findings with it', () => {
    const { one, many } = both(['--today', GOLDEN_TODAY, '--write-baseline', 'one.json']);
    assert.equal(many.code, one.code);
    const first = readFileSync(join(s.dir, 'one.json'), 'utf8');
    const again = both(['--today', GOLDEN_TODAY, '--write-baseline', 'one.json']);
    assert.equal(again.many.code, one.code);
    assert.equal(readFileSync(join(s.dir, 'one.json'), 'utf8'), first);
    assert.match(first, /"at": "[a-z]/, 'the baseline records where each finding stands');
    const used = both(['--today', GOLDEN_TODAY, '--baseline', 'one.json']);
    assert.equal(used.many.stdout, used.one.stdout);
    assert.match(used.one.stdout, /[1-9]\d* findings already in the baseline not shown/);
  });

  it('refuses a number of jobs that is not a whole number of at least 1', () => {
    for (const bad of ['0', 'two', '1.5', '-2']) {
      const r = run(['--jobs=' + bad, '.'], s.dir);
      assert.equal(r.code, 2, bad);
      assert.match(r.stderr, /--jobs needs a whole number of at least 1, or auto/);
    }
    assert.equal(run(['--jobs', 'auto', '--today', GOLDEN_TODAY, '--format', 'json', '.'], s.dir).code, 1);
  });
});

describe('how many threads check the files', () => {
  it('by default, one for every two processors once each has enough files, at most 8', () => {
    assert.equal(threadsFor(10, undefined, 4), 1);
    assert.equal(threadsFor(FILES_PER_THREAD * 2 - 1, undefined, 4), 1);
    assert.equal(threadsFor(FILES_PER_THREAD * 2, undefined, 4), 2);
    assert.equal(threadsFor(FILES_PER_THREAD * 2, undefined, 5), 2);
    // On two processors one thread checks sooner than two (see threadsFor).
    assert.equal(threadsFor(100_000, undefined, 2), 1);
    assert.equal(threadsFor(100_000, undefined, 3), 1);
    assert.equal(threadsFor(1000, undefined, 1), 1);
    assert.equal(threadsFor(100_000, undefined, 64), 8);
  });
  it('as asked, but never more than there are files', () => {
    assert.equal(threadsFor(10, 1, 4), 1);
    assert.equal(threadsFor(10, 3, 1), 3);
    assert.equal(threadsFor(2, 5, 4), 2);
    assert.equal(threadsFor(0, 5, 4), 1);
  });
});

describe('a worker thread that fails', () => {
  let s: ReturnType<typeof scratch>;
  before(() => {
    s = scratch();
  });
  after(() => s.done());
  const tasks = Array.from({ length: 5 }, (_, i) => ({ path: `/x/${i}.scr.yaml`, text: 'scr: 1\n', name: `${i}.scr.yaml` }));
  const setup = { needs: needsOf(['json'], false) };

  it('stops the run with what went wrong inside it', async () => {
    const script = join(s.dir, 'fails.cjs');
    writeFileSync(script, "require('node:worker_threads').parentPort.on('message', (b) => require('node:worker_threads').parentPort.postMessage({ problem: 'a rule broke on ' + b.tasks[0].path }));\n");
    await assert.rejects(checkInThreads(tasks, 2, script, setup), /a rule broke on \/x\/\d\.scr\.yaml/);
  });
  it('stops the run when a thread ends before its files are checked', async () => {
    const script = join(s.dir, 'ends.cjs');
    writeFileSync(script, 'process.exit(3);\n');
    await assert.rejects(checkInThreads(tasks, 2, script, setup), /a worker thread stopped before its files were checked \(exit code 3\)/);
  });
  it('stops the run when a thread cannot start', async () => {
    const script = join(s.dir, 'throws.cjs');
    writeFileSync(script, "throw new Error('the checker could not be loaded');\n");
    await assert.rejects(checkInThreads(tasks, 2, script, setup), /the checker could not be loaded/);
  });
});
