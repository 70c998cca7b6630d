import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import * as esbuild from 'esbuild';
import { globSync } from 'tinyglobby';

const ROOT = join(__dirname, '..', '..');
const NETWORK_MODULES = /^(node:)?(http|https|http2|net|tls|dgram|dns)(\/.*)?$/;
/** Browser and Node ways to reach another machine, as they are called in code. */
const NETWORK_CALLS: [string, RegExp][] = [
  ['a global fetch()', /(?<![.\w$])fetch\s*\(/],
  ['WebSocket', /\bnew\s+WebSocket\b/],
  ['XMLHttpRequest', /\bXMLHttpRequest\b/],
  ['EventSource', /\bnew\s+EventSource\b/],
  ['sendBeacon', /\bsendBeacon\b/],
  ['importScripts from a URL', /importScripts\s*\(\s*['"`]https?:/],
];

/** Method definitions named fetch (`async fetch(uri) {`) are not network calls. */
function withoutFetchMethods(text: string): string {
  return text.replace(/\basync\s+fetch\s*\(/g, '').replace(/^\s*fetch\s*\([^)]*\)\s*(:[^{]*)?\{/gm, '');
}

describe('nothing we ship can reach the network', () => {
  const sources = globSync(['server/src/**/*.ts', 'client/src/**/*.ts'], { cwd: ROOT });
  it('has source files to check', () => assert.ok(sources.length > 40));

  for (const file of sources) {
    it(`${file} uses no network module or call`, () => {
      const text = readFileSync(join(ROOT, file), 'utf8');
      const imports = [...text.matchAll(/from\s*['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
      assert.deepEqual(imports.filter((s) => NETWORK_MODULES.test(s)), [], 'no network module');
      const code = withoutFetchMethods(text.replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, ''));
      for (const [what, re] of NETWORK_CALLS) assert.doesNotMatch(code, re, `no ${what}`);
      if (imports.some((s) => /^(node:)?child_process$/.test(s))) {
        assert.equal(file, 'server/src/cli/git.ts', 'only the command line starts another program (git, on this machine)');
      }
    });
  }

  const entries: [string, esbuild.Platform][] = [
    ['server/src/cli/main.ts', 'node'],
    ['server/src/lsp/node.ts', 'node'],
    ['server/src/lsp/worker.ts', 'browser'],
    ['client/src/node.ts', 'node'],
    ['client/src/web.ts', 'browser'],
    ['client/src/webview/main.ts', 'browser'],
  ];
  for (const [entry, platform] of entries) {
    it(`the ${entry} bundle: no dependency opens a connection beyond the editor's own channel`, async (t) => {
      if (!existsSync(join(ROOT, entry))) return t.skip(`${entry} is not part of this build`);
      const r = await esbuild.build({
        entryPoints: [join(ROOT, entry)], bundle: true, write: false, metafile: true, platform, format: 'cjs',
        external: ['vscode'], logLevel: 'silent', loader: { '.css': 'text' }, define: { 'import.meta.url': '"file:///"' },
      });
      const offenders: string[] = [];
      for (const [input, info] of Object.entries(r.metafile.inputs)) {
        for (const imp of info.imports) {
          if (!NETWORK_MODULES.test(imp.path)) continue;
          // vscode-jsonrpc's pipe and socket transports: the local channel an editor opens to its
          // language server; never a connection to another machine.
          const allowed = /node_modules\/vscode-jsonrpc\//.test(input) && /^(node:)?net$/.test(imp.path);
          if (!allowed) offenders.push(`${input} imports ${imp.path}`);
        }
      }
      assert.deepEqual(offenders, []);
      const text = withoutFetchMethods(r.outputFiles[0].text);
      for (const [what, re] of NETWORK_CALLS) assert.doesNotMatch(text, re, `no ${what} in the bundle`);
    });
  }
});
