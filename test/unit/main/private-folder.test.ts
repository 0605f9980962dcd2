import { chmod, mkdir, mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { preparePrivateFolder } from '../../../src/main/local-portal/private-folder'
import { recordingLogger } from './support/fakes'

describe('preparePrivateFolder (<userData>/portal)', () => {
  let root: string
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'portaldesk-private-'))
  })
  afterEach(async () => {
    await rm(root, { recursive: true, force: true })
  })

  it('creates the folder for its owner only, quietly', async () => {
    const log = recordingLogger()
    const folder = join(root, 'user-data', 'portal')
    await preparePrivateFolder(folder, log)
    expect((await stat(folder)).mode & 0o777).toBe(0o700)
    expect(log.lines).toEqual([])
  })

  it('takes back a folder an older version left open, and says so naming it', async () => {
    const log = recordingLogger()
    const folder = join(root, 'portal')
    await mkdir(folder)
    await chmod(folder, 0o755)
    await preparePrivateFolder(folder, log)
    expect((await stat(folder)).mode & 0o777).toBe(0o700)
    expect(log.lines.join('\n')).toContain(folder)
    expect(log.lines.join('\n')).toContain('0755')
  })
})
