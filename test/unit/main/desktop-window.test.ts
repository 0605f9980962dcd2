import { describe, expect, it, vi } from 'vitest'
import { createSecondInstanceHandler, type FocusableWindow } from '../../../src/main/desktop/second-instance'
import {
  loadWindowState,
  parseWindowState,
  rememberWindowState,
  saveWindowState,
  visibleWindowBounds,
  windowOpening,
  type Rectangle,
  type WindowState
} from '../../../src/main/desktop/window-state'
import { memoryStore, recordingLogger } from './support/fakes'

// A laptop (primary, menu bar 25 px) with a 4K monitor to its right, 2560x1440 at x=1440.
const laptop: Rectangle = { x: 0, y: 25, width: 1440, height: 875 }
const monitor: Rectangle = { x: 1440, y: 0, width: 2560, height: 1400 }
const defaultSize = { width: 1280, height: 820 }
const centredOnLaptop: Rectangle = { x: 80, y: 52, width: 1280, height: 820 }

const inside = (bounds: Rectangle, area: Rectangle) =>
  bounds.x >= area.x && bounds.y >= area.y && bounds.x + bounds.width <= area.x + area.width && bounds.y + bounds.height <= area.y + area.height

describe('where the window opens', () => {
  it('opens where it was when that place is still on screen', () => {
    const saved = { x: 1600, y: 100, width: 1400, height: 900 }
    expect(visibleWindowBounds(saved, [laptop, monitor], laptop, defaultSize)).toEqual(saved)
  })

  it('opens centred on the primary display at the default size the first time', () => {
    expect(visibleWindowBounds(null, [laptop, monitor], laptop, defaultSize)).toEqual(centredOnLaptop)
  })

  it('comes back to the primary display when its monitor is gone', () => {
    const onTheMonitor = { x: 2000, y: 200, width: 1600, height: 1000 }
    expect(visibleWindowBounds(onTheMonitor, [laptop], laptop, defaultSize)).toEqual(centredOnLaptop)
  })

  it('comes back when it was entirely beyond every display (negative or far coordinates)', () => {
    expect(visibleWindowBounds({ x: -5000, y: -5000, width: 800, height: 600 }, [laptop, monitor], laptop, defaultSize)).toEqual(centredOnLaptop)
    expect(visibleWindowBounds({ x: 90_000, y: 90_000, width: 800, height: 600 }, [laptop, monitor], laptop, defaultSize)).toEqual(centredOnLaptop)
  })

  it('moves a partly off-screen window fully onto the display that showed most of it', () => {
    const hangingOffTheLeft = { x: -400, y: 300, width: 1000, height: 600 }
    expect(visibleWindowBounds(hangingOffTheLeft, [laptop, monitor], laptop, defaultSize)).toEqual({ x: 0, y: 300, width: 1000, height: 600 })

    const mostlyOnTheMonitor = { x: 1200, y: 950, width: 1000, height: 600 }
    const moved = visibleWindowBounds(mostlyOnTheMonitor, [laptop, monitor], laptop, defaultSize)
    expect(moved).toEqual({ x: 1440, y: 800, width: 1000, height: 600 })
    expect(inside(moved, monitor)).toBe(true)
  })

  it('keeps the title bar reachable: a window above the top of the screen comes down', () => {
    const aboveTheMenuBar = { x: 100, y: -200, width: 1000, height: 600 }
    expect(visibleWindowBounds(aboveTheMenuBar, [laptop], laptop, defaultSize)).toEqual({ x: 100, y: 25, width: 1000, height: 600 })
  })

  it('shrinks a window larger than its display to the work area', () => {
    const huge = { x: 0, y: 0, width: 3000, height: 2000 }
    expect(visibleWindowBounds(huge, [laptop], laptop, defaultSize)).toEqual(laptop)
    expect(visibleWindowBounds(null, [{ x: 0, y: 0, width: 1024, height: 700 }], { x: 0, y: 0, width: 1024, height: 700 }, defaultSize)).toEqual({
      x: 0,
      y: 0,
      width: 1024,
      height: 700
    })
  })

  it('opens maximised again, on the display it was maximised on', () => {
    const saved: WindowState = { bounds: { x: 1600, y: 100, width: 1400, height: 900 }, maximized: true }
    expect(windowOpening(saved, [laptop, monitor], laptop, defaultSize)).toEqual({ bounds: saved.bounds, maximized: true })
    expect(windowOpening({ ...saved, maximized: false }, [laptop, monitor], laptop, defaultSize).maximized).toBe(false)
    expect(windowOpening(null, [laptop, monitor], laptop, defaultSize)).toEqual({ bounds: centredOnLaptop, maximized: false })
  })
})

describe('the remembered window state', () => {
  const good: WindowState = { bounds: { x: 10, y: 20, width: 1000, height: 700 }, maximized: false }

  it('reads back what it saved', () => {
    const store = memoryStore()
    const log = recordingLogger()
    saveWindowState(store, good, log)
    expect(loadWindowState(store, log)).toEqual(good)
    expect(log.lines).toEqual([])
  })

  it('saves the normal bounds and the maximised state when the window closes', () => {
    let close: (() => void) | undefined
    const save = vi.fn()
    rememberWindowState({ getNormalBounds: () => good.bounds, isMaximized: () => true, onClose: (listener) => void (close = listener) }, save)
    expect(save).not.toHaveBeenCalled()
    close?.()
    expect(save).toHaveBeenCalledWith({ bounds: good.bounds, maximized: true })
  })

  const hostile: [string, unknown][] = [
    ['a string', 'maximised please'],
    ['null', null],
    ['an array', [1, 2, 3, 4]],
    ['string numbers', { bounds: { x: '10', y: '20', width: '1000', height: '700' }, maximized: false }],
    ['NaN', { bounds: { x: Number.NaN, y: 0, width: 800, height: 600 }, maximized: false }],
    ['Infinity', { bounds: { x: 0, y: 0, width: Number.POSITIVE_INFINITY, height: 600 }, maximized: false }],
    ['a negative size', { bounds: { x: 0, y: 0, width: -800, height: 600 }, maximized: false }],
    ['a zero size', { bounds: { x: 0, y: 0, width: 0, height: 0 }, maximized: false }],
    ['a huge size', { bounds: { x: 0, y: 0, width: 1e9, height: 600 }, maximized: false }],
    ['a huge position', { bounds: { x: -1e12, y: 0, width: 800, height: 600 }, maximized: false }],
    ['fractions', { bounds: { x: 0.5, y: 0, width: 800, height: 600 }, maximized: false }],
    ['a maximised flag that is a string', { bounds: good.bounds, maximized: 'true' }],
    ['missing bounds', { maximized: true }],
    ['a prototype trick', JSON.parse('{"__proto__": {"bounds": {"x": 0, "y": 0, "width": 800, "height": 600}, "maximized": true}}')]
  ]

  it.each(hostile)('ignores %s', (_what, raw) => {
    expect(parseWindowState(raw)).toBeNull()
    const store = memoryStore({ main: raw })
    const log = recordingLogger()
    expect(loadWindowState(store, log)).toBeNull()
    expect(log.lines).toEqual(['warn the saved window position was not a usable window; the window opens at its default place'])
  })

  it('opens at the default place when the file cannot be read, and says so', () => {
    const log = recordingLogger()
    expect(loadWindowState(memoryStore({}, { corrupt: true }), log)).toBeNull()
    expect(log.lines[0]).toMatch(/could not be read/)
  })

  it('says nothing on the first start, when there is nothing saved', () => {
    const log = recordingLogger()
    expect(loadWindowState(memoryStore(), log)).toBeNull()
    expect(log.lines).toEqual([])
  })

  it('does not let a failed save break closing the window', () => {
    const log = recordingLogger()
    const failing = { ...memoryStore(), set: () => { throw new Error('disk full') } }
    expect(() => saveWindowState(failing, good, log)).not.toThrow()
    expect(log.lines).toEqual(['warn the window position could not be saved'])
  })
})

describe('a second launch', () => {
  function fakeWindow(minimized: boolean): FocusableWindow & { calls: string[] } {
    const calls: string[] = []
    return { calls, isMinimized: () => minimized, restore: () => void calls.push('restore'), focus: () => void calls.push('focus') }
  }

  it('brings the first window forward, restoring it when minimised, and hands over the arguments and folder', () => {
    const window = fakeWindow(true)
    const onLaunch = vi.fn()
    createSecondInstanceHandler({ window: () => window, onLaunch })(['/opt/PortalDesk/portaldesk', 'portaldesk://helpdesk?ticket=ZD-1'], '/home/agent')
    expect(window.calls).toEqual(['restore', 'focus'])
    expect(onLaunch).toHaveBeenCalledWith({ argv: ['/opt/PortalDesk/portaldesk', 'portaldesk://helpdesk?ticket=ZD-1'], workingDirectory: '/home/agent' })
  })

  it('only focuses a window that is not minimised', () => {
    const window = fakeWindow(false)
    createSecondInstanceHandler({ window: () => window, onLaunch: () => {} })(['portaldesk'], '/')
    expect(window.calls).toEqual(['focus'])
  })

  it('still hands over the arguments while the window does not exist yet', () => {
    const onLaunch = vi.fn()
    createSecondInstanceHandler({ window: () => null, onLaunch })(['portaldesk', 'portaldesk://users/1'], 'C:\\Users\\agent')
    expect(onLaunch).toHaveBeenCalledWith({ argv: ['portaldesk', 'portaldesk://users/1'], workingDirectory: 'C:\\Users\\agent' })
  })
})
