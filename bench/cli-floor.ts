/**
 * The floor under `scr-check`: what it costs only to find the case files, read each into its tree
 * (with the checker's own reader) and check it against the schema (with the checker's own
 * validator), with no rules, no checklist and no report. bench/run.ts bundles it as the command
 * line is bundled and runs it as a fresh process, in the same rounds as the command-line tools, so
 * it pays the same start-up. It answers: how much of the target does reading alone take?
 *
 *   node bench/.work/cli-floor.js FOLDER   prints "N files, M not valid"; exit 1 if any is not valid
 */
import { expandTargets, readTextNow } from '../server/src/cli/files';
import { CaseDoc } from '../server/src/engine/document';
import { validateCase } from '../server/src/engine/generated/validate-case';

async function main(): Promise<number> {
  const { files, problems } = await expandTargets(process.argv.slice(2), process.cwd());
  if (problems.length) throw new Error(problems.map((p) => p.message).join('\n'));
  let invalid = 0;
  for (const f of files) {
    const r = readTextNow(f);
    if (!('text' in r)) throw new Error(r.problem);
    const doc = new CaseDoc(r.text);
    if (doc.syntax.length || !validateCase(doc.value)) invalid++;
  }
  process.stdout.write(`${files.length} files, ${invalid} not valid\n`);
  return invalid ? 1 : 0;
}

main().then(
  (code) => (process.exitCode = code),
  (e) => {
    process.stderr.write(`${(e as Error).stack ?? e}\n`);
    process.exitCode = 2;
  },
);
