/**
 * CSV as RFC 4180 has it (comma, CRLF, double quotes doubled inside quoted fields), made safe to
 * open in a spreadsheet: a UTF-8 byte order mark so that Excel reads Chinese names as UTF-8, and no
 * cell that a spreadsheet would take for a formula.
 */

/** Excel guesses the ANSI code page without it and garbles every non-Latin name. */
export const utf8Bom = '\uFEFF'
export const csvLineEnd = '\r\n'
export const csvMediaType = 'text/csv;charset=utf-8'

/**
 * Spreadsheets run a cell that starts with = + - @ (and tab or CR, which some strip first) as a
 * formula: a user who names themselves `=HYPERLINK(…)` must not get code into the operator's
 * spreadsheet (OWASP "CSV injection"). A leading apostrophe makes it text.
 */
const formulaStart = /^[=+\-@\t\r]/

export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return ''
  let text = String(value)
  if (formulaStart.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function csvLine(cells: readonly (string | number | boolean | null | undefined)[]): string {
  return cells.map(csvCell).join(',') + csvLineEnd
}

/** A column of the export: its header and how to read its value from a row. */
export interface CsvColumn<T> {
  header: string
  value: (row: T) => string | number | boolean | null | undefined
}

/**
 * A CSV file built in chunks: the BOM and header first, then one chunk per page of rows, so that the
 * text never exists as one giant string; the Blob joins the chunks at the end.
 */
export class CsvChunks<T> {
  readonly #columns: readonly CsvColumn<T>[]
  readonly #chunks: string[]
  #rows = 0

  constructor(columns: readonly CsvColumn<T>[]) {
    this.#columns = columns
    this.#chunks = [utf8Bom + csvLine(columns.map((column) => column.header))]
  }

  add(rows: readonly T[]): void {
    if (rows.length === 0) return
    this.#chunks.push(rows.map((row) => csvLine(this.#columns.map((column) => column.value(row)))).join(''))
    this.#rows += rows.length
  }

  get rowCount(): number {
    return this.#rows
  }

  /** The chunks so far (header included), in order. */
  get chunks(): readonly string[] {
    return this.#chunks
  }

  toBlob(): Blob {
    return new Blob(this.#chunks, { type: csvMediaType })
  }
}

/** `portal-users-2026-12-02.csv`, dated by the operator's local calendar day. */
export function exportFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `portal-users-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.csv`
}
