import { z } from 'zod'
import { locales } from '../../errors'

/** What the window tells the desktop shell around it. */
export const desktopChannels = {
  /** The operator's language, so that the application menu speaks it too. */
  'desktop:set-language': { input: z.object({ language: z.enum(locales) }), output: z.null() }
} as const
