import { describe, expect, it } from 'vitest'
import { isLoopbackHost, isUnencryptedRemote, mayConnect, newRemoteConnection } from '../../../src/shared/connections'

describe('the unencrypted-connection rule', () => {
  it.each([
    ['localhost', true],
    ['LOCALHOST', true],
    ['localhost.', true],
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['[::1]', true],
    ['::1', true],
    ['localhost.evil.com', false],
    ['evil-localhost', false],
    ['127.0.0.1.evil.com', false],
    ['128.0.0.1', false],
    ['[::2]', false],
    ['portal.example.com', false]
  ])('%s is loopback: %s', (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback)
  })

  it.each([
    ['http://portal.example.com', true],
    ['HTTP://portal.example.com', true],
    ['http://localhost.evil.com:8080', true],
    ['http://10.0.0.5', true],
    ['http://[fe80::1]:3000', true],
    ['https://portal.example.com', false],
    ['HTTPS://portal.example.com', false],
    ['http://localhost:3000', false],
    ['http://LocalHost:3000', false],
    ['http://127.0.0.1:8080', false],
    ['http://127.1.2.3', false],
    ['http://[::1]:8080', false],
    ['http://[0:0:0:0:0:0:0:1]', false],
    ['not a url', false]
  ])('%s is unencrypted and remote: %s', (url, expected) => {
    expect(isUnencryptedRemote(url)).toBe(expected)
  })

  it('refuses a new http:// connection to another computer until the operator allows it', () => {
    const refused = newRemoteConnection.safeParse({ name: 'Test', url: 'HTTP://staging.example.com' })
    expect(refused.success).toBe(false)
    expect(refused.error?.issues[0]).toMatchObject({ path: ['allowUnencrypted'], params: { reason: 'unencryptedNotAllowed' } })
    expect(newRemoteConnection.safeParse({ name: 'Test', url: 'http://staging.example.com', allowUnencrypted: false }).success).toBe(false)
    expect(newRemoteConnection.safeParse({ name: 'Test', url: 'http://staging.example.com', allowUnencrypted: true }).success).toBe(true)
    expect(newRemoteConnection.safeParse({ name: 'Test', url: 'http://localhost:3000' }).success).toBe(true)
    expect(newRemoteConnection.safeParse({ name: 'Test', url: 'https://staging.example.com' }).success).toBe(true)
  })

  it('lets the embedded portal and https profiles connect, and an http:// remote only with the choice', () => {
    expect(mayConnect({ kind: 'embedded' })).toBe(true)
    expect(mayConnect({ kind: 'remote', url: 'https://p.example.com' })).toBe(true)
    expect(mayConnect({ kind: 'remote', url: 'http://p.example.com' })).toBe(false)
    expect(mayConnect({ kind: 'remote', url: 'http://p.example.com', allowUnencrypted: true })).toBe(true)
  })
})
