import type { ApiSubset } from './api-types';
import { fail } from './exception';
import { instrument, type Runtime } from './runtime';

/** Who holds one of the three locks: an execution id, or null. */
export class LockSlot {
  owner: number | null = null;
}

export interface LockSlots {
  document: LockSlot;
  script: LockSlot;
  user: LockSlot;
}

/** Locks held by an execution are released when it ends, as Apps Script does. */
export function releaseLocksAtExecutionEnd(rt: Runtime, slots: LockSlots): void {
  rt.onExecutionEnd((executionId) => {
    for (const slot of [slots.document, slots.script, slots.user]) if (slot.owner === executionId) slot.owner = null;
  });
}

/**
 * A held lock can only be released by its execution, and executions here run on one thread:
 * while another execution holds it nothing can release it during the wait, so tryLock and
 * waitLock answer at once instead of sleeping through the timeout.
 */
export class EmulatedLock implements ApiSubset<GoogleAppsScript.Lock.Lock, keyof GoogleAppsScript.Lock.Lock> {
  constructor(
    readonly rt: Runtime,
    readonly slot: LockSlot,
  ) {}

  tryLock(timeoutInMillis: number): boolean {
    void timeoutInMillis;
    return acquire(this);
  }

  waitLock(timeoutInMillis: number): void {
    void timeoutInMillis;
    if (!acquire(this)) fail('Lock timeout: another process was holding the lock for too long.');
  }

  hasLock(): boolean {
    return this.slot.owner === this.rt.executionId;
  }

  releaseLock(): void {
    const slot = this.slot;
    if (slot.owner === this.rt.executionId) slot.owner = null;
  }
}
instrument(EmulatedLock, 'Lock');

function acquire(lock: EmulatedLock): boolean {
  const slot = lock.slot;
  if (slot.owner !== null && slot.owner !== lock.rt.executionId) return false;
  slot.owner = lock.rt.executionId;
  return true;
}

type ServiceMethods = 'getDocumentLock' | 'getScriptLock' | 'getUserLock';

export class EmulatedLockService implements ApiSubset<GoogleAppsScript.Lock.LockService, ServiceMethods> {
  constructor(
    readonly rt: Runtime,
    private readonly slots: LockSlots,
  ) {}

  getDocumentLock(): EmulatedLock {
    return new EmulatedLock(this.rt, this.slots.document);
  }

  getScriptLock(): EmulatedLock {
    return new EmulatedLock(this.rt, this.slots.script);
  }

  getUserLock(): EmulatedLock {
    return new EmulatedLock(this.rt, this.slots.user);
  }
}
instrument(EmulatedLockService, 'LockService');
