/**
 * Provided: you do not need to edit this file.
 *
 * Reading one cookie from a `Cookie` header and writing one `Set-Cookie`
 * value. Enough for a session cookie, without a package. Which attributes a session cookie
 * needs is yours to decide (README.md, "Step 5").
 */

export interface CookieOptions {
  /** Seconds the browser keeps the cookie; `0` deletes it. Without it the cookie lasts until the browser closes. */
  maxAge?: number;
  /** Which paths the browser sends it to. Default `/`. */
  path?: string;
  /** `HttpOnly`: page scripts cannot read it, so an XSS bug cannot steal it. */
  httpOnly?: boolean;
  /** `Secure`: sent over HTTPS only. */
  secure?: boolean;
  /** `SameSite`: whether other sites' pages may make the browser send it (`Lax`: only on top-level GETs). */
  sameSite?: 'Strict' | 'Lax' | 'None';
}

// RFC 6265: a name is a token; a value is printable ASCII without space, `"`, `,`, `;` and `\`.
const NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const VALUE = /^[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]*$/;

/** One `Set-Cookie` header value: `name=value; Path=/; Max-Age=…; HttpOnly; Secure; SameSite=Lax`. */
export function serializeCookie(name: string, value: string, options: CookieOptions = {}): string {
  if (!NAME.test(name)) throw new TypeError(`Cookie name "${name}" has characters a cookie name cannot hold.`);
  if (!VALUE.test(value)) throw new TypeError(`The value of cookie "${name}" has characters a cookie cannot hold.`);
  const parts = [`${name}=${value}`, `Path=${options.path ?? '/'}`];
  if (options.maxAge !== undefined) parts.push(`Max-Age=${Math.max(0, Math.floor(options.maxAge))}`);
  if (options.httpOnly) parts.push('HttpOnly');
  if (options.secure) parts.push('Secure');
  if (options.sameSite) parts.push(`SameSite=${options.sameSite}`);
  return parts.join('; ');
}

/** The value of cookie `name` in a `Cookie` request header (`a=1; session=xyz`), or `null`. */
export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const pair of header.split(';')) {
    const equals = pair.indexOf('=');
    if (equals === -1 || pair.slice(0, equals).trim() !== name) continue;
    const value = pair.slice(equals + 1).trim();
    return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
  }
  return null;
}
