// The extension's manifest against the rest of the project: settings for every rule, commands that
// activate the extension, and a package that ships what the manifest names.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';

const read = (p: string) => readFileSync(new URL(`../../${p}`, import.meta.url), 'utf8');
const pkg = JSON.parse(read('package.json'));
const config = JSON.parse(read('schemas/scr-config.schema.json'));

test('scr.rules offers exactly the rules scr.config.yaml knows, with the same levels', () => {
  const setting = pkg.contributes.configuration.properties['scr.rules'];
  assert.deepEqual(Object.keys(setting.properties).sort(), Object.keys(config.properties.rules.properties).sort());
  for (const p of Object.values<{ enum: string[] }>(setting.properties)) assert.deepEqual(p.enum, config.definitions.severity.enum);
});

test('every setting has a description and a scope', () => {
  for (const [key, p] of Object.entries<Record<string, unknown>>(pkg.contributes.configuration.properties)) {
    assert.ok(key.startsWith('scr.'), key);
    assert.ok(p.markdownDescription || p.description, `${key} has a description`);
    // The server reads one value for the whole window, so no setting may offer itself per folder
    // (a folder's own value would be ignored); a scr.config.yaml file sets a folder's rules.
    assert.equal(p.scope, 'window', `${key} is read for the whole window`);
  }
});

test('the extension activates on its language, its commands, and a folder holding a settings file', () => {
  const commands = pkg.contributes.commands.map((c: { command: string }) => c.command);
  // The settings file is YAML, not our language: without this event, opening it alone would not
  // start the checker, and its mistakes would go unreported.
  const folder = ['workspaceContains:**/scr.config.yaml'];
  assert.deepEqual(new Set(pkg.activationEvents), new Set(['onLanguage:scr-case', ...folder, ...commands.map((c: string) => `onCommand:${c}`), 'onWebviewPanel:scr.checklist']));
  for (const c of pkg.contributes.commands) assert.equal(c.category, 'SCR', c.command);
});

test('the files the manifest names exist and the package keeps them', () => {
  const ignore = read('.vscodeignore');
  const named = [pkg.main, pkg.browser, ...pkg.contributes.grammars.map((g: { path: string }) => g.path), ...pkg.contributes.snippets.map((s: { path: string }) => s.path), pkg.contributes.languages[0].configuration, pkg.contributes.languages[0].icon.light];
  for (const f of named) {
    const rel = f.replace(/^\.\//, '');
    if (!rel.startsWith('dist/')) assert.ok(existsSync(new URL(`../../${rel}`, import.meta.url)), `${rel} exists`);
  }
  for (const bundle of ['dist/client.js', 'dist/client-web.js', 'dist/server.js', 'dist/server-worker.js', 'dist/webview.js', 'dist/webview.css']) assert.match(ignore, new RegExp(`^!${bundle.replace('.', '\\.')}$`, 'm'));
  assert.deepEqual(pkg.capabilities, { untrustedWorkspaces: { supported: true }, virtualWorkspaces: true });
});
