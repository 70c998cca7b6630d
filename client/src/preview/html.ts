/**
 * The checklist preview's page: a strict Content Security Policy, the bundled style sheet and the
 * bundled script (by nonce), and an empty mount point the script fills. Pure (no `vscode`), so a
 * test can load the very same page in a browser.
 */
export interface PreviewPage {
  /** The webview's `cspSource`: where the style sheet may come from. */
  cspSource: string;
  /** A fresh random value for each page (see nonce.ts). */
  nonce: string;
  /** Webview URIs of dist/webview.js and dist/webview.css. */
  scriptUri: string;
  styleUri: string;
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  // Nothing else is needed: icons are inline SVG built by the script, fonts are the editor's own.
  return ["default-src 'none'", `style-src ${cspSource}`, `script-src 'nonce-${nonce}'`].join('; ');
}

export function previewHtml(page: PreviewPage): string {
  const a = escapeAttribute;
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${a(contentSecurityPolicy(page.cspSource, page.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${a(page.styleUri)}">
<title>QM2 checklist</title>
</head>
<body>
<div id="app"><p class="placeholder">Loading the QM2 checklist…</p></div>
<div id="announce" class="visually-hidden" role="status" aria-live="polite" aria-atomic="true"></div>
<script nonce="${a(page.nonce)}" src="${a(page.scriptUri)}"></script>
</body>
</html>
`;
}

function escapeAttribute(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
