/**
 * What the playground's server tells its page (GET /state). Shared by the server (Node) and the
 * page (DOM): types only. User properties (the API key and secret) never appear here.
 */

export interface CellFormat {
  /** 0-based, within the rows and columns shown. */
  row: number;
  column: number;
  background?: string;
  bold?: boolean;
  note?: string;
  /** What the editor starts from when the cell holds a formula. */
  formula?: string;
}

export interface GridView {
  sheet: string;
  /** Rows and columns the sheet has; the grid shows the first `shownRows` × `shownColumns`. */
  maxRows: number;
  maxColumns: number;
  lastRow: number;
  shownRows: number;
  shownColumns: number;
  frozenRows: number;
  frozenColumns: number;
  /** Width in pixels of each shown column. */
  columnWidths: number[];
  /** Display values, `shownRows` lines of `shownColumns` strings. */
  values: string[][];
  /** Only the cells that differ from a blank white cell. */
  formats: CellFormat[];
}

export interface SheetTab {
  name: string;
  hidden: boolean;
  active: boolean;
}

export type MenuItemView = { kind: 'item'; caption: string; functionName: string } | { kind: 'separator' } | { kind: 'submenu'; caption: string; items: MenuItemView[] };

export interface MenuView {
  caption: string;
  /** Add-on menus live under Extensions; others get their own place in the menu bar. */
  addon: boolean;
  items: MenuItemView[];
}

export interface SidebarView {
  /** Grows with every showSidebar(): a new number means a new sidebar to load. */
  seq: number;
  title: string;
}

export interface NoticeView {
  /** Grows with every toast or alert, so the page shows each once. */
  seq: number;
  kind: 'toast' | 'alert';
  title: string;
  message: string;
  /** Seconds on screen; 0 or less stays until dismissed. */
  timeoutSeconds: number;
}

export interface PlaygroundState {
  version: number;
  spreadsheetName: string;
  tabs: SheetTab[];
  /** The selection, in A1 notation on the active sheet. */
  activeRange: string;
  grid: GridView;
  menus: MenuView[];
  sidebar: SidebarView | null;
  notices: NoticeView[];
  sandboxPage: string;
}

/**
 * What the page's edit, paste, select, menu and reset requests answer. A refusal (Sheets rejecting
 * a value, the add-on's onEdit failing) is an answer, not an HTTP error.
 */
export type ActionAnswer = { ok: true } | { ok: false; error: string };
