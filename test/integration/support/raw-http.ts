import { Agent, request as httpRequest } from 'node:http'

export interface RawRequest {
  method: string
  /** Sent verbatim on the request line: no URL parser normalizes `../` or re-encodes `%`. */
  target: string
  headers: Record<string, string | string[]>
  body: Buffer | null
}

export interface RawAnswer {
  status: number
  contentType: string
  text: string
}

/** A client that sends exactly what it is given (fetch would resolve dot segments and refuse odd headers). */
export function rawHttpClient(baseUrl: string, timeoutMs = 30_000) {
  const { hostname, port } = new URL(baseUrl)
  const agent = new Agent({ keepAlive: true, maxSockets: 8 })
  return {
    send(request: RawRequest): Promise<RawAnswer> {
      return new Promise((resolve, reject) => {
        const headers = { ...request.headers, ...(request.body === null ? {} : { 'content-length': String(request.body.length) }) }
        const outgoing = httpRequest({ hostname, port, method: request.method, path: request.target, headers, agent, timeout: timeoutMs }, (response) => {
          const chunks: Buffer[] = []
          response.on('data', (chunk: Buffer) => chunks.push(chunk))
          response.on('error', reject)
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, contentType: String(response.headers['content-type'] ?? ''), text: Buffer.concat(chunks).toString('utf8') })
          )
        })
        outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer within ${timeoutMs} ms`)))
        outgoing.on('error', reject)
        outgoing.end(request.body ?? undefined)
      })
    },
    close: () => agent.destroy()
  }
}
