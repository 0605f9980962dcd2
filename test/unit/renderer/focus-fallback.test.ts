// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { restoreFocusWhenLost } from '../../../src/renderer/features/security/focus-fallback'

function section(): { heading: HTMLHeadingElement; trigger: HTMLButtonElement } {
  const heading = document.createElement('h3')
  heading.tabIndex = -1
  const trigger = document.createElement('button')
  document.body.append(heading, trigger)
  return { heading, trigger }
}

describe('focus after a security dialog closes', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => {
    vi.useRealTimers()
    document.body.replaceChildren()
  })

  it('moves to the section heading when the trigger is gone and focus fell to the page', () => {
    const { heading, trigger } = section()
    trigger.remove()
    restoreFocusWhenLost(trigger, heading)
    vi.advanceTimersByTime(100)
    expect(document.activeElement).toBe(heading)
  })

  it('stops looking once the section has left the page, leaving no timer behind', () => {
    const { heading, trigger } = section()
    const dialog = document.createElement('div')
    dialog.className = 'ant-modal-wrap'
    const field = document.createElement('input')
    dialog.append(field)
    document.body.append(dialog)
    field.focus()
    restoreFocusWhenLost(trigger, heading)
    vi.advanceTimersByTime(300)
    heading.remove()
    vi.advanceTimersByTime(100)
    expect(vi.getTimerCount()).toBe(0)
    expect(document.activeElement).toBe(field)
  })
})
