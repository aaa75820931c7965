import { instrument, type Runtime } from './runtime';

/** Logger.log's lines, kept so tests and the playground can read them back. */
export class LogRecorder {
  readonly lines: string[] = [];
}

function render(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'object' && !Array.isArray(value) && Object.prototype.toString.call(value) === '[object Object]') return JSON.stringify(value);
  return String(value);
}

export class EmulatedLogger {
  constructor(
    readonly rt: Runtime,
    readonly recorder: LogRecorder,
  ) {}

  /** `Logger.log(format, ...values)` substitutes `%s` placeholders in order, like Apps Script. */
  log(data: unknown, ...values: unknown[]): EmulatedLogger {
    let line = render(data);
    if (values.length > 0) {
      let next = 0;
      line = line.replace(/%s/g, (placeholder) => (next < values.length ? render(values[next++]) : placeholder));
    }
    this.recorder.lines.push(line);
    return this;
  }

  getLog(): string {
    return this.recorder.lines.join('\n');
  }

  clear(): void {
    this.recorder.lines.length = 0;
  }
}
instrument(EmulatedLogger, 'Logger');
