// What VS Code gives a webview for each kind of theme: the class on <body> and some of the
// `--vscode-*` colour variables on <html>. The values are those of VS Code's default themes
// (Light Modern, Dark Modern, Dark High Contrast, Light High Contrast), from the theme files and the
// colour registry's defaults in VS Code 1.10x. Used to check the preview's contrast in each.
const FONT = { '--vscode-font-family': 'system-ui, sans-serif', '--vscode-font-size': '13px', '--vscode-editor-font-family': 'monospace' };

export const THEMES = {
  'vscode-light': {
    ...FONT,
    '--vscode-editor-background': '#ffffff',
    '--vscode-foreground': '#3b3b3b',
    '--vscode-descriptionForeground': '#3b3b3b',
    '--vscode-disabledForeground': '#61616180',
    '--vscode-editorWarning-foreground': '#bf8803',
    '--vscode-editorError-foreground': '#e51400',
    '--vscode-editorInfo-foreground': '#0063d3',
    '--vscode-testing-iconPassed': '#73c991',
    '--vscode-charts-green': '#388a34',
    '--vscode-focusBorder': '#005fb8',
    '--vscode-textLink-foreground': '#005fb8',
    '--vscode-textLink-activeForeground': '#005fb8',
    '--vscode-panel-border': '#e5e5e5',
    '--vscode-button-background': '#005fb8',
    '--vscode-button-foreground': '#ffffff',
    '--vscode-button-border': '#0000001a',
    '--vscode-button-secondaryBackground': '#e5e5e5',
    '--vscode-button-secondaryForeground': '#3b3b3b',
    '--vscode-button-secondaryHoverBackground': '#cccccc',
    '--vscode-editorWidget-background': '#f8f8f8',
    '--vscode-textCodeBlock-background': '#f8f8f8',
  },
  'vscode-dark': {
    ...FONT,
    '--vscode-editor-background': '#1f1f1f',
    '--vscode-foreground': '#cccccc',
    '--vscode-descriptionForeground': '#9d9d9d',
    '--vscode-disabledForeground': '#cccccc80',
    '--vscode-editorWarning-foreground': '#cca700',
    '--vscode-editorError-foreground': '#f14c4c',
    '--vscode-editorInfo-foreground': '#59a4f9',
    '--vscode-testing-iconPassed': '#73c991',
    '--vscode-charts-green': '#89d185',
    '--vscode-focusBorder': '#0078d4',
    '--vscode-textLink-foreground': '#4daafc',
    '--vscode-textLink-activeForeground': '#4daafc',
    '--vscode-panel-border': '#2b2b2b',
    '--vscode-button-background': '#0078d4',
    '--vscode-button-foreground': '#ffffff',
    '--vscode-button-border': '#ffffff1a',
    '--vscode-button-secondaryBackground': '#00000000',
    '--vscode-button-secondaryForeground': '#cccccc',
    '--vscode-button-secondaryHoverBackground': '#2b2b2b',
    '--vscode-editorWidget-background': '#202020',
    '--vscode-textCodeBlock-background': '#2b2b2b',
  },
  'vscode-high-contrast': {
    ...FONT,
    '--vscode-editor-background': '#000000',
    '--vscode-foreground': '#ffffff',
    '--vscode-descriptionForeground': 'rgba(255, 255, 255, 0.7)',
    '--vscode-disabledForeground': '#a5a5a5',
    '--vscode-editorWarning-foreground': '#ffd370',
    '--vscode-editorError-foreground': '#f48771',
    '--vscode-editorInfo-foreground': '#59a4f9',
    '--vscode-testing-iconPassed': '#73c991',
    '--vscode-charts-green': '#89d185',
    '--vscode-contrastBorder': '#6fc3df',
    '--vscode-contrastActiveBorder': '#f38518',
    '--vscode-focusBorder': '#f38518',
    '--vscode-textLink-foreground': '#21a6ff',
    '--vscode-textLink-activeForeground': '#21a6ff',
    '--vscode-panel-border': '#6fc3df',
    '--vscode-button-background': '#000000',
    '--vscode-button-foreground': '#ffffff',
    '--vscode-button-border': '#6fc3df',
    '--vscode-button-secondaryForeground': '#ffffff',
    '--vscode-editorWidget-background': '#0c141f',
    '--vscode-textCodeBlock-background': '#000000',
  },
  'vscode-high-contrast-light': {
    ...FONT,
    '--vscode-editor-background': '#ffffff',
    '--vscode-foreground': '#292929',
    '--vscode-descriptionForeground': 'rgba(41, 41, 41, 0.7)',
    '--vscode-disabledForeground': '#7f7f7f',
    '--vscode-editorWarning-foreground': '#895503',
    '--vscode-editorError-foreground': '#b5200d',
    '--vscode-editorInfo-foreground': '#0063d3',
    '--vscode-testing-iconPassed': '#007100',
    '--vscode-charts-green': '#374e06',
    '--vscode-contrastBorder': '#0f4a85',
    '--vscode-contrastActiveBorder': '#006bbd',
    '--vscode-focusBorder': '#006bbd',
    '--vscode-textLink-foreground': '#0f4a85',
    '--vscode-textLink-activeForeground': '#0f4a85',
    '--vscode-panel-border': '#0f4a85',
    '--vscode-button-background': '#0f4a85',
    '--vscode-button-foreground': '#ffffff',
    '--vscode-button-border': '#0f4a85',
    '--vscode-button-secondaryBackground': '#ffffff',
    '--vscode-button-secondaryForeground': '#292929',
    '--vscode-editorWidget-background': '#ffffff',
    '--vscode-textCodeBlock-background': '#f2f2f2',
  },
};

/** Puts the page in a theme as VS Code does: the body's classes and the variables on <html>. */
export async function applyTheme(page, kind) {
  await page.evaluate(
    ([kind, vars]) => {
      document.body.classList.remove('vscode-light', 'vscode-dark', 'vscode-high-contrast', 'vscode-high-contrast-light');
      document.body.classList.add(kind);
      if (kind === 'vscode-high-contrast-light') document.body.classList.add('vscode-high-contrast');
      document.body.dataset.vscodeThemeKind = kind;
      const style = document.documentElement.style;
      for (let i = style.length - 1; i >= 0; i--) if (style[i].startsWith('--vscode-')) style.removeProperty(style[i]);
      for (const [k, v] of Object.entries(vars)) style.setProperty(k, v);
    },
    [kind, THEMES[kind]],
  );
}
