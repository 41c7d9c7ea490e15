import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { RedisAdapter } from '../../adapters/redis-adapter.js';
import { type CookieOptions, readCookie, serializeCookie } from '../../katas/02-sessions/cookies.js';
import {
  createLoginThrottle,
  type LoginThrottle,
  type LoginThrottleLimits,
} from '../../katas/02-sessions/login-throttle.js';
import { createUserDirectory, type UserDirectory } from '../../katas/02-sessions/users.js';
import {
  createKataServer,
  errorResponses,
  idSchema,
  type KataLoggerOption,
  type KataServer,
  NotFoundError,
  TooManyRequestsError,
  UnauthorizedError,
} from '../../server-kit/index.js';
import {
  createSessionStore,
  DEFAULT_ABSOLUTE_TTL_MS,
  DEFAULT_IDLE_TTL_MS,
  type Session,
  type SessionStore,
} from './session-store.js';

export interface ServerOptions {
  redis: RedisAdapter;
  /** Prefix of every key the server writes. Default `kata:02-sessions:`. */
  prefix?: string;
  /** Idle timeout of a session. Default 30 minutes. */
  idleTtlMs?: number;
  /** Absolute lifetime of a session. Default 12 hours. */
  absoluteTtlMs?: number;
  /** Mark the session cookie `Secure` (HTTPS only). Default `false`, for `http://localhost`; `pnpm kata serve 02 --secure-cookies` turns it on. */
  secureCookies?: boolean;
  /** Failed-login throttling (`login-throttle.ts`). Default: 5 per username and IP, 20 per IP, per 15 minutes. */
  loginLimits?: Partial<LoginThrottleLimits>;
  /** Fastify's logger option. Default: silent. */
  logger?: KataLoggerOption;
}

/** How long a login may take, scrypt included. */
const LOGIN_DEADLINE_MS = 3_000;

/** The name of the session cookie. */
const SESSION_COOKIE = 'session';

/** The pieces the routes share. */
interface AuthService {
  sessions: SessionStore;
  users: UserDirectory;
  throttle: LoginThrottle;
  /** `Set-Cookie` values: the session cookie for a token, and the one that deletes it. */
  cookies: { session(token: string): string; cleared(): string };
}

// ── Tokens in, cookies out ─────────────────────────────────────────────────

// What a token can look like: base64url, bounded. Anything else is refused before Redis.
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{16,128}$/;

/** The token of `Authorization: Bearer …`, else of the session cookie; `null` when neither is there. */
function tokenOf(request: FastifyRequest): string | null {
  const bearer = /^Bearer\s+(.*)$/i.exec(request.headers.authorization ?? '');
  if (bearer) return (bearer[1] ?? '').trim();
  return readCookie(request.headers.cookie, SESSION_COOKIE);
}

/** A 401 that says which scheme to use. Its message never repeats the token: answers and logs stay free of it. */
function unauthorized(reply: FastifyReply, message: string): Error {
  reply.header('www-authenticate', 'Bearer');
  return new UnauthorizedError(message);
}

/** The request's session, renewed (sliding TTL), with its token; 401 when there is none. Writes nothing on failure. */
async function authenticate(
  request: FastifyRequest,
  reply: FastifyReply,
  { sessions }: AuthService,
): Promise<{ session: Session; token: string }> {
  const token = tokenOf(request);
  if (token === null) throw unauthorized(reply, 'Log in first: send the session cookie or Authorization: Bearer.');
  const session = TOKEN_SHAPE.test(token) ? await sessions.touch(token) : null;
  if (!session) throw unauthorized(reply, 'The session is unknown, expired or revoked; log in again.');
  return { session, token };
}

const secondsUntil = (time: number) => Math.max(0, Math.ceil((time - Date.now()) / 1000));
const iso = (time: number) => new Date(time).toISOString();

// ── Schemas ────────────────────────────────────────────────────────────────

const loginSchema = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(1024),
});
const timeSchema = z.iso.datetime();
const sessionSchema = z.object({
  id: z.string().describe('The SHA-256 of the token: safe to show; never the token'),
  device: z.string(),
  createdAt: timeSchema,
  expiresAt: timeSchema.describe('When the session ends unless used again'),
  absoluteExpiresAt: timeSchema.describe('When it ends however much it is used'),
});
const currentSessionSchema = z.object({
  userId: z.string(),
  username: z.string(),
  ...sessionSchema.shape,
  expiresIn: z.number().int().describe('Seconds left before the idle timeout (renewed by this request)'),
});

function sessionView(session: Session) {
  const { id, device, createdAt, expiresAt, absoluteExpiresAt } = session;
  return {
    id,
    device,
    createdAt: iso(createdAt),
    expiresAt: iso(expiresAt),
    absoluteExpiresAt: iso(absoluteExpiresAt),
  };
}

// ── Routes ─────────────────────────────────────────────────────────────────

function authRoutes(app: KataServer, service: AuthService): void {
  const { sessions, users, throttle, cookies } = service;

  // Sessions and tokens are private to one user: no browser or proxy may keep a copy.
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  app.post(
    '/auth/login',
    {
      // scrypt is CPU work (~50 ms, more under load): this route may take longer than the
      // server-wide 800 ms. A hung Redis still answers 503 within the adapter's command deadline.
      config: { deadlineMs: LOGIN_DEADLINE_MS },
      schema: {
        summary: 'Log in: a new session, its token in the body and in an HttpOnly cookie',
        tags: ['auth'],
        body: loginSchema,
        response: {
          200: z.object({
            sessionToken: z.string().describe('Send it back as Authorization: Bearer, or let the cookie do it'),
            expiresIn: z.number().int().describe('Seconds before the idle timeout'),
          }),
          ...errorResponses(400, 401, 429),
        },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      // Counted before the password is checked: concurrent guesses cannot slip through, and a
      // throttled one costs no scrypt work. The answer is the same whether the user exists or not.
      const attempt = await throttle.begin(username, request.ip);
      if (!attempt.allowed) {
        reply.header('retry-after', String(attempt.retryAfterSeconds));
        throw new TooManyRequestsError(`Too many failed logins; try again in ${attempt.retryAfterSeconds} s.`);
      }
      const user = await users.checkPassword(username, password);
      if (!user) throw new UnauthorizedError('Wrong username or password.');
      await throttle.succeeded(username, request.ip);
      const device = (request.headers['user-agent'] ?? '').slice(0, 200) || undefined;
      // Always a new token: a token the client sent before logging in is never promoted (no session fixation).
      const { token, session } = await sessions.create(user.id, { device });
      request.log.info({ sessionId: session.id, userId: user.id }, 'logged in');
      return reply
        .header('set-cookie', cookies.session(token))
        .send({ sessionToken: token, expiresIn: secondsUntil(session.expiresAt) });
    },
  );

  app.get(
    '/auth/session',
    {
      schema: {
        summary: 'The current session (cookie or Bearer), renewed by this request',
        tags: ['auth'],
        response: { 200: currentSessionSchema, ...errorResponses(401) },
      },
    },
    async (request, reply) => {
      const { session } = await authenticate(request, reply, service);
      const username = users.byId(session.userId)?.username ?? session.userId;
      return {
        userId: session.userId,
        username,
        ...sessionView(session),
        expiresIn: secondsUntil(session.expiresAt),
      };
    },
  );

  app.get(
    '/auth/sessions',
    {
      schema: {
        summary: "The user's live sessions (devices), oldest first",
        tags: ['auth'],
        response: {
          200: z.object({ sessions: z.array(sessionSchema.extend({ current: z.boolean() })) }),
          ...errorResponses(401),
        },
      },
    },
    async (request, reply) => {
      const { session: current } = await authenticate(request, reply, service);
      const list = await sessions.list(current.userId);
      return { sessions: list.map((session) => ({ ...sessionView(session), current: session.id === current.id })) };
    },
  );

  app.delete(
    '/auth/sessions/:sessionId',
    {
      schema: {
        summary: 'Revoke one of your sessions by its id (the current one too: then its cookie is cleared)',
        tags: ['auth'],
        params: z.object({ sessionId: idSchema }),
        response: { 204: z.undefined().describe('Revoked'), ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const { session } = await authenticate(request, reply, service);
      if (!(await sessions.revoke(session.userId, request.params.sessionId))) {
        throw new NotFoundError('You have no session with that id (it may have expired).');
      }
      // Revoking the session this request came with is a logout: its cookie goes too.
      if (request.params.sessionId === session.id) reply.header('set-cookie', cookies.cleared());
      return reply.code(204).send();
    },
  );

  app.post(
    '/auth/logout',
    {
      schema: {
        summary: 'End this session and clear its cookie',
        tags: ['auth'],
        response: { 204: z.undefined().describe('Logged out'), ...errorResponses(401) },
      },
    },
    async (request, reply) => {
      const { token } = await authenticate(request, reply, service);
      await sessions.delete(token);
      return reply.header('set-cookie', cookies.cleared()).code(204).send();
    },
  );

  app.delete(
    '/auth/sessions',
    {
      schema: {
        summary: 'Log out everywhere: end every session of the user',
        tags: ['auth'],
        response: { 200: z.object({ revoked: z.number().int() }), ...errorResponses(401) },
      },
    },
    async (request, reply) => {
      const { session } = await authenticate(request, reply, service);
      const revoked = await sessions.revokeAll(session.userId);
      request.log.info({ userId: session.userId, revoked }, 'logged out everywhere');
      return reply.header('set-cookie', cookies.cleared()).send({ revoked });
    },
  );
}

/**
 * The kata's HTTP service: log in, use the session by cookie or Bearer token, list and revoke
 * sessions. Never listens by itself: `app.inject()` in tests, `pnpm kata serve 02` for curl.
 */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const {
    redis,
    prefix = 'kata:02-sessions:',
    idleTtlMs = DEFAULT_IDLE_TTL_MS,
    absoluteTtlMs = DEFAULT_ABSOLUTE_TTL_MS,
  } = options;
  // HttpOnly: page scripts cannot read it. SameSite=Lax: other sites' forms cannot make the
  // browser send it. Secure: HTTPS only, when the server is behind HTTPS. It lasts as long
  // as a session may; Redis decides whether the session behind it still lives.
  const cookie: CookieOptions = { httpOnly: true, sameSite: 'Lax', secure: options.secureCookies ?? false, path: '/' };
  const service: AuthService = {
    sessions: createSessionStore({ redis, prefix, idleTtlMs, absoluteTtlMs }),
    users: createUserDirectory(),
    throttle: createLoginThrottle({ redis, prefix, limits: options.loginLimits }),
    cookies: {
      session: (token) => serializeCookie(SESSION_COOKIE, token, { ...cookie, maxAge: absoluteTtlMs / 1000 }),
      cleared: () => serializeCookie(SESSION_COOKIE, '', { ...cookie, maxAge: 0 }),
    },
  };
  const app = await createKataServer({
    redis,
    title: '02 · sessions',
    description: 'Sessions in Redis: random tokens, sliding idle expiry, an absolute lifetime, and log out everywhere.',
    logger: options.logger,
  });
  authRoutes(app, service);
  return app;
}
