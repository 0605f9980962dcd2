import { configure } from '@testing-library/react'

/**
 * What antd expects from a browser and jsdom lacks. Imported first by every renderer test.
 */

// antd forms and tables render slowly in jsdom on a loaded 2-core machine: findBy*/waitFor get 5 s, not 1.
configure({ asyncUtilTimeout: 5000 })
if (!window.matchMedia) {
  window.matchMedia = (query: string): MediaQueryList => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false
  })
}

if (typeof window.ResizeObserver === 'undefined') {
  window.ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
}

// Computed styles of pseudo elements are not implemented in jsdom; antd's scrollbar measure asks for them.
const originalGetComputedStyle = window.getComputedStyle.bind(window)
window.getComputedStyle = (element: Element, pseudo?: string | null) => originalGetComputedStyle(element, pseudo ? undefined : pseudo)

export {}
