import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

export interface OpenApiOptions {
  title: string;
  description: string;
  version?: string;
}

/**
 * OpenAPI 3 from the routes' zod schemas (`jsonSchemaTransform`), Swagger UI at `/docs`,
 * the JSON at `/docs/json`. Register it before the routes: it collects them as they are added.
 */
const openApi: FastifyPluginAsync<OpenApiOptions> = async (app, { title, description, version = '1.0.0' }) => {
  await app.register(swagger, {
    openapi: { openapi: '3.0.3', info: { title, description, version } },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
};

export const openApiPlugin = fp(openApi, { name: 'kata-openapi', fastify: '5.x' });
