import type { ApiSubset } from './api-types';
import type { EmulatedHtmlOutput } from './html';
import { instrument, type Runtime } from './runtime';

export const Button = Object.freeze({ CLOSE: 'CLOSE', OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO' } as const);
export const ButtonSet = Object.freeze({ OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' } as const);

export type MenuEntry = { kind: 'item'; caption: string; functionName: string } | { kind: 'separator' } | { kind: 'submenu'; caption: string; items: MenuEntry[] };

export interface MenuRecord {
  caption: string;
  addon: boolean;
  items: MenuEntry[];
}

export interface SidebarRecord {
  title: string;
  html: string;
  width: number;
}

export interface DialogRecord {
  title: string;
  html: string;
  width: number;
  height: number;
  modal: boolean;
}

export interface AlertRecord {
  kind: 'alert' | 'prompt';
  title: string;
  prompt: string;
  buttons: string;
  response: string;
  responseText: string;
}

export interface ToastRecord {
  message: string;
  title: string;
  timeoutSeconds: number;
}

/** What the add-on showed the user, and the answers the user will give to alerts and prompts. */
export class UiRecorder {
  readonly menus: MenuRecord[] = [];
  readonly sidebars: SidebarRecord[] = [];
  readonly dialogs: DialogRecord[] = [];
  readonly alerts: AlertRecord[] = [];
  readonly toasts: ToastRecord[] = [];
  private readonly responses: { button: string; text: string }[] = [];

  constructor(readonly addonName: string) {}

  /** Queues the button (and for prompts the text) the user picks at the next alert or prompt. */
  respondWith(button: string, text = ''): void {
    this.responses.push({ button: String(button), text });
  }

  /** The next scripted answer, else the first button of the set, as a user hitting Enter would. */
  nextResponse(buttons: string): { button: string; text: string } {
    return this.responses.shift() ?? { button: buttons.startsWith('YES') ? 'YES' : 'OK', text: '' };
  }

  get lastSidebar(): SidebarRecord | undefined {
    return this.sidebars.at(-1);
  }
}

export class EmulatedMenu implements ApiSubset<GoogleAppsScript.Base.Menu, keyof GoogleAppsScript.Base.Menu> {
  readonly items: MenuEntry[] = [];

  constructor(
    readonly rt: Runtime,
    private readonly recorder: UiRecorder,
    readonly caption: string,
    private readonly addon: boolean,
  ) {}

  addItem(caption: string, functionName: string): EmulatedMenu {
    this.items.push({ kind: 'item', caption: String(caption), functionName: String(functionName) });
    return this;
  }

  addSeparator(): EmulatedMenu {
    this.items.push({ kind: 'separator' });
    return this;
  }

  addSubMenu(menu: EmulatedMenu): EmulatedMenu {
    this.items.push({ kind: 'submenu', caption: menu.caption, items: menu.items });
    return this;
  }

  addToUi(): void {
    const record: MenuRecord = { caption: this.caption, addon: this.addon, items: this.items };
    // onOpen runs again on every open: the menu is replaced, not duplicated.
    const existing = this.recorder.menus.findIndex((m) => m.caption === record.caption && m.addon === record.addon);
    if (existing >= 0) this.recorder.menus[existing] = record;
    else this.recorder.menus.push(record);
  }
}
instrument(EmulatedMenu, 'Menu');

export class EmulatedPromptResponse implements ApiSubset<GoogleAppsScript.Base.PromptResponse, keyof GoogleAppsScript.Base.PromptResponse> {
  constructor(
    readonly rt: Runtime,
    private readonly text: string,
    private readonly button: string,
  ) {}

  getResponseText(): string {
    return this.text;
  }

  getSelectedButton(): string {
    return this.button;
  }
}
instrument(EmulatedPromptResponse, 'PromptResponse');

type UiMethods = 'createAddonMenu' | 'createMenu' | 'showModalDialog' | 'showModelessDialog' | 'showSidebar';

export class EmulatedUi implements ApiSubset<GoogleAppsScript.Base.Ui, UiMethods> {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;

  constructor(
    readonly rt: Runtime,
    private readonly recorder: UiRecorder,
  ) {}

  createMenu(caption: string): EmulatedMenu {
    return new EmulatedMenu(this.rt, this.recorder, String(caption), false);
  }

  createAddonMenu(): EmulatedMenu {
    return new EmulatedMenu(this.rt, this.recorder, this.recorder.addonName, true);
  }

  alert(prompt: string, buttons?: string): string;
  alert(title: string, prompt: string, buttons: string): string;
  alert(a: string, b?: string, c?: string): string {
    return ask(this.recorder, 'alert', a, b, c).button;
  }

  prompt(prompt: string, buttons?: string): EmulatedPromptResponse;
  prompt(title: string, prompt: string, buttons: string): EmulatedPromptResponse;
  prompt(a: string, b?: string, c?: string): EmulatedPromptResponse {
    const answer = ask(this.recorder, 'prompt', a, b, c);
    return new EmulatedPromptResponse(this.rt, answer.text, answer.button);
  }

  showSidebar(userInterface: EmulatedHtmlOutput): void {
    const { title, content, width } = userInterface.data;
    this.recorder.sidebars.push({ title, html: content, width });
  }

  showModalDialog(userInterface: EmulatedHtmlOutput, title: string): void {
    const { content, width, height } = userInterface.data;
    this.recorder.dialogs.push({ title: String(title), html: content, width, height, modal: true });
  }

  showModelessDialog(userInterface: EmulatedHtmlOutput, title: string): void {
    const { content, width, height } = userInterface.data;
    this.recorder.dialogs.push({ title: String(title), html: content, width, height, modal: false });
  }
}
instrument(EmulatedUi, 'Ui');

function ask(recorder: UiRecorder, kind: 'alert' | 'prompt', a: string, b?: string, c?: string): { button: string; text: string } {
  const [title, prompt, buttons] = c !== undefined ? [a, b ?? '', c] : ['', a, b ?? 'OK'];
  const answer = recorder.nextResponse(String(buttons));
  recorder.alerts.push({ kind, title, prompt: String(prompt), buttons: String(buttons), response: answer.button, responseText: answer.text });
  return answer;
}
