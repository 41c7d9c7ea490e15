import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { demoPayloadSchema, runDemoTask } from '../../katas/06-task-queue/demo-handler.js';
import { type Job, PRIORITIES, type ServerOptions, type Worker } from '../../katas/06-task-queue/task-queue.js';
import { createKataServer, errorResponses, idSchema, NotFoundError } from '../../server-kit/index.js';
import { createQueueAdmin } from './queue-admin.js';
import { createReliableQueue } from './reliable-queue.js';
import { startSweeper } from './stalled-recovery.js';
import { startWorker } from './worker.js';

export type { ServerOptions };

const envSchema = z.object({
  QUEUE_WORKERS: z.coerce.number().int().min(0).max(64).default(2),
  QUEUE_VISIBILITY_MS: z.coerce.number().int().min(100).max(86_400_000).default(30_000),
});

/** `QUEUE_WORKERS` and `QUEUE_VISIBILITY_MS`, checked once at start; a bad value stops the server with a clear error. */
function settingsFrom(env: Record<string, string | undefined>) {
  const parsed = envSchema.safeParse({
    QUEUE_WORKERS: env.QUEUE_WORKERS,
    QUEUE_VISIBILITY_MS: env.QUEUE_VISIBILITY_MS,
  });
  if (!parsed.success)
    throw new Error(
      `Bad queue settings: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')} (QUEUE_WORKERS: 0–64, QUEUE_VISIBILITY_MS: 100–86 400 000).`,
    );
  return parsed.data;
}

/** What a task carries, stored as the job's `data` (JSON). */
const taskDataSchema = z.object({
  title: z.string().min(1).max(200),
  description: z.string().max(2000).optional(),
  payload: demoPayloadSchema.optional(),
});
type TaskData = z.infer<typeof taskDataSchema>;

const newTaskSchema = taskDataSchema.extend({ priority: z.enum(PRIORITIES) });

const taskSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string().optional(),
  priority: z.enum(PRIORITIES),
  payload: z.record(z.string(), z.unknown()).optional(),
  state: z.enum(['waiting', 'processing', 'delayed', 'completed', 'dead', 'taken']),
  attempts: z.number().int(),
  error: z.string().optional(),
});
type Task = z.infer<typeof taskSchema>;

/** A job's data that does not parse is shown with an empty title, never a 500. */
function taskDataOf(job: Job): TaskData {
  try {
    const parsed = taskDataSchema.safeParse(JSON.parse(job.data));
    if (parsed.success) return parsed.data;
  } catch {
    // not JSON: fall through
  }
  return { title: '' };
}

function toTask(job: Job): Task {
  const { title, description, payload } = taskDataOf(job);
  return {
    id: job.id,
    title,
    ...(description === undefined ? {} : { description }),
    priority: job.priority,
    ...(payload === undefined ? {} : { payload }),
    state: job.state,
    attempts: job.attempts,
    ...(job.error === undefined ? {} : { error: job.error }),
  };
}

const idParams = z.object({ id: idSchema });
const statsSchema = z.object({
  waiting: z.number().int(),
  processing: z.number().int(),
  delayed: z.number().int(),
  completed: z.number().int().describe('Completed in the last 24 h'),
  dead: z.number().int(),
  byPriority: z.object({ high: z.number().int(), normal: z.number().int(), low: z.number().int() }),
});

/**
 * Step 7. The task queue over HTTP, with `workers` workers and a sweeper in the process.
 * Never listens by itself: `app.inject()` in tests, `pnpm kata serve 06` for curl.
 */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { redis, prefix = 'kata:06-task-queue:', blockSeconds = 1, sweepIntervalMs = 500 } = options;
  const settings = settingsFrom(options.env ?? {});
  const workerCount = options.workers ?? settings.QUEUE_WORKERS;
  const visibilityMs = options.visibilityMs ?? settings.QUEUE_VISIBILITY_MS;
  const queue = createReliableQueue({ redis, namespace: prefix, visibilityMs });
  const admin = createQueueAdmin({ redis, namespace: prefix });

  const app = await createKataServer({
    redis,
    title: '06 · task queue',
    description:
      'A reliable task queue in Redis lists: priorities, workers on blocking connections, retries with backoff, dead letters, and recovery of tasks whose worker died. Delivery is at least once.',
    logger: options.logger,
  });

  const workers: Worker[] = Array.from({ length: workerCount }, () =>
    startWorker<Job>({
      redis,
      take: (connection, seconds) => queue.take(connection, seconds),
      handle: async (job) => {
        const outcome = await queue.process(job, () => runDemoTask(taskDataOf(job).payload));
        app.log.info({ task: job.id, attempt: job.attempts, outcome }, 'task handled');
      },
      blockSeconds,
      logger: app.log,
    }),
  );
  const sweeper = startSweeper({ queue, intervalMs: sweepIntervalMs, logger: app.log });
  app.addHook('onClose', async () => {
    await Promise.all(workers.map((worker) => worker.close()));
    await sweeper.close();
  });

  app.post(
    '/queue/tasks',
    {
      schema: {
        summary: 'Enqueue a task; payload.durationMs (0–10 000) and payload.fail drive the demo handler',
        tags: ['queue'],
        body: newTaskSchema,
        response: { 201: z.object({ id: z.string() }), ...errorResponses(400) },
      },
    },
    async (request, reply) => {
      const { priority, ...data } = request.body;
      const id = await queue.enqueue({ priority, data: JSON.stringify(data) });
      return reply.code(201).send({ id });
    },
  );

  app.get(
    '/queue/tasks/next',
    {
      schema: {
        summary: 'Take the next task (highest priority, oldest first) off the queue: state taken',
        tags: ['queue'],
        response: { 200: z.object({ task: taskSchema }), ...errorResponses(404) },
      },
    },
    async () => {
      const job = await admin.next();
      if (!job) throw new NotFoundError('No task is waiting.');
      return { task: toTask(job) };
    },
  );

  app.get(
    '/queue/tasks',
    {
      schema: {
        summary: 'The waiting tasks, in the order /next takes them',
        tags: ['queue'],
        response: { 200: z.object({ tasks: z.array(taskSchema) }) },
      },
    },
    async () => ({ tasks: (await admin.waiting()).map(toTask) }),
  );

  app.get(
    '/queue/tasks/:id',
    {
      schema: {
        summary: 'One task, with its state and attempts',
        tags: ['queue'],
        params: idParams,
        response: { 200: taskSchema, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const job = await queue.get(request.params.id);
      if (!job) throw new NotFoundError(`No task "${request.params.id}".`);
      return toTask(job);
    },
  );

  app.delete(
    '/queue/tasks',
    {
      schema: {
        summary: 'Delete every waiting task',
        tags: ['queue'],
        response: { 200: z.object({ deleted: z.number().int() }) },
      },
    },
    async () => ({ deleted: await admin.clearWaiting() }),
  );

  app.get(
    '/queue/stats',
    {
      schema: {
        summary: 'Tasks per state, and waiting tasks per priority',
        tags: ['queue'],
        response: { 200: statsSchema },
      },
    },
    () => admin.stats(),
  );

  app.get(
    '/queue/dead-letter',
    {
      schema: {
        summary: 'The dead letters (tasks that failed their last attempt), newest first',
        tags: ['dead letters'],
        response: { 200: z.object({ tasks: z.array(taskSchema) }) },
      },
    },
    async () => ({ tasks: (await queue.deadLetters()).map(toTask) }),
  );

  app.post(
    '/queue/dead-letter/:id/retry',
    {
      schema: {
        summary: 'Put a dead task back in its queue, attempts reset',
        tags: ['dead letters'],
        params: idParams,
        response: { 200: z.object({ id: z.string(), state: z.literal('waiting') }), ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const { id } = request.params;
      if (!(await queue.retryDead(id))) throw new NotFoundError(`Task "${id}" is not in the dead letters.`);
      return { id, state: 'waiting' as const };
    },
  );

  return app;
}
