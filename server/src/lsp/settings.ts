import type { Connection } from 'vscode-languageserver';
import type { RawSettings } from '../engine/index';

/** The `scr.*` settings of the editor, pulled with `workspace/configuration` where the client answers it. */
export class EditorSettings {
  value: RawSettings | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly pullable: boolean,
    initial: unknown,
  ) {
    this.value = pick(initial);
  }

  /** Reads the settings again: from the client when it can answer, else from what the notification carried. */
  async refresh(notified?: unknown): Promise<void> {
    if (this.pullable) {
      try {
        this.value = pick(await this.connection.workspace.getConfiguration('scr'));
        return;
      } catch {
        // The client could not answer: keep what it last sent.
      }
    }
    const scr = (notified as { scr?: unknown } | undefined)?.scr;
    if (scr !== undefined) this.value = pick(scr);
  }
}

/** The settings that change findings (RawSettings); anything else under `scr` (such as trace) is left out. */
function pick(v: unknown): RawSettings | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const s = v as Record<string, unknown>;
  return { decisionLimit: s.decisionLimit, notificationLimit: s.notificationLimit, keyAgencyTypes: s.keyAgencyTypes, rules: s.rules };
}
