import { createHash } from 'node:crypto';
import { fail } from './exception';
import { instrument, type Runtime } from './runtime';

export const AuthMode = Object.freeze({ NONE: 'NONE', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION', LIMITED: 'LIMITED', FULL: 'FULL' } as const);
export const EventType = Object.freeze({ CLOCK: 'CLOCK', ON_OPEN: 'ON_OPEN', ON_EDIT: 'ON_EDIT', ON_CHANGE: 'ON_CHANGE', ON_FORM_SUBMIT: 'ON_FORM_SUBMIT' } as const);
export const TriggerSource = Object.freeze({ SPREADSHEETS: 'SPREADSHEETS', CLOCK: 'CLOCK' } as const);

export interface TriggerRecord {
  id: string;
  handlerFunction: string;
  eventType: string;
  source: string;
  /** Clock triggers: how often (ms) or, for `after`, when (ms from creation). */
  intervalMs?: number;
}

export class TriggerRecorder {
  readonly triggers: TriggerRecord[] = [];
  nextId = 1;
}

export class EmulatedTrigger {
  constructor(
    readonly rt: Runtime,
    readonly record: TriggerRecord,
  ) {}

  getHandlerFunction(): string {
    return this.record.handlerFunction;
  }

  getEventType(): string {
    return this.record.eventType;
  }

  getTriggerSource(): string {
    return this.record.source;
  }

  getUniqueId(): string {
    return this.record.id;
  }
}
instrument(EmulatedTrigger, 'Trigger');

/** One builder for both trigger kinds; `create()` records what was configured. */
export class EmulatedTriggerBuilder {
  private eventType = '';
  private source = '';
  private intervalMs: number | undefined;

  constructor(
    readonly rt: Runtime,
    private readonly recorder: TriggerRecorder,
    private readonly handlerFunction: string,
  ) {}

  forSpreadsheet(spreadsheet: unknown): EmulatedTriggerBuilder {
    void spreadsheet;
    this.source = TriggerSource.SPREADSHEETS;
    return this;
  }

  timeBased(): EmulatedTriggerBuilder {
    this.source = TriggerSource.CLOCK;
    this.eventType = EventType.CLOCK;
    return this;
  }

  onOpen(): EmulatedTriggerBuilder {
    this.eventType = EventType.ON_OPEN;
    return this;
  }

  onEdit(): EmulatedTriggerBuilder {
    this.eventType = EventType.ON_EDIT;
    return this;
  }

  onChange(): EmulatedTriggerBuilder {
    this.eventType = EventType.ON_CHANGE;
    return this;
  }

  after(durationMilliseconds: number): EmulatedTriggerBuilder {
    this.intervalMs = durationMilliseconds;
    return this;
  }

  everyMinutes(n: number): EmulatedTriggerBuilder {
    if (![1, 5, 10, 15, 30].includes(n)) fail('The value passed to everyMinutes() must be one of 1, 5, 10, 15 or 30.');
    this.intervalMs = n * 60000;
    return this;
  }

  everyHours(n: number): EmulatedTriggerBuilder {
    this.intervalMs = n * 3600000;
    return this;
  }

  create(): EmulatedTrigger {
    if (!this.source || !this.eventType) fail('The trigger is missing a source or an event type.');
    const record: TriggerRecord = { id: String(this.recorder.nextId++), handlerFunction: this.handlerFunction, eventType: this.eventType, source: this.source };
    if (this.intervalMs !== undefined) record.intervalMs = this.intervalMs;
    this.recorder.triggers.push(record);
    return new EmulatedTrigger(this.rt, record);
  }
}
instrument(EmulatedTriggerBuilder, 'TriggerBuilder');

export class EmulatedScriptApp {
  readonly AuthMode = AuthMode;
  readonly EventType = EventType;
  readonly TriggerSource = TriggerSource;

  constructor(
    readonly rt: Runtime,
    private readonly recorder: TriggerRecorder,
  ) {}

  getScriptId(): string {
    return '1upflowSheetsEmulatedScriptId0000000000000000000000000';
  }

  /** A token-shaped string: enough for code that forwards it in an Authorization header. */
  getOAuthToken(): string {
    return `ya29.emulated-${createHash('sha256').update(this.rt.user).digest('hex').slice(0, 32)}`;
  }

  newTrigger(functionName: string): EmulatedTriggerBuilder {
    return new EmulatedTriggerBuilder(this.rt, this.recorder, String(functionName));
  }

  getProjectTriggers(): EmulatedTrigger[] {
    return this.recorder.triggers.map((record) => new EmulatedTrigger(this.rt, record));
  }

  deleteTrigger(trigger: EmulatedTrigger): void {
    const at = this.recorder.triggers.findIndex((t) => t.id === trigger.record.id);
    if (at >= 0) this.recorder.triggers.splice(at, 1);
  }
}
instrument(EmulatedScriptApp, 'ScriptApp');
