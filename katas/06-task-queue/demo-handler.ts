/**
 * Provided: you do not need to edit this file. The handler the server's workers run
 * (step 7): it stands in for real work, so you can watch the queue behave.
 */
import { z } from 'zod';

/** What the demo handler reads from a task's payload; any other field is carried along untouched. */
export const demoPayloadSchema = z.looseObject({
  durationMs: z.number().int().min(0).max(10_000).optional().describe('How long the work takes, in ms (0–10 000)'),
  fail: z.unknown().optional().describe('Truthy: the work throws; a string becomes the error message'),
});
export type DemoPayload = z.infer<typeof demoPayloadSchema>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits `payload.durationMs`, then throws when `payload.fail` is truthy (a string is the message). */
export async function runDemoTask(payload: DemoPayload | undefined): Promise<void> {
  await sleep(payload?.durationMs ?? 0);
  if (payload?.fail)
    throw new Error(typeof payload.fail === 'string' ? payload.fail : 'the task failed (payload.fail)');
}
