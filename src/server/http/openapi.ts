import type { FastifyInstance } from 'fastify'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import { jsonSchemaTransform } from 'fastify-type-provider-zod'
import { apiDocsPath } from '../../shared/api'
import { serverVersion } from '../version'
import { bearerScheme } from './endpoint-route'

/** OpenAPI built from the route schemas (the zod contract), served at /api/docs and /api/docs/json. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'PortalDesk portal API',
        description: 'Errors always have the shape {"error": {"code", "message", "details"?}}.',
        version: serverVersion
      },
      components: { securitySchemes: { [bearerScheme]: { type: 'http', scheme: 'bearer' } } }
    },
    transform: jsonSchemaTransform
  })
  await app.register(swaggerUi, { routePrefix: apiDocsPath })
}
