import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createDeepLinkInbox, linkInArgv } from '../../../src/main/deep-links/deep-link-inbox'
import { registerDeskProtocolClient, type ProtocolClientApp } from '../../../src/main/deep-links/protocol-client'
import type { DeepLinkDelivery } from '../../../src/shared/ipc/desk-events'

function fakeRenderer(connectionNames: string[] = ['Production']) {
  const delivered: DeepLinkDelivery[] = []
  const inbox = createDeepLinkInbox({ connectionNames: () => connectionNames, deliver: (delivery) => delivered.push(delivery) })
  return { inbox, delivered }
}

describe('registering portaldesk:// with the operating system', () => {
  const recorder = () => {
    const calls: unknown[][] = []
    const app: ProtocolClientApp = { setAsDefaultProtocolClient: (...args) => (calls.push(args), true) }
    return { app, calls }
  }

  it('a packaged app registers itself', () => {
    const { app, calls } = recorder()
    registerDeskProtocolClient(app, { defaultApp: false, execPath: 'C:\\Program Files\\PortalDesk\\PortalDesk.exe', argv: ['PortalDesk.exe'] })
    expect(calls).toEqual([['portaldesk']])
  })

  it('in development, Electron is registered with the app folder (else Windows would open a bare Electron)', () => {
    const { app, calls } = recorder()
    registerDeskProtocolClient(app, { defaultApp: true, execPath: '/dev/node_modules/electron/dist/electron', argv: ['/dev/node_modules/electron/dist/electron', 'out/main/index.js'] })
    expect(calls).toEqual([['portaldesk', '/dev/node_modules/electron/dist/electron', [resolve('out/main/index.js')]]])
  })

  it('in development without an app folder on the command line, nothing is registered', () => {
    const { app, calls } = recorder()
    expect(registerDeskProtocolClient(app, { defaultApp: true, execPath: 'electron', argv: ['electron'] })).toBe(false)
    expect(calls).toEqual([])
  })
})

describe('links on a command line', () => {
  it.each<[string[], string | null]>([
    [['PortalDesk.exe', 'portaldesk://users/1'], 'portaldesk://users/1'],
    [['electron', '.', '--allow-file-access-from-files', 'PortalDesk://helpdesk?q=a'], 'PortalDesk://helpdesk?q=a'],
    [['PortalDesk.exe', 'portaldesk://users/1', 'portaldesk://users/2'], 'portaldesk://users/2'],
    [['PortalDesk.exe', '--inspect', 'https://evil.example'], null],
    [['PortalDesk.exe', '--url=portaldesk://users/1'], null],
    [['PortalDesk.exe'], null]
  ])('%j holds %s', (argv, link) => {
    expect(linkInArgv(argv)).toBe(link)
  })
})

describe('the inbox: links reach the renderer once it can take them', () => {
  it('keeps the link of the first launch until the window has loaded, then delivers it', () => {
    const { inbox, delivered } = fakeRenderer()
    inbox.receiveArgv(['PortalDesk.exe', 'portaldesk://users/42?connection=Production'])
    expect(delivered).toEqual([])
    inbox.open()
    expect(delivered).toEqual([{ ok: true, link: { route: { place: 'users', id: 42 }, connection: 'Production' } }])
  })

  it('before the window is ready, only the latest link waits (macOS open-url)', () => {
    const { inbox, delivered } = fakeRenderer()
    inbox.receiveUrl('portaldesk://users/1')
    inbox.receiveUrl('portaldesk://helpdesk?ticket=ZD-9')
    inbox.open()
    expect(delivered).toEqual([{ ok: true, link: { route: { place: 'helpdesk', ticket: 'ZD-9' } } }])
  })

  it('delivers a second instance\'s link at once', () => {
    const { inbox, delivered } = fakeRenderer()
    inbox.open()
    inbox.receiveArgv(['PortalDesk.exe', '--some-chromium-switch', 'portaldesk://helpdesk?ticket=ZD-1234&q=jane%40example.com'])
    expect(delivered).toEqual([{ ok: true, link: { route: { place: 'helpdesk', ticket: 'ZD-1234', q: 'jane@example.com' } } }])
  })

  it('a second instance without a link delivers nothing', () => {
    const { inbox, delivered } = fakeRenderer()
    inbox.open()
    inbox.receiveArgv(['PortalDesk.exe'])
    expect(delivered).toEqual([])
  })

  it.each<[string, string]>([
    ['portaldesk://javascript:alert(1)', 'port'],
    ['portaldesk://users/../../etc', 'unknownPlace'],
    ['portaldesk://users/1?connection=Elsewhere', 'unknownConnection'],
    [`portaldesk://helpdesk?q=${'a'.repeat(10_000)}`, 'tooLong']
  ])('a hostile link %s is refused, with only its reason sent', (url, reason) => {
    const { inbox, delivered } = fakeRenderer()
    inbox.open()
    inbox.receiveUrl(url)
    expect(delivered).toEqual([{ ok: false, reason }])
  })

  it('names only connections known when the link is read', () => {
    const names: string[] = []
    const delivered: DeepLinkDelivery[] = []
    const inbox = createDeepLinkInbox({ connectionNames: () => names, deliver: (delivery) => delivered.push(delivery) })
    inbox.receiveUrl('portaldesk://users/7?connection=Production')
    names.push('Production')
    inbox.open()
    expect(delivered).toEqual([{ ok: true, link: { route: { place: 'users', id: 7 }, connection: 'Production' } }])
  })
})
