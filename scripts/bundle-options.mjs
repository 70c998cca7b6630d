// How each bundle is built, shared by esbuild.mjs and the benchmark (which weighs the parts of
// each bundle, and bundles its own floor measurement exactly as the command line is bundled).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/** What every bundle shares; `production` minifies, otherwise source maps. */
function common(production) {
  return { define: { SCR_VERSION: JSON.stringify(version) }, bundle: true, minify: production, sourcemap: !production, logLevel: 'warning', legalComments: 'none', target: 'es2022' };
}

// js-yaml's CommonJS build, for Node and the browser alike: its ES module build sets up each
// reading's state with an object spread that V8 runs about three times slower (the whole 100×
// file: 33 ms against 9 ms), and the engine reads a file in hundreds of parts.
const jsYaml = { 'js-yaml': './node_modules/js-yaml/dist/js-yaml.cjs.js' };

// For Node, as CommonJS. ESM dependencies that ask for import.meta.url still work.
// yaml's ES module build (the one browsers get) for Node too: bundled as CommonJS, each call of
// isScalar, isMap and the like on the hot paths went through an interop getter.
const nodeCjs = {
  platform: 'node',
  format: 'cjs',
  alias: { yaml: './node_modules/yaml/browser/index.js', ...jsYaml },
  define: { ...common(true).define, 'import.meta.url': '__scrImportMetaUrl' },
  banner: { js: "const __scrImportMetaUrl = require('url').pathToFileURL(__filename).href;" },
};

/** Every bundle: the command line, the language server for Node and for a browser worker, the VS
 * Code client for desktop and web, and the preview's script. The engine is also bundled on its own
 * for the browser (not written), so a stray Node import in it fails the build. */
export function builds(production) {
  return [
    { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', ...nodeCjs },
    { entryPoints: ['server/src/lsp/node.ts'], outfile: 'dist/server.js', ...nodeCjs },
    { entryPoints: ['server/src/lsp/worker.ts'], outfile: 'dist/server-worker.js', platform: 'browser', format: 'iife', alias: jsYaml },
    { entryPoints: ['client/src/node.ts'], outfile: 'dist/client.js', platform: 'node', format: 'cjs', external: ['vscode'] },
    { entryPoints: ['client/src/web.ts'], outfile: 'dist/client-web.js', platform: 'browser', format: 'cjs', external: ['vscode'] },
    { entryPoints: ['client/src/webview/main.ts'], outfile: 'dist/webview.js', platform: 'browser', format: 'iife' },
    { entryPoints: ['server/src/engine/index.ts'], outfile: 'dist/engine-browser-check.js', platform: 'browser', format: 'esm', write: false, alias: jsYaml },
  ].map((b) => ({ ...common(production), ...b }));
}
