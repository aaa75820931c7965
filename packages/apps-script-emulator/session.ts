import { createHash } from 'node:crypto';
import type { ApiSubset } from './api-types';
import { instrument, type Runtime } from './runtime';

export class EmulatedUser implements ApiSubset<GoogleAppsScript.Base.User, 'getEmail'> {
  constructor(
    readonly rt: Runtime,
    private readonly email: string,
  ) {}

  getEmail(): string {
    return this.email;
  }
}
instrument(EmulatedUser, 'User');

export class EmulatedSession implements ApiSubset<
  GoogleAppsScript.Base.Session,
  'getActiveUser' | 'getActiveUserLocale' | 'getEffectiveUser' | 'getScriptTimeZone' | 'getTemporaryActiveUserKey'
> {
  constructor(
    readonly rt: Runtime,
    private readonly timeZone: string,
  ) {}

  getActiveUser(): EmulatedUser {
    return new EmulatedUser(this.rt, this.rt.visibleEmail());
  }

  getEffectiveUser(): EmulatedUser {
    return new EmulatedUser(this.rt, this.rt.visibleEmail());
  }

  getScriptTimeZone(): string {
    return this.timeZone;
  }

  getActiveUserLocale(): string {
    return 'en';
  }

  /** Stable per user and script, opaque, like the real key. */
  getTemporaryActiveUserKey(): string {
    return createHash('sha256').update(`upflow-emulator:${this.rt.user}`).digest('base64url').slice(0, 43);
  }
}
instrument(EmulatedSession, 'Session');
