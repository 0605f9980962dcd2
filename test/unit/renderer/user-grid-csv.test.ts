import { describe, expect, it, vi } from 'vitest'
import { createI18n } from '../../../src/renderer/i18n'
import { CsvChunks, csvCell, csvLine, exportFileName, utf8Bom } from '../../../src/renderer/features/user-grid/export/csv'
import { exportUsersCsv, userCsvColumns } from '../../../src/renderer/features/user-grid/export/export-users'
import type { UserListPage, UserListQuery } from '../../../src/shared/users'
import { userItem } from './support/fake-desk'

const user = userItem

/** A minimal RFC 4180 reader, to check that what we write reads back as written. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (char === '"') quoted = false
      else cell += char
    } else if (char === '"') quoted = true
    else if (char === ',') {
      row.push(cell)
      cell = ''
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      i++
    } else cell += char
  }
  return rows
}

describe('CSV cells', () => {
  it('quotes only what needs it and doubles quotes (RFC 4180)', () => {
    expect(csvCell('plain')).toBe('plain')
    expect(csvCell('Smith, John')).toBe('"Smith, John"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('two\nlines')).toBe('"two\nlines"')
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"')
    expect(csvCell(null)).toBe('')
    expect(csvCell(undefined)).toBe('')
    expect(csvCell(42)).toBe('42')
    expect(csvCell('李伟')).toBe('李伟')
  })

  it('defuses cells a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://evil.example","x")')).toBe(`"'=HYPERLINK(""http://evil.example"",""x"")"`)
    expect(csvCell('+49 30 1234')).toBe("'+49 30 1234")
    expect(csvCell('-2+3')).toBe("'-2+3")
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvCell('\t=1')).toBe("'\t=1")
    expect(csvCell('\r=1')).toBe(`"'\r=1"`)
    expect(csvCell('a=b')).toBe('a=b')
  })

  it('ends every line with CRLF', () => {
    expect(csvLine(['a', 'b,c', null])).toBe('a,"b,c",\r\n')
  })
})

describe('CsvChunks', () => {
  it('starts with the BOM and header, then adds one chunk per page; the Blob reads back as the rows', async () => {
    const csv = new CsvChunks<{ name: string; note: string | null }>([
      { header: 'Name', value: (row) => row.name },
      { header: 'Note', value: (row) => row.note }
    ])
    csv.add([{ name: '王芳', note: 'a "quote"' }, { name: 'Bob', note: null }])
    csv.add([])
    csv.add([{ name: '=cmd', note: 'x\ny' }])
    expect(csv.chunks).toHaveLength(3)
    expect(csv.chunks[0]).toBe(`${utf8Bom}Name,Note\r\n`)
    expect(csv.rowCount).toBe(3)

    const blob = csv.toBlob()
    expect(blob.type).toBe('text/csv;charset=utf-8')
    const bytes = new Uint8Array(await blob.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)
    expect(parseCsv(text.slice(1))).toEqual([
      ['Name', 'Note'],
      ['王芳', 'a "quote"'],
      ['Bob', ''],
      ["'=cmd", 'x\ny']
    ])
  })

  it('names the file after the local day', () => {
    expect(exportFileName(new Date(2026, 11, 2, 23, 59))).toBe('portal-users-2026-12-02.csv')
    expect(exportFileName(new Date(2027, 0, 9))).toBe('portal-users-2027-01-09.csv')
  })
})

describe('exportUsersCsv', () => {
  const t = createI18n('en').t

  it('reads every page at 200 rows until nextCursor is null, one chunk per page, with the visible columns', async () => {
    const pages: UserListPage[] = [
      { items: [user(1, { name: 'Smith, Anna', lastSignInAt: '2026-05-01T10:00:00.000Z' }), user(2)], nextCursor: 'c1', facets: { kind: { portal: 3, internal: 0 } } },
      { items: [user(3, { kind: 'internal', company: null, email: null })], nextCursor: null, facets: { kind: { portal: 3, internal: 0 } } }
    ]
    const listUsers = vi.fn((query: UserListQuery) => Promise.resolve(pages[query.cursor === 'c1' ? 1 : 0] as UserListPage))
    const progress: number[] = []
    const result = await exportUsersCsv({
      listUsers,
      query: { kind: 'all', sort: 'name', twoFactor: 'off' },
      columns: userCsvColumns(['name', 'login', 'email', 'company', 'kind', 'lastSignIn'], t),
      signal: new AbortController().signal,
      onProgress: (rows) => progress.push(rows)
    })

    expect(listUsers.mock.calls.map(([query]) => query)).toEqual([
      { kind: 'all', sort: 'name', twoFactor: 'off', limit: 200 },
      { kind: 'all', sort: 'name', twoFactor: 'off', limit: 200, cursor: 'c1' }
    ])
    expect(progress).toEqual([2, 3])
    expect(result.rows).toBe(3)
    const text = (await result.blob.text()).replace(/^\uFEFF/, '')
    expect(parseCsv(text)).toEqual([
      ['Name', 'Username', 'Email', 'Company', 'Kind', 'Last sign-in'],
      ['Smith, Anna', 'user1', 'user1@example.com', 'Acme', 'Portal', '2026-05-01T10:00:00.000Z'],
      ['User 2', 'user2', 'user2@example.com', 'Acme', 'Portal', ''],
      ['User 3', 'user3', '', '', 'Internal', '']
    ])
  })

  it('stops between pages when cancelled', async () => {
    const controller = new AbortController()
    const listUsers = vi.fn(() => {
      controller.abort()
      return Promise.resolve<UserListPage>({ items: [user(1)], nextCursor: 'more', facets: { kind: { portal: 1, internal: 0 } } })
    })
    await expect(exportUsersCsv({ listUsers, query: { kind: 'portal' }, columns: userCsvColumns(['name'], t), signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' })
    expect(listUsers).toHaveBeenCalledTimes(1)
  })
})
