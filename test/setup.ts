// Loaded before every test file (test/run.mjs). The property tests draw their cases from one fixed
// seed, so `npm test` and CI run the same cases every time and a failure can be run again as it
// was. `npm run fuzz` explores further; SCR_TEST_SEED=<number> draws another set, and
// SCR_TEST_SEED=random a new one each run (fast-check prints the seed of any failure).
import fc from 'fast-check';

const asked = process.env.SCR_TEST_SEED;
if (asked !== 'random') fc.configureGlobal({ seed: asked ? Number(asked) : 20_161_201 });
