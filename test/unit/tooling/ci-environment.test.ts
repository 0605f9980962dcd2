import { describe, expect, it } from 'vitest'
import { isCI } from '../../support/environment'

describe('isCI: which CI values make a missing PostgreSQL or Chromium a failure', () => {
  it.each(['true', '1', 'yes', 'TRUE', 'woodpecker', ' true '])('counts %j as CI', (value) => {
    expect(isCI(value)).toBe(true)
  })

  it.each([undefined, '', '  ', 'false', 'FALSE', '0'])('does not count %j as CI', (value) => {
    expect(isCI(value)).toBe(false)
  })
})
