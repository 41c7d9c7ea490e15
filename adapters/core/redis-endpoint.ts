/**
 * `host:port` of a Redis URL, for error messages: `redis://:secret@127.0.0.1:6390/2` →
 * `127.0.0.1:6390`. Never includes the credentials.
 */
export function redisEndpoint(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname || 'localhost'}:${parsed.port || '6379'}`;
  } catch {
    return 'the configured URL (unparsable)';
  }
}
