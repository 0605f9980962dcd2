import { existsSync } from 'node:fs'

/** The system Chromium: Playwright cannot download its own browser on our machines. */
export function chromiumExecutable(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']
  return candidates.find((path): path is string => Boolean(path) && existsSync(path as string)) ?? null
}
