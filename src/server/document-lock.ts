/**
 * Runs `work` under the document lock, or answers null when the lock stays taken for `waitMs`:
 * two steps of an import or a pull never run at once, whichever execution runs them.
 */
export function withDocumentLock<T>(waitMs: number, work: () => T): T | null {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(waitMs)) return null;
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}
