import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { validatorCompiler } from 'fastify-type-provider-zod'
import { DeskError } from '../../../src/shared/errors'
import { toErrorResponse } from '../../../src/server/http/errors'

describe('toErrorResponse', () => {
  it('keeps the code, message and details of a DeskError, with the matching status', () => {
    expect(toErrorResponse(new DeskError('NOT_FOUND', 'There is no user with this id.'))).toEqual({
      status: 404,
      body: { error: { code: 'NOT_FOUND', message: 'There is no user with this id.' } }
    })
    expect(toErrorResponse(new DeskError('INVALID_CREDENTIALS')).status).toBe(401)
    expect(toErrorResponse(new DeskError('VALIDATION', 'bad', [{ path: 'cursor', message: 'bad' }])).body.error.details).toEqual([
      { path: 'cursor', message: 'bad' }
    ])
  })

  it('turns schema validation failures into field details', () => {
    const schema = z.object({ limit: z.number().max(200), nested: z.object({ a: z.string() }) })
    const validate = validatorCompiler({ schema, method: 'GET', url: '/', httpPart: 'querystring' })
    const result = validate({ limit: 500, nested: {} }) as { error?: unknown }
    const error = Object.assign(new Error('invalid'), { validation: result.error, validationContext: 'querystring', statusCode: 400 })
    const { status, body } = toErrorResponse(error)
    expect(status).toBe(400)
    expect(body.error.code).toBe('VALIDATION')
    expect(body.error.details).toEqual([
      { path: 'limit', message: expect.stringContaining('200') },
      { path: 'nested.a', message: expect.any(String) }
    ])
  })

  it('maps Fastify client errors by status and code', () => {
    const fastifyError = (code: string, statusCode: number) => Object.assign(new Error('x'), { code, statusCode })
    expect(toErrorResponse(fastifyError('FST_ERR_CTP_BODY_TOO_LARGE', 413))).toMatchObject({ status: 413, body: { error: { code: 'VALIDATION', message: 'The request body is too large.' } } })
    expect(toErrorResponse(fastifyError('FST_ERR_CTP_INVALID_MEDIA_TYPE', 415)).status).toBe(415)
    expect(toErrorResponse(fastifyError('FST_ERR_CTP_INVALID_JSON_BODY', 400)).body.error).toEqual({
      code: 'VALIDATION',
      message: 'The request body is not valid JSON.',
      details: [{ path: 'body', message: 'The request body is not valid JSON.' }]
    })
    expect(toErrorResponse(fastifyError('FST_ERR_BAD_URL', 400)).body.error.details).toEqual([{ path: 'url', message: 'The address is not valid.' }])
    expect(toErrorResponse(fastifyError('SOMETHING', 429)).body.error.code).toBe('RATE_LIMITED')
  })

  it('hides the details of anything unexpected behind a 500 SERVER', () => {
    const { status, body } = toErrorResponse(new Error('relation "users" does not exist at /srv/secret/path'))
    expect(status).toBe(500)
    expect(body).toEqual({ error: { code: 'SERVER', message: expect.not.stringContaining('secret') } })
  })
})
