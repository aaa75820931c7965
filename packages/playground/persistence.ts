/**
 * The playground's data file (data/playground.json): the emulated document and its property
 * stores, so sheet changes survive a restart. Written atomically (temporary file, then rename)
 * and never twice at once: saves requested during a write collapse into one more write.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { EmulatorJson } from '@upflow-sheets/apps-script-emulator';

export interface SavedPlayground {
  version: 1;
  /** What the document was started from ("demo" or an input file): another source starts afresh. */
  source: string;
  emulator: EmulatorJson;
}

export interface StateFile {
  read(): Promise<SavedPlayground | null>;
  /** Schedules a write of what `snapshot()` returns when the write starts. */
  save(snapshot: () => SavedPlayground): void;
  /** Resolves when nothing is left to write (failed writes go to `onError`). */
  flush(): Promise<void>;
}

export function stateFile(path: string, onError: (error: Error) => void): StateFile {
  let writing: Promise<void> | null = null;
  let pending: (() => SavedPlayground) | null = null;

  const write = async (snapshot: () => SavedPlayground): Promise<void> => {
    await mkdir(dirname(path), { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(snapshot()));
    await rename(temporary, path);
  };

  const drain = async (): Promise<void> => {
    while (pending) {
      const next = pending;
      pending = null;
      try {
        await write(next);
      } catch (error) {
        onError(error as Error);
      }
    }
    writing = null;
  };

  return {
    async read() {
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
      try {
        const saved = JSON.parse(text) as SavedPlayground;
        if (saved.version === 1) return saved;
      } catch {
        // A file cut short (disk full, say) must not keep the playground from starting.
      }
      onError(new Error(`${path} is not a playground state file: starting from the starting sheet.`));
      return null;
    },
    save(snapshot) {
      pending = snapshot;
      writing ??= drain();
    },
    async flush() {
      while (writing) await writing;
    },
  };
}
