/** How every case file is read: YAML 1.2, keys unique, the library never writing to the console. */
export const PARSE_OPTIONS = { version: '1.2', prettyErrors: false, uniqueKeys: true, logLevel: 'error' } as const;
