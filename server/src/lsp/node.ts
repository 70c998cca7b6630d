import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { glob } from 'tinyglobby';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { readText } from '../cli/files';
import { nodeGiveBackDeps, startGivingBack } from './give-back';
import type { ServerHost } from './host';
import { startServer } from './server';

/** The rule pages that ship beside the bundle (dist/../docs/rules), when they do. */
const docsDir = path.resolve(__dirname, '..', 'docs', 'rules');

const host: ServerHost = {
  // Read as the command line reads a file: as UTF-8 with any byte-order mark left out (the editor
  // leaves it out of an open file, so positions agree), and never a device, pipe or binary file.
  async readFile(uri) {
    if (!uri.startsWith('file:')) return undefined;
    const r = await readText(fileURLToPath(uri));
    return 'text' in r ? r.text : undefined;
  },
  async whyUnreadable(uri) {
    if (!uri.startsWith('file:')) return undefined;
    const file = fileURLToPath(uri);
    const r = await readText(file, path.basename(file));
    // Readable after all (written meanwhile), or gone: nothing to report on it.
    return 'problem' in r && !r.missing ? r.problem : undefined;
  },
  async listCaseFiles(folders) {
    const out: string[] = [];
    for (const f of folders) {
      if (!f.startsWith('file:')) continue;
      const found = await glob('**/*.scr.yaml', { cwd: fileURLToPath(f), absolute: true, ignore: ['**/node_modules/**', '**/.git/**'], followSymbolicLinks: false });
      out.push(...found.map((p) => pathToFileURL(p).href));
    }
    return [...new Set(out)].sort();
  },
  localRuleDoc(id) {
    const file = path.join(docsDir, `${id}.md`);
    return existsSync(file) ? pathToFileURL(file).href : undefined;
  },
};

// The transport comes from the command line: --stdio, --node-ipc or --socket=N.
startServer(createConnection(ProposedFeatures.all), host);

// Hands memory back to the system once a burst of work is over (see give-back.ts).
const giveBack = nodeGiveBackDeps();
if (giveBack) startGivingBack(giveBack);
