/**
 * The emulated sheet as a grid: column letters, row numbers, frozen rows, the add-on's colours
 * and notes, a selection, and editing (double-click, Enter, F2 or just typing) that goes through
 * the emulator as a user's edit, so the add-on's onEdit runs.
 */
import type { CellFormat, GridView } from '../view-types';
import { cellName, columnLetter, parseCell } from './a1';
import { fitWidths } from './column-widths';
import { el } from './dom';

export interface GridActions {
  select(sheet: string, cell: string): Promise<void>;
  edit(sheet: string, cell: string, input: string): Promise<void>;
  paste(sheet: string, cell: string, rows: string[][]): Promise<void>;
  showError(message: string): void;
}

interface Elements {
  wrap: HTMLElement;
  table: HTMLTableElement;
  note: HTMLElement;
  popover: HTMLElement;
  nameBox: HTMLElement;
  formula: HTMLInputElement;
}

// Must match styles.css: sticky offsets of frozen rows and columns are computed from them.
const HEADER_HEIGHT = 24;
const ROW_HEIGHT = 22;
const ROW_HEADER_WIDTH = 46;

type Move = 'down' | 'right' | 'none';

export class Grid {
  private view: GridView | null = null;
  private shape = '';
  private cells: HTMLTableCellElement[][] = [];
  private cols: HTMLTableColElement[] = [];
  private widths: number[] = [];
  private formats = new Map<string, CellFormat>();
  private active = { row: 0, column: 0 };
  /** The selection the server last reported, to follow it when the add-on moves it (jumpToCell). */
  private serverActive = '';
  private editor: { input: HTMLInputElement; row: number; column: number } | null = null;
  /** Selections sent but not yet done: until then the server reports older ones, not to follow. */
  private pendingSelects = 0;

  constructor(
    private readonly dom: Elements,
    private readonly actions: GridActions,
  ) {
    dom.table.addEventListener('mousedown', (e) => this.onMouseDown(e));
    dom.table.addEventListener('dblclick', (e) => {
      if (this.cellAt(e.target)) this.startEditing(null);
    });
    dom.table.addEventListener('mouseover', (e) => this.showNote(e.target));
    dom.table.addEventListener('mouseleave', () => (dom.popover.hidden = true));
    dom.wrap.addEventListener('scroll', () => (dom.popover.hidden = true));
    dom.wrap.addEventListener('keydown', (e) => this.onKey(e));
    dom.wrap.addEventListener('paste', (e) => this.onPaste(e));
    dom.formula.addEventListener('keydown', (e) => this.onFormulaKey(e));
  }

  focus(): void {
    this.dom.wrap.focus({ preventScroll: true });
  }

  render(view: GridView, activeRange: string): void {
    const shape = JSON.stringify([view.sheet, view.shownRows, view.shownColumns, view.columnWidths, view.frozenRows, view.frozenColumns]);
    if (shape !== this.shape) {
      this.cancelEditing();
      this.build(view);
      this.shape = shape;
      this.serverActive = '';
    }
    this.formats = new Map(view.formats.map((f) => [`${f.row}:${f.column}`, f]));
    for (let r = 0; r < view.shownRows; r++) {
      const line = this.cells[r]!;
      for (let c = 0; c < view.shownColumns; c++) this.paint(line[c]!, view.values[r]?.[c] ?? '', this.formats.get(`${r}:${c}`));
    }
    this.view = view;
    this.applyWidths(view, fitWidths(view));
    const truncated = view.maxRows > view.shownRows && view.lastRow > view.shownRows;
    this.dom.note.hidden = !truncated;
    this.dom.note.textContent = truncated ? `Showing the first ${view.shownRows.toLocaleString()} of ${view.lastRow.toLocaleString()} rows with data.` : '';
    const reported = `${view.sheet}!${activeRange}`;
    const moved = reported !== this.serverActive && this.pendingSelects === 0 ? parseCell(activeRange) : null;
    this.serverActive = reported;
    if (moved) this.setActive(Math.min(moved.row, view.shownRows - 1), Math.min(moved.column, view.shownColumns - 1), false);
    else this.showActive();
  }

  private build(view: GridView): void {
    this.cols = view.columnWidths.map(() => el('col'));
    this.widths = [];
    const cols = el('colgroup', {}, el('col', { class: 'row-head-col' }), ...this.cols);
    const head = el('tr', {}, el('th', { class: 'corner', scope: 'col' }));
    for (let c = 0; c < view.shownColumns; c++) {
      head.appendChild(el('th', { class: c < view.frozenColumns ? 'col-head frozen-col' : 'col-head', scope: 'col', 'data-col': String(c) }, columnLetter(c)));
    }
    const body = el('tbody');
    this.cells = [];
    for (let r = 0; r < view.shownRows; r++) {
      const frozenRow = r < view.frozenRows;
      const tr = el('tr', frozenRow ? { class: r === view.frozenRows - 1 ? 'frozen last-frozen' : 'frozen' } : {});
      const rowHead = el('th', { class: 'row-head', scope: 'row' }, String(r + 1));
      if (frozenRow) rowHead.style.top = `${HEADER_HEIGHT + r * ROW_HEIGHT}px`;
      tr.appendChild(rowHead);
      const line: HTMLTableCellElement[] = [];
      for (let c = 0; c < view.shownColumns; c++) {
        const td = el('td', { 'data-cell': cellName(r, c) });
        if (frozenRow) td.style.top = `${HEADER_HEIGHT + r * ROW_HEIGHT}px`;
        if (c < view.frozenColumns) {
          td.classList.add('frozen-col');
          if (c === view.frozenColumns - 1) td.classList.add('last-frozen-col');
        }
        tr.appendChild(td);
        line.push(td);
      }
      body.appendChild(tr);
      this.cells.push(line);
    }
    this.dom.table.replaceChildren(cols, el('thead', {}, head), body);
  }

  /** Sets the columns' widths, and the offsets that keep frozen columns in place, when they change. */
  private applyWidths(view: GridView, widths: number[]): void {
    if (widths.join() === this.widths.join()) return;
    this.widths = widths;
    widths.forEach((width, c) => this.cols[c]?.style.setProperty('width', `${width}px`));
    this.dom.table.style.width = `${ROW_HEADER_WIDTH + widths.reduce((a, b) => a + b, 0)}px`;
    if (view.frozenColumns === 0) return;
    const lefts = this.frozenLefts();
    const heads = this.dom.table.querySelectorAll<HTMLElement>('th.col-head');
    for (const line of [[...heads], ...this.cells]) {
      for (let c = 0; c < view.frozenColumns; c++) line[c]?.style.setProperty('left', `${lefts[c]}px`);
    }
  }

  /** Left offset of each frozen column in the table; the last item is where the others start. */
  private frozenLefts(): number[] {
    const lefts = [ROW_HEADER_WIDTH];
    for (let c = 0; c < (this.view?.frozenColumns ?? 0); c++) lefts.push(lefts[c]! + (this.widths[c] ?? 0));
    return lefts;
  }

  private paint(td: HTMLTableCellElement, value: string, format: CellFormat | undefined): void {
    if (td.textContent !== value) td.textContent = value;
    const background = format?.background ?? '';
    if (td.style.backgroundColor !== background) td.style.backgroundColor = background;
    td.classList.toggle('bold', format?.bold === true);
    td.classList.toggle('has-note', format?.note !== undefined);
  }

  private cellAt(target: EventTarget | null): { row: number; column: number } | null {
    const td = target instanceof Element ? target.closest('td[data-cell]') : null;
    return td ? parseCell(td.getAttribute('data-cell') ?? '') : null;
  }

  private onMouseDown(e: MouseEvent): void {
    const at = this.cellAt(e.target);
    if (!at || e.button !== 0) return;
    if (this.editor) void this.commit('none');
    this.setActive(at.row, at.column, true);
    // Keeps keyboard focus in the grid, where typing starts an edit.
    e.preventDefault();
    this.focus();
  }

  private setActive(row: number, column: number, tellServer: boolean): void {
    const view = this.view;
    this.active = { row: Math.max(0, row), column: Math.max(0, column) };
    this.showActive();
    this.reveal(this.active.row, this.active.column);
    if (tellServer && view) {
      this.pendingSelects++;
      this.actions
        .select(view.sheet, cellName(this.active.row, this.active.column))
        .catch((error: unknown) => this.actions.showError((error as Error).message))
        .finally(() => this.pendingSelects--);
    }
  }

  /**
   * Scrolls the cell clear of the sticky headers and frozen panes (scrollIntoView would leave it
   * under them). Frozen cells are always in view.
   */
  private reveal(row: number, column: number): void {
    const view = this.view;
    const td = this.cells[row]?.[column];
    if (!view || !td) return;
    const wrap = this.dom.wrap;
    if (column >= view.frozenColumns) {
      const left = td.offsetLeft - this.frozenLefts().at(-1)!;
      if (left < wrap.scrollLeft) wrap.scrollLeft = left;
      else if (td.offsetLeft + td.offsetWidth > wrap.scrollLeft + wrap.clientWidth) wrap.scrollLeft = td.offsetLeft + td.offsetWidth - wrap.clientWidth;
    }
    if (row >= view.frozenRows) {
      const top = td.offsetTop - HEADER_HEIGHT - view.frozenRows * ROW_HEIGHT;
      if (top < wrap.scrollTop) wrap.scrollTop = top;
      else if (td.offsetTop + td.offsetHeight > wrap.scrollTop + wrap.clientHeight) wrap.scrollTop = td.offsetTop + td.offsetHeight - wrap.clientHeight;
    }
  }

  private showActive(): void {
    const { row, column } = this.active;
    for (const old of this.dom.table.querySelectorAll('.active, .active-head')) old.classList.remove('active', 'active-head');
    this.cells[row]?.[column]?.classList.add('active');
    this.dom.table.querySelector(`th[data-col="${column}"]`)?.classList.add('active-head');
    this.cells[row]?.[0]?.parentElement?.firstElementChild?.classList.add('active-head');
    this.dom.nameBox.textContent = cellName(row, column);
    if (document.activeElement !== this.dom.formula) this.dom.formula.value = this.contentOf(row, column);
  }

  /** What the editor starts from: the formula when there is one, else what the cell shows. */
  private contentOf(row: number, column: number): string {
    return this.formats.get(`${row}:${column}`)?.formula ?? this.view?.values[row]?.[column] ?? '';
  }

  private showNote(target: EventTarget | null): void {
    const at = this.cellAt(target);
    const note = at ? this.formats.get(`${at.row}:${at.column}`)?.note : undefined;
    const popover = this.dom.popover;
    if (!at || note === undefined) {
      popover.hidden = true;
      return;
    }
    const box = this.cells[at.row]![at.column]!.getBoundingClientRect();
    popover.textContent = note;
    popover.hidden = false;
    const below = box.top + popover.offsetHeight + 8 < window.innerHeight;
    popover.style.left = `${Math.min(box.right + 4, window.innerWidth - popover.offsetWidth - 8)}px`;
    popover.style.top = `${below ? box.top : Math.max(8, box.bottom - popover.offsetHeight)}px`;
  }

  private onKey(e: KeyboardEvent): void {
    if (this.editor || e.target !== this.dom.wrap || !this.view) return;
    const { row, column } = this.active;
    const last = { row: this.view.shownRows - 1, column: this.view.shownColumns - 1 };
    const moves: Record<string, [number, number]> = { ArrowDown: [1, 0], ArrowUp: [-1, 0], ArrowRight: [0, 1], ArrowLeft: [0, -1], Tab: [0, e.shiftKey ? -1 : 1] };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      this.setActive(Math.min(last.row, row + move[0]), Math.min(last.column, column + move[1]), true);
    } else if (e.key === 'Enter' || e.key === 'F2') {
      e.preventDefault();
      this.startEditing(null);
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      void this.send(row, column, '', 'none');
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      // Typing on a selected cell replaces its content, as in Sheets.
      e.preventDefault();
      this.startEditing(e.key);
    }
  }

  private startEditing(initial: string | null): void {
    const view = this.view;
    const td = this.cells[this.active.row]?.[this.active.column];
    if (!view || !td) return;
    this.cancelEditing();
    const input = el('input', {
      class: 'cell-editor',
      'data-testid': 'cell-editor',
      'aria-label': `Edit ${cellName(this.active.row, this.active.column)}`,
      autocomplete: 'off',
      spellcheck: 'false',
    });
    input.value = initial ?? this.contentOf(this.active.row, this.active.column);
    input.style.left = `${td.offsetLeft}px`;
    input.style.top = `${td.offsetTop}px`;
    input.style.minWidth = `${td.offsetWidth}px`;
    input.style.height = `${td.offsetHeight}px`;
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === 'Tab') {
        e.preventDefault();
        void this.commit(e.key === 'Enter' ? 'down' : 'right');
      } else if (e.key === 'Escape') {
        e.preventDefault();
        this.cancelEditing();
        this.focus();
      }
    });
    input.addEventListener('blur', () => void this.commit('none'));
    this.editor = { input, row: this.active.row, column: this.active.column };
    this.dom.wrap.appendChild(input);
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
  }

  private cancelEditing(): void {
    const editor = this.editor;
    this.editor = null;
    editor?.input.remove();
  }

  private async commit(move: Move): Promise<void> {
    const editor = this.editor;
    if (!editor) return;
    this.cancelEditing();
    this.focus();
    const unchanged = editor.input.value === this.contentOf(editor.row, editor.column);
    if (unchanged) this.moveAfterEdit(editor.row, editor.column, move);
    else await this.send(editor.row, editor.column, editor.input.value, move);
  }

  private async send(row: number, column: number, input: string, move: Move): Promise<void> {
    const view = this.view;
    if (!view) return;
    try {
      await this.actions.edit(view.sheet, cellName(row, column), input);
    } catch (error) {
      // A refused value leaves the selection on its cell, to type it again.
      this.actions.showError((error as Error).message);
      return;
    }
    this.moveAfterEdit(row, column, move);
  }

  private moveAfterEdit(row: number, column: number, move: Move): void {
    if (move === 'none' || !this.view) return;
    const next = move === 'down' ? { row: Math.min(row + 1, this.view.shownRows - 1), column } : { row, column: Math.min(column + 1, this.view.shownColumns - 1) };
    this.setActive(next.row, next.column, true);
  }

  private onFormulaKey(e: KeyboardEvent): void {
    if (e.key === 'Enter') {
      e.preventDefault();
      const { row, column } = this.active;
      const value = this.dom.formula.value;
      this.focus();
      if (value !== this.contentOf(row, column)) void this.send(row, column, value, 'down');
    } else if (e.key === 'Escape') {
      e.preventDefault();
      this.dom.formula.value = this.contentOf(this.active.row, this.active.column);
      this.focus();
    }
  }

  private onPaste(e: ClipboardEvent): void {
    const view = this.view;
    const text = e.clipboardData?.getData('text/plain');
    if (this.editor || !view || !text) return;
    e.preventDefault();
    const rows = text
      .replace(/\r?\n$/, '')
      .split(/\r?\n/)
      .map((line) => line.split('\t'));
    const cell = cellName(this.active.row, this.active.column);
    this.actions.paste(view.sheet, cell, rows).catch((error: unknown) => this.actions.showError((error as Error).message));
  }
}
