/** The part of a BrowserWindow that a second launch brings forward. */
export interface FocusableWindow {
  isMinimized(): boolean
  restore(): void
  focus(): void
}

/** What a second launch of the desk was started with; its arguments may carry a portaldesk:// link. */
export interface LaunchArguments {
  argv: readonly string[]
  workingDirectory: string
}

/**
 * The second-instance handler: the running desk comes to the front and gets the later launch's
 * arguments. They are handed over even while the window does not exist yet (start-up still running).
 */
export function createSecondInstanceHandler(options: { window: () => FocusableWindow | null; onLaunch: (launch: LaunchArguments) => void }) {
  return (argv: readonly string[], workingDirectory: string): void => {
    const window = options.window()
    if (window) {
      if (window.isMinimized()) window.restore()
      window.focus()
    }
    options.onLaunch({ argv: [...argv], workingDirectory })
  }
}
