import type { z } from 'zod'
import { channels, type ChannelName } from '../../shared/ipc/channels'
import type { DeskResult } from '../../shared/ipc/desk-api'
import { DeskError, type DeskErrorShape } from '../../shared/errors'
import { describeError, type Logger } from '../log'
import { toFieldIssues } from '../validation'
import type { HandlerTable } from './handler-table'

export interface DispatchContext {
  log: Logger
}

export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && Object.hasOwn(channels, value)
}

/**
 * The single way a channel call runs: it validates the input, runs the handler, validates the output
 * and turns every failure into data, because IPC (and JSON) lose error classes.
 */
export async function dispatch(table: HandlerTable, channel: unknown, rawInput: unknown, context: DispatchContext): Promise<DeskResult<unknown>> {
  if (!isChannelName(channel)) {
    return failure(new DeskError('VALIDATION', 'Unknown channel.', [{ path: 'channel', message: 'This channel does not exist.' }]).toShape())
  }
  const contract = channels[channel] as { input: z.ZodType; output: z.ZodType }
  const input = contract.input.safeParse(rawInput)
  if (!input.success) return failure(new DeskError('VALIDATION', undefined, toFieldIssues(input.error)).toShape())

  let value: unknown
  try {
    const handler = table[channel] as (input: unknown) => Promise<unknown>
    value = await handler(input.data)
  } catch (error) {
    return failure(toDeskErrorShape(error, channel, context.log))
  }

  const output = contract.output.safeParse(value)
  if (!output.success) {
    // Our own handler broke the contract: a bug, not the operator's fault. Paths only, never values.
    context.log.error(`${channel} returned a value outside its contract at ${toFieldIssues(output.error).map((i) => i.path || '(root)').join(', ')}`)
    return failure(new DeskError('INTERNAL').toShape())
  }
  return { ok: true, value: output.data }
}

export function toDeskErrorShape(error: unknown, channel: string, log: Logger): DeskErrorShape {
  if (error instanceof DeskError) return error.toShape()
  log.error(`${channel} failed unexpectedly: ${describeError(error)}`)
  return new DeskError('INTERNAL').toShape()
}

function failure(error: DeskErrorShape): DeskResult<never> {
  return { ok: false, error }
}
