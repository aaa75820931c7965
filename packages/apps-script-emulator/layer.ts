/**
 * One per-cell attribute of a sheet (values, notes, backgrounds...), stored as sparse rows of
 * plain arrays: a row nobody touched costs nothing, a touched row is one array, so a 50,000 x 20
 * sheet stays at a few megabytes per attribute actually used. Indexes are 0-based.
 */
export class Layer<T> {
  rows: (T[] | undefined)[] = [];

  constructor(readonly blank: T) {}

  get(row: number, column: number): T {
    const cells = this.rows[row];
    if (cells === undefined || column >= cells.length) return this.blank;
    return cells[column] as T;
  }

  set(row: number, column: number, value: T): void {
    let cells = this.rows[row];
    if (cells === undefined) {
      if (value === this.blank) return;
      cells = [];
      this.rows[row] = cells;
    }
    while (cells.length < column) cells.push(this.blank);
    cells[column] = value;
  }

  read(row: number, column: number, numRows: number, numColumns: number): T[][] {
    const out = new Array<T[]>(numRows);
    for (let i = 0; i < numRows; i++) {
      const cells = this.rows[row + i];
      const line = new Array<T>(numColumns);
      for (let j = 0; j < numColumns; j++) {
        const value = cells === undefined ? undefined : cells[column + j];
        line[j] = value === undefined ? this.blank : value;
      }
      out[i] = line;
    }
    return out;
  }

  /** Writes `map(source[i][j])` over the block; `map` lets callers normalise without an extra copy. */
  write<S>(row: number, column: number, source: readonly (readonly S[])[], map: (value: S) => T): void {
    for (let i = 0; i < source.length; i++) {
      const line = source[i] as readonly S[];
      let cells = this.rows[row + i];
      if (cells === undefined) {
        cells = [];
        this.rows[row + i] = cells;
      }
      while (cells.length < column) cells.push(this.blank);
      for (let j = 0; j < line.length; j++) cells[column + j] = map(line[j] as S);
    }
  }

  fill(row: number, column: number, numRows: number, numColumns: number, value: T): void {
    for (let i = 0; i < numRows; i++) {
      const cells = this.rows[row + i];
      if (cells === undefined && value === this.blank) continue;
      if (value === this.blank && cells !== undefined && column === 0 && column + numColumns >= cells.length) {
        this.rows[row + i] = undefined;
        continue;
      }
      for (let j = 0; j < numColumns; j++) this.set(row + i, column + j, value);
    }
  }

  insertRows(at: number, count: number): void {
    if (at >= this.rows.length) return;
    // concat rather than splice(...spread): a spread of 100,000 arguments overflows the stack.
    this.rows = this.rows.slice(0, at).concat(new Array<undefined>(count), this.rows.slice(at));
  }

  deleteRows(at: number, count: number): void {
    this.rows.splice(at, count);
  }

  insertColumns(at: number, count: number): void {
    for (const cells of this.rows) {
      if (cells !== undefined && cells.length > at) cells.splice(at, 0, ...new Array<T>(count).fill(this.blank));
    }
  }

  deleteColumns(at: number, count: number): void {
    for (const cells of this.rows) if (cells !== undefined) cells.splice(at, count);
  }

  /** Index of the last row holding a non-blank cell, -1 when none. */
  lastRow(): number {
    for (let r = this.rows.length - 1; r >= 0; r--) {
      const cells = this.rows[r];
      if (cells !== undefined && cells.some((v) => v !== this.blank)) return r;
    }
    return -1;
  }

  /** Index of the last column holding a non-blank cell, -1 when none. */
  lastColumn(): number {
    let last = -1;
    for (const cells of this.rows) {
      if (cells === undefined) continue;
      for (let c = cells.length - 1; c > last; c--) {
        if (cells[c] !== this.blank) {
          last = c;
          break;
        }
      }
    }
    return last;
  }

  /** Sparse form for persistence: only rows holding something. */
  entries(): [number, T[]][] {
    const out: [number, T[]][] = [];
    this.rows.forEach((cells, r) => {
      if (cells !== undefined && cells.some((v) => v !== this.blank)) out.push([r, cells.slice()]);
    });
    return out;
  }

  load(entries: readonly (readonly [number, readonly T[]])[]): void {
    this.rows = [];
    for (const [r, cells] of entries) this.rows[r] = cells.slice();
  }
}
