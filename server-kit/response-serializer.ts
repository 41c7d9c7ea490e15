import type { FastifySerializerCompiler } from 'fastify';
import {
  serializerCompiler as encodingSerializerCompiler,
  ResponseSerializationError,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { compileJsonWriter } from './json-writer.js';

type SerializerCompiler = Parameters<typeof encodingSerializerCompiler>[0];
type AnySchema = z.core.$ZodType;

/** Types whose parse and encode give the same value: no transform, no codec, no default to fill in. */
const LEAF_TYPES = new Set(['string', 'number', 'boolean', 'literal', 'enum', 'null', 'unknown', 'any', 'date']);

/**
 * True when `schema` is built only of plain data types (objects, arrays, unions… of
 * strings, numbers, booleans, literals, enums): then checking a value with `safeParse`
 * gives exactly what zod's `encode` gives, without encode's extra walk. Anything else
 * (a transform, a codec, a default, a type not listed) is not plain.
 */
export function isPlainDataSchema(schema: AnySchema): boolean {
  const def = schema._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
  if (LEAF_TYPES.has(def.type)) return true;
  const children = (...schemas: unknown[]) => schemas.every((child) => isPlainDataSchema(child as AnySchema));
  switch (def.type) {
    case 'object':
      return (
        Object.values(def.shape as Record<string, AnySchema>).every(isPlainDataSchema) &&
        (def.catchall === undefined || children(def.catchall))
      );
    case 'array':
      return children(def.element);
    case 'optional':
    case 'nullable':
      return children(def.innerType);
    case 'union':
      return children(...(def.options as AnySchema[]));
    case 'record':
      return children(def.keyType, def.valueType);
    case 'tuple':
      return children(...(def.items as AnySchema[])) && (def.rest === null || children(def.rest));
    default:
      return false;
  }
}

/**
 * Fastify's response serializer for zod schemas. A reply still has to match its route's
 * schema (else `ResponseSerializationError`, answered 500), but a plain-data schema is
 * checked with `safeParse`, about 3× cheaper per reply than the encode that
 * `fastify-type-provider-zod` runs, and written by a JSON writer compiled from the schema
 * (`json-writer.ts`); any other schema goes through that library's serializer.
 */
export const kataSerializerCompiler: FastifySerializerCompiler<unknown> = (route) => {
  const schema = route.schema as AnySchema;
  if (!(schema instanceof z.core.$ZodType) || !isPlainDataSchema(schema)) {
    return encodingSerializerCompiler(route as SerializerCompiler);
  }
  const writeJson = compileJsonWriter(schema);
  return (data: unknown) => {
    const result = z.safeParse(schema, data);
    if (!result.success) throw new ResponseSerializationError(route.method, route.url, { cause: result.error });
    return result.data === undefined ? JSON.stringify(result.data) : writeJson(result.data);
  };
};
