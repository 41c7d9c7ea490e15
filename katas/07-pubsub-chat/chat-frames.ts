/**
 * Provided: you do not need to edit this file. The frames the server sends, as JSON text
 * (`chat-types.ts` has their types), and the message's schema for the HTTP answers.
 */
import { z } from 'zod';
import { toErrorAnswer } from '../../server-kit/index.js';
import type { ErrorFrame, PresenceFrame } from './chat-types.js';

/** A chat message as the routes answer it (`POST /chat/message`, the history). */
export const messageSchema = z.object({
  type: z.literal('message'),
  id: z.string(),
  room: z.string(),
  user: z.string(),
  text: z.string(),
  ts: z.number().int().describe('ms since the epoch'),
});

/** `{type:"presence", room, user, online}` */
export const presenceFrame = (room: string, user: string, online: boolean): string =>
  JSON.stringify({ type: 'presence', room, user, online } satisfies PresenceFrame);

/** `{type:"error", error, message}` with a code of your own: `validation_error`, `read_only`. */
export const errorFrame = (error: string, message: string): string =>
  JSON.stringify({ type: 'error', error, message } satisfies ErrorFrame);

/**
 * The error frame of a thrown error, with the code and message an HTTP route would answer:
 * `redis_unavailable` for Redis trouble, `internal_error` for a bug.
 */
export function errorFrameOf(thrown: unknown): string {
  const { body } = toErrorAnswer(thrown);
  return errorFrame(body.error, body.message);
}

/** Whether a frame heard on a room's channel is a chat message (not presence). */
export function isMessageFrame(frame: string): boolean {
  try {
    return (JSON.parse(frame) as { type?: unknown } | null)?.type === 'message';
  } catch {
    return false;
  }
}
