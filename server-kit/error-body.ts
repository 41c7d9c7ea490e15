import { z } from 'zod';

/** Every error answer of every kata server: `{ error, message, details? }`. */
export const errorBodySchema = z
  .object({
    error: z.string().describe('A stable, machine-readable code: validation_error, not_found, redis_unavailable…'),
    message: z.string().describe('What went wrong, for a human.'),
    details: z.unknown().optional().describe('For validation errors: which inputs failed, and why.'),
  })
  .describe('An error');

export type ErrorBody = z.infer<typeof errorBodySchema>;

const descriptions: Record<number, string> = {
  400: 'Invalid input; nothing was written',
  401: 'Not authenticated',
  404: 'Not found',
  409: 'Conflict',
  429: 'Too many requests',
  501: 'This kata step is not implemented yet',
  503: 'Redis is unavailable',
};

/**
 * Error responses for a route's OpenAPI description: `response: { 200: …, ...errorResponses(400, 404) }`.
 * 503 (Redis down) is added to every list: any route that touches Redis can answer it.
 */
export function errorResponses(...statusCodes: number[]): Record<number, typeof errorBodySchema> {
  const codes = new Set([...statusCodes, 503]);
  return Object.fromEntries([...codes].map((code) => [code, errorBodySchema.describe(descriptions[code] ?? 'Error')]));
}
