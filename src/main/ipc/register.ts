import { channelNames } from '../../shared/ipc/channels'
import type { DeskResult } from '../../shared/ipc/desk-api'
import { DeskError } from '../../shared/errors'
import { dispatch, type DispatchContext } from './dispatch'
import type { HandlerTable } from './handler-table'

/** The part of a WebFrameMain the sender check needs. */
export interface SenderFrame {
  readonly url: string
  readonly parent: unknown
}

/** The part of an IpcMainInvokeEvent the wrapper needs. */
export interface InvokeEvent {
  readonly senderFrame: SenderFrame | null
}

/** The part of Electron's ipcMain the wrapper needs; tests pass a fake. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEvent, input: unknown) => Promise<DeskResult<unknown>>): void
}

export interface RegisterOptions extends DispatchContext {
  isAllowedSender(frame: SenderFrame): boolean
}

/**
 * Registers every channel of the contract, each through the one wrapper: sender check first (a
 * foreign or vanished frame gets FORBIDDEN and the handler does not run), then `dispatch`.
 */
export function registerHandlers(ipcMain: IpcMainLike, table: HandlerTable, options: RegisterOptions): readonly string[] {
  for (const channel of channelNames) {
    ipcMain.handle(channel, async (event, input) => {
      const frame = event.senderFrame
      if (!frame || !options.isAllowedSender(frame)) {
        options.log.warn(`refused ${channel} from a sender outside the app`)
        return { ok: false, error: new DeskError('FORBIDDEN', 'This window may not call the desk.').toShape() }
      }
      return dispatch(table, channel, input, options)
    })
  }
  return channelNames
}
