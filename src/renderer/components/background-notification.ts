/**
 * A system notification for a long job that ended while the operator was in another window. It uses
 * the web Notification API: Electron shows it as a native notification (the session grants the
 * permission to the app's own page only), and the browser host gets the browser's, so both run this code.
 */
export interface NotificationWindow {
  document: Pick<Document, 'visibilityState' | 'hasFocus'>
  Notification?: Pick<typeof Notification, 'permission' | 'requestPermission'> & (new (title: string, options?: NotificationOptions) => Notification)
  focus(): void
}

/** The window is minimised, hidden or behind another application's window. */
export function isInBackground(document: NotificationWindow['document']): boolean {
  return document.visibilityState === 'hidden' || !document.hasFocus()
}

/**
 * Asks for the permission when a job starts (the operator just clicked), not when it ends in the
 * background, where a prompt would go unseen. Asked once: a refusal stays a refusal.
 */
export function prepareBackgroundNotification(win: NotificationWindow = window): void {
  if (win.Notification?.permission !== 'default') return
  win.Notification.requestPermission().catch(() => {
    // No permission, no notification: the job's own dialog still says how it ended.
  })
}

/** Shows the notification when the window is in the background; clicking it brings the desk forward. */
export function notifyInBackground(message: { title: string; body: string; tag: string }, win: NotificationWindow = window): boolean {
  const SystemNotification = win.Notification
  if (!SystemNotification || SystemNotification.permission !== 'granted' || !isInBackground(win.document)) return false
  const notification = new SystemNotification(message.title, { body: message.body, tag: message.tag })
  notification.onclick = () => {
    win.focus()
    notification.close()
  }
  return true
}
