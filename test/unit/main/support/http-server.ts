import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface TestServer {
  url: string
  server: Server
  close(): Promise<void>
}

/** A real HTTP server on 127.0.0.1 for client tests; `handler` decides every answer. */
export async function startTestServer(handler: (request: IncomingMessage, response: ServerResponse, body: string) => void): Promise<TestServer> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => handler(request, response, Buffer.concat(chunks).toString('utf8')))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

/** A port on which nothing listens: bound, noted, released. */
export async function refusedPort(): Promise<number> {
  const probe = await startTestServer(() => {})
  const port = Number(new URL(probe.url).port)
  await probe.close()
  return port
}

export function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' })
  response.end(JSON.stringify(body))
}
