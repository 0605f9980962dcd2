import type { TFunction } from 'i18next'
import type { UserListItem, UserListQuery } from '../../../../shared/users'
import type { UserColumnKey } from '../../../stores/user-grid-settings'
import { columnTitle } from '../../users/user-columns'
import { forEachMatchingPage, type ListUsers } from '../matching-users'
import { CsvChunks, type CsvColumn } from './csv'

/** A column's value in the file: plain text, timestamps in ISO 8601 so that any tool can read them. */
function csvValue(key: UserColumnKey, user: UserListItem, t: TFunction): string | null {
  switch (key) {
    case 'name':
      return user.name
    case 'login':
      return user.login
    case 'email':
      return user.email
    case 'phone':
      return user.phone
    case 'company':
      return user.company
    case 'website':
      return user.website
    case 'kind':
      return t(`users.kind.${user.kind}`)
    case 'twoFactor':
      return user.twoFactor === undefined ? null : t(user.twoFactor ? 'userGrid.columns.twoFactorOn' : 'userGrid.columns.twoFactorOff')
    case 'lastSignIn':
      return user.lastSignInAt
  }
}

/** The file's columns: the grid's visible ones, in the grid's order, with the grid's headers. */
export function userCsvColumns(columns: readonly UserColumnKey[], t: TFunction): CsvColumn<UserListItem>[] {
  return columns.map((key) => ({ header: columnTitle(key, t), value: (user) => csvValue(key, user, t) }))
}

export interface UsersCsv {
  blob: Blob
  rows: number
}

/**
 * Every user matching `query` as CSV: one `users:list` page (200 rows) after another, each page
 * appended as one chunk, until the last page. Abort `signal` to stop between pages.
 */
export async function exportUsersCsv(options: {
  listUsers: ListUsers
  query: Omit<UserListQuery, 'limit' | 'cursor'>
  columns: readonly CsvColumn<UserListItem>[]
  signal: AbortSignal
  onProgress?: (rows: number) => void
}): Promise<UsersCsv> {
  const csv = new CsvChunks(options.columns)
  await forEachMatchingPage(options.listUsers, options.query, options.signal, (items) => {
    csv.add(items)
    options.onProgress?.(csv.rowCount)
  })
  return { blob: csv.toBlob(), rows: csv.rowCount }
}

/** Hands the file to the browser's download (Electron: the session's will-download). */
export function downloadBlob(blob: Blob, fileName: string, document: Document = window.document): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  link.style.display = 'none'
  document.body.append(link)
  link.click()
  link.remove()
  // The download has taken its own reference by now; a minute is ample for a slow save dialog.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
