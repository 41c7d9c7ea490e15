import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { RedisAdapter } from '../../adapters/redis-adapter.js';
import { BoardClockExhaustedError, ScoreOutOfRangeError } from '../../katas/04-leaderboard/leaderboard-errors.js';
import {
  MAX_INCREMENT,
  MAX_PAGE_SIZE,
  MAX_RADIUS,
  MAX_SCORE,
  MIN_SCORE,
  MODES,
  PERIODS,
} from '../../katas/04-leaderboard/leaderboard-types.js';
import {
  createKataServer,
  defineHttpError,
  errorResponses,
  idSchema,
  type KataLoggerOption,
  NotFoundError,
} from '../../server-kit/index.js';
import { createLeaderboard } from './leaderboard.js';

export interface ServerOptions {
  redis: RedisAdapter;
  /** Prefix of every key the server writes. Default `kata:04-leaderboard:`. */
  prefix?: string;
  /** Which day and week it is, in ms since the epoch. Default `Date.now`. */
  clock?: () => number;
  /** Fastify's logger option. Default: silent. */
  logger?: KataLoggerOption;
}

const ScoreOutOfRange = defineHttpError(
  'score_out_of_range',
  409,
  'The increment would take the score out of 0–1,000,000.',
);
const BoardFull = defineHttpError(
  'board_full',
  409,
  'This board has ordered all the score changes it can; start a new one.',
);

const boardParams = z.object({ board: idSchema });
const playerParams = z.object({ board: idSchema, player: idSchema });
const period = z.enum(PERIODS).default('all').describe('Which board: all-time, today (UTC) or this ISO week');

const submitBody = z
  .object({
    player: idSchema,
    score: z
      .number()
      .int()
      .min(-MAX_INCREMENT)
      .max(MAX_INCREMENT)
      .describe('mode best: the score, 0–1,000,000; mode increment: a non-zero change within ±1,000,000'),
    mode: z.enum(MODES).default('best'),
  })
  .superRefine(({ score, mode }, context) => {
    if (mode === 'best' && (score < MIN_SCORE || score > MAX_SCORE)) {
      context.addIssue({
        code: 'custom',
        path: ['score'],
        message: 'must be an integer from 0 to 1,000,000 with mode best',
      });
    }
    if (mode === 'increment' && score === 0) {
      context.addIssue({ code: 'custom', path: ['score'], message: 'must not be 0 with mode increment' });
    }
  });

const entrySchema = z.object({ rank: z.number().int(), player: z.string(), score: z.number().int() });
const standingSchema = z.object({ player: z.string(), score: z.number().int(), rank: z.number().int() });

/**
 * The kata's HTTP service: submit scores, read the top, a player's standing and the
 * players around them, on all-time, daily and weekly boards. Never listens by itself:
 * `app.inject()` in tests, `pnpm kata serve 04` for curl.
 */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { redis, prefix = 'kata:04-leaderboard:' } = options;
  const leaderboard = createLeaderboard({ redis, namespace: prefix, clock: options.clock });
  const notOnBoard = (board: string, player: string, on: string) =>
    new NotFoundError(`Player "${player}" is not on board "${board}" (${on}).`);

  const app = await createKataServer({
    redis,
    title: '04 · leaderboard',
    description:
      'Leaderboards on Redis sorted sets: top N, rank, around-me, ties by who got there first, daily and weekly boards.',
    logger: options.logger,
  });

  app.post(
    '/leaderboards/:board/scores',
    {
      schema: {
        summary:
          "Submit a player's score (best keeps the higher one, increment adds), on the all-time, daily and weekly boards",
        tags: ['leaderboard'],
        params: boardParams,
        body: submitBody,
        response: { 200: standingSchema, ...errorResponses(400, 409) },
      },
    },
    async (request) => {
      const { player, score, mode } = request.body;
      try {
        return await leaderboard.submit(request.params.board, player, score, mode);
      } catch (error) {
        if (error instanceof ScoreOutOfRangeError) throw new ScoreOutOfRange(error.message, { cause: error });
        if (error instanceof BoardClockExhaustedError) throw new BoardFull(error.message, { cause: error });
        throw error;
      }
    },
  );

  app.get(
    '/leaderboards/:board/top',
    {
      schema: {
        summary: 'A page of the ranking, best first',
        tags: ['leaderboard'],
        params: boardParams,
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(10).describe('Entries per page, 1–100'),
          offset: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0).describe('Entries to skip'),
          period,
        }),
        response: {
          200: z.object({ board: z.string(), total: z.number().int(), entries: z.array(entrySchema) }),
          ...errorResponses(400),
        },
      },
    },
    async (request) => {
      const { limit, offset, period: on } = request.query;
      return leaderboard.top(request.params.board, { limit, offset, period: on });
    },
  );

  app.get(
    '/leaderboards/:board/players/:player',
    {
      schema: {
        summary: "A player's score and rank (1-based)",
        tags: ['leaderboard'],
        params: playerParams,
        querystring: z.object({ period }),
        response: { 200: standingSchema, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const { board, player } = request.params;
      const standing = await leaderboard.standing(board, player, request.query.period);
      if (!standing) throw notOnBoard(board, player, request.query.period);
      return standing;
    },
  );

  app.get(
    '/leaderboards/:board/players/:player/around',
    {
      schema: {
        summary: 'A player and the players ranked within radius above and below',
        tags: ['leaderboard'],
        params: playerParams,
        querystring: z.object({
          radius: z.coerce.number().int().min(0).max(MAX_RADIUS).default(5).describe('Players on each side, 0–50'),
          period,
        }),
        response: {
          200: z.object({ player: z.string(), rank: z.number().int(), entries: z.array(entrySchema) }),
          ...errorResponses(400, 404),
        },
      },
    },
    async (request) => {
      const { board, player } = request.params;
      const { radius, period: on } = request.query;
      const window = await leaderboard.around(board, player, { radius, period: on });
      if (!window) throw notOnBoard(board, player, on);
      return window;
    },
  );

  app.delete(
    '/leaderboards/:board/players/:player',
    {
      schema: {
        summary: 'Take a player off the board: all-time, today and this week',
        tags: ['leaderboard'],
        params: playerParams,
        response: { 204: z.undefined().describe('Removed'), ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const { board, player } = request.params;
      if (!(await leaderboard.remove(board, player))) throw notOnBoard(board, player, 'any period');
      return reply.code(204).send();
    },
  );

  return app;
}
