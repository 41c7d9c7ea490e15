/**
 * Fastify's and Node's own request errors (bad URL encoding, unknown route, body too large,
 * wrong content type, headers too large, too slow) as stable `error` codes of the contract's
 * body, instead of Fastify's `{ error: "Bad Request", code: "FST_ERR_…", statusCode }`.
 */
const codesByFastifyCode: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
  FST_ERR_BAD_URL: 'bad_url',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
  FST_ERR_MAX_PARAM_LENGTH: 'uri_too_long',
};

const codesByStatus: Record<number, string> = {
  400: 'bad_request',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  408: 'request_timeout',
  413: 'payload_too_large',
  414: 'uri_too_long',
  415: 'unsupported_media_type',
  431: 'headers_too_large',
};

/** The stable `error` code of a client error: by Fastify's code when it has one, else by status. */
export function clientErrorCode(status: number, fastifyCode?: string): string {
  return (fastifyCode && codesByFastifyCode[fastifyCode]) || codesByStatus[status] || 'bad_request';
}

/** What the HTTP parser's errors (before any route runs) answer, by Node's error code. */
const parserErrors: Record<string, { status: number; message: string }> = {
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, message: 'The request did not arrive in time; send it faster.' },
  HPE_HEADER_OVERFLOW: { status: 431, message: 'The request headers are too large.' },
  HPE_URI_TOO_LONG: { status: 414, message: 'The URL is too long.' },
};

/** The status and body for an error of Node's HTTP parser; a malformed request is 400. */
export function parserErrorAnswer(nodeCode: string | undefined): { status: number; body: string } {
  const known = nodeCode ? parserErrors[nodeCode] : undefined;
  const status = known?.status ?? 400;
  const message = known?.message ?? 'The request is not valid HTTP.';
  return { status, body: JSON.stringify({ error: clientErrorCode(status), message }) };
}
