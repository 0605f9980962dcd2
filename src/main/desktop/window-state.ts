import { z } from 'zod'
import type { Logger } from '../log'
import type { KeyValueStore } from '../storage/key-value-store'

export interface Rectangle {
  x: number
  y: number
  width: number
  height: number
}

export interface WindowState {
  /** The window's normal (not maximised) bounds, so that un-maximising goes back to them. */
  bounds: Rectangle
  maximized: boolean
}

export interface WindowSize {
  width: number
  height: number
}

/** Far beyond any real desktop: a larger value is a damaged or hand-edited file. */
const maxCoordinate = 100_000
const coordinate = z.int().min(-maxCoordinate).max(maxCoordinate)
const length = z.int().min(1).max(maxCoordinate)

const savedWindowState = z.object({
  bounds: z.object({ x: coordinate, y: coordinate, width: length, height: length }),
  maximized: z.boolean()
})

/** What came back from disk, when it is a plausible window; anything else (strings, NaN, huge values) is ignored. */
export function parseWindowState(raw: unknown): WindowState | null {
  const parsed = savedWindowState.safeParse(raw)
  return parsed.success ? parsed.data : null
}

function overlapArea(a: Rectangle, b: Rectangle): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return width > 0 && height > 0 ? width * height : 0
}

const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), high)

/** `size`, no larger than the work area, centred on it. */
export function centredOn(workArea: Rectangle, size: WindowSize): Rectangle {
  const width = Math.min(size.width, workArea.width)
  const height = Math.min(size.height, workArea.height)
  return { x: workArea.x + Math.floor((workArea.width - width) / 2), y: workArea.y + Math.floor((workArea.height - height) / 2), width, height }
}

/**
 * Where the window opens: on the display that shows most of the saved bounds, shrunk to that
 * display's work area (taskbar and dock excluded) and moved entirely onto it. Bounds that no
 * current display shows (a monitor unplugged since) give the default size centred on the primary display.
 */
export function visibleWindowBounds(saved: Rectangle | null, workAreas: readonly Rectangle[], primaryWorkArea: Rectangle, defaultSize: WindowSize): Rectangle {
  if (!saved) return centredOn(primaryWorkArea, defaultSize)
  let best: Rectangle | null = null
  let bestArea = 0
  for (const workArea of workAreas) {
    const area = overlapArea(saved, workArea)
    if (area > bestArea) {
      best = workArea
      bestArea = area
    }
  }
  if (!best) return centredOn(primaryWorkArea, defaultSize)
  const width = Math.min(saved.width, best.width)
  const height = Math.min(saved.height, best.height)
  return {
    x: clamp(saved.x, best.x, best.x + best.width - width),
    y: clamp(saved.y, best.y, best.y + best.height - height),
    width,
    height
  }
}

/** The key and the store name under the desk's user-data folder. */
export const windowStateStoreName = 'window-state'
const windowStateKey = 'main'

/** The remembered state, or null when there is none or it cannot be trusted (the file is then left for the next save to replace). */
export function loadWindowState(store: KeyValueStore, log: Logger): WindowState | null {
  let raw: unknown
  try {
    raw = store.get(windowStateKey)
  } catch {
    log.warn('the saved window position could not be read; the window opens at its default place')
    return null
  }
  if (raw === undefined) return null
  const state = parseWindowState(raw)
  if (!state) log.warn('the saved window position was not a usable window; the window opens at its default place')
  return state
}

export function saveWindowState(store: KeyValueStore, state: WindowState, log: Logger): void {
  try {
    store.set(windowStateKey, state)
  } catch {
    log.warn('the window position could not be saved')
  }
}

/** The part of a BrowserWindow the state tracker needs. */
export interface TrackedWindow {
  getNormalBounds(): Rectangle
  isMaximized(): boolean
  /** Called just before the window closes, while its bounds can still be read. */
  onClose(listener: () => void): void
}

export function rememberWindowState(window: TrackedWindow, save: (state: WindowState) => void): void {
  window.onClose(() => save({ bounds: window.getNormalBounds(), maximized: window.isMaximized() }))
}

export interface WindowOpening {
  bounds: Rectangle
  maximized: boolean
}

/** How the window opens from what was remembered: visible bounds, maximised again if it was. */
export function windowOpening(saved: WindowState | null, workAreas: readonly Rectangle[], primaryWorkArea: Rectangle, defaultSize: WindowSize): WindowOpening {
  return { bounds: visibleWindowBounds(saved?.bounds ?? null, workAreas, primaryWorkArea, defaultSize), maximized: saved?.maximized ?? false }
}
