/**
 * One thing at a time against the emulator: sidebar calls, edits, menu items and Reset (which
 * also waits for the sandbox) each run alone and in arrival order, as executions hit one document.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => T | Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    // A failed task must not stop the ones queued after it.
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Resolves once everything queued so far has run. */
  idle(): Promise<void> {
    return this.tail.then(() => undefined);
  }
}
