import type { ApiSubset } from './api-types';
import { fail } from './exception';
import { instrument, type Runtime } from './runtime';

export const SandboxMode = Object.freeze({ EMULATED: 'EMULATED', IFRAME: 'IFRAME', NATIVE: 'NATIVE' } as const);
export const XFrameOptionsMode = Object.freeze({ ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' } as const);

export interface HtmlOutputData {
  content: string;
  title: string;
  width: number;
  height: number;
  sandboxMode: string;
  xFrameOptionsMode: string;
  faviconUrl: string;
  metaTags: { name: string; content: string }[];
}

type OutputMethods =
  | 'addMetaTag'
  | 'append'
  | 'appendUntrusted'
  | 'asTemplate'
  | 'clear'
  | 'getContent'
  | 'getFaviconUrl'
  | 'getHeight'
  | 'getTitle'
  | 'getWidth'
  | 'setContent'
  | 'setFaviconUrl'
  | 'setHeight'
  | 'setSandboxMode'
  | 'setTitle'
  | 'setWidth'
  | 'setXFrameOptionsMode';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export class EmulatedHtmlOutput implements ApiSubset<GoogleAppsScript.HTML.HtmlOutput, OutputMethods> {
  readonly data: HtmlOutputData;

  constructor(
    readonly rt: Runtime,
    content: string,
    private readonly globals: () => object,
  ) {
    this.data = { content, title: '', width: 600, height: 400, sandboxMode: 'IFRAME', xFrameOptionsMode: 'DEFAULT', faviconUrl: '', metaTags: [] };
  }

  getContent(): string {
    return this.data.content;
  }

  setContent(content: string): EmulatedHtmlOutput {
    this.data.content = String(content);
    return this;
  }

  append(addedContent: string): EmulatedHtmlOutput {
    this.data.content += String(addedContent);
    return this;
  }

  appendUntrusted(addedContent: string): EmulatedHtmlOutput {
    this.data.content += escapeHtml(String(addedContent));
    return this;
  }

  clear(): EmulatedHtmlOutput {
    this.data.content = '';
    return this;
  }

  getTitle(): string {
    return this.data.title;
  }

  setTitle(title: string): EmulatedHtmlOutput {
    this.data.title = String(title);
    return this;
  }

  getWidth(): number {
    return this.data.width;
  }

  setWidth(width: number): EmulatedHtmlOutput {
    this.data.width = width;
    return this;
  }

  getHeight(): number {
    return this.data.height;
  }

  setHeight(height: number): EmulatedHtmlOutput {
    this.data.height = height;
    return this;
  }

  setSandboxMode(mode: string): EmulatedHtmlOutput {
    this.data.sandboxMode = String(mode);
    return this;
  }

  setXFrameOptionsMode(mode: string): EmulatedHtmlOutput {
    this.data.xFrameOptionsMode = String(mode);
    return this;
  }

  getFaviconUrl(): string {
    return this.data.faviconUrl;
  }

  setFaviconUrl(iconUrl: string): EmulatedHtmlOutput {
    this.data.faviconUrl = String(iconUrl);
    return this;
  }

  addMetaTag(name: string, content: string): EmulatedHtmlOutput {
    this.data.metaTags.push({ name: String(name), content: String(content) });
    return this;
  }

  asTemplate(): EmulatedHtmlTemplate {
    return new EmulatedHtmlTemplate(this.rt, this.data.content, this.globals);
  }
}
instrument(EmulatedHtmlOutput, 'HtmlOutput');

/** Turns `<? code ?>`, `<?= escaped ?>` and `<?!= raw ?>` scriptlets into a function body. */
function compileTemplate(source: string): string {
  const lines: string[] = [];
  let at = 0;
  for (const m of source.matchAll(/<\?(!=|=)?([\s\S]*?)\?>/g)) {
    lines.push(`__out.push(${JSON.stringify(source.slice(at, m.index))});`);
    const [, kind, code = ''] = m;
    if (kind === '=') lines.push(`__out.push(__escape(${code}));`);
    else if (kind === '!=') lines.push(`__out.push(__print(${code}));`);
    else lines.push(code);
    at = (m.index ?? 0) + m[0].length;
  }
  lines.push(`__out.push(${JSON.stringify(source.slice(at))});`);
  return lines.join('\n');
}

const print = (value: unknown) => (value === null || value === undefined ? '' : String(value));

export class EmulatedHtmlTemplate implements ApiSubset<GoogleAppsScript.HTML.HtmlTemplate, 'evaluate' | 'getCode' | 'getRawContent'> {
  [variable: string]: unknown;
  declare readonly rt: Runtime;

  constructor(rt: Runtime, source: string, globals: () => object) {
    // Non-enumerable, so that only the variables the add-on assigns reach the scriptlets.
    Object.defineProperty(this, 'rt', { value: rt });
    Object.defineProperty(this, '__source', { value: source });
    Object.defineProperty(this, '__globals', { value: globals });
  }

  getRawContent(): string {
    return this.__source as string;
  }

  getCode(): string {
    return compileTemplate(this.__source as string);
  }

  evaluate(): EmulatedHtmlOutput {
    const globals = (this.__globals as () => object)();
    // Scriptlets see the template's variables, then the script's globals (the vm context in
    // the playground), like server code in Apps Script. `with` needs sloppy-mode Function code.
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- a template's scriptlets are code by design
    const render = new Function(
      '__globals',
      '__vars',
      '__escape',
      '__print',
      `const __out = []; with (__globals) { with (__vars) {\n${compileTemplate(this.__source as string)}\n} } return __out.join('');`,
    ) as (g: object, v: object, e: (x: unknown) => string, p: (x: unknown) => string) => string;
    const html = render(globals, { ...this }, (x) => escapeHtml(print(x)), print);
    return new EmulatedHtmlOutput(this.rt, html, this.__globals as () => object);
  }
}
instrument(EmulatedHtmlTemplate, 'HtmlTemplate');

type ServiceMethods = 'createHtmlOutputFromFile' | 'createTemplateFromFile' | 'getUserAgent';

export class EmulatedHtmlService implements ApiSubset<GoogleAppsScript.HTML.HtmlService, ServiceMethods> {
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;

  constructor(
    readonly rt: Runtime,
    private readonly files: Record<string, string>,
    private readonly globals: () => object,
  ) {}

  createHtmlOutput(html?: string): EmulatedHtmlOutput {
    return new EmulatedHtmlOutput(this.rt, html === undefined ? '' : String(html), this.globals);
  }

  createHtmlOutputFromFile(filename: string): EmulatedHtmlOutput {
    return new EmulatedHtmlOutput(this.rt, fileContent(this.files, filename), this.globals);
  }

  createTemplate(html: string): EmulatedHtmlTemplate {
    return new EmulatedHtmlTemplate(this.rt, String(html), this.globals);
  }

  createTemplateFromFile(filename: string): EmulatedHtmlTemplate {
    return new EmulatedHtmlTemplate(this.rt, fileContent(this.files, filename), this.globals);
  }

  getUserAgent(): string {
    return 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36';
  }
}
instrument(EmulatedHtmlService, 'HtmlService');

function fileContent(files: Record<string, string>, filename: string): string {
  const name = String(filename).replace(/\.html$/, '');
  const content = files[name] ?? files[`${name}.html`];
  if (content === undefined) fail(`No HTML file named ${name} was found.`);
  return content;
}
