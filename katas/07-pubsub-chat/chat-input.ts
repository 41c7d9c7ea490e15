/**
 * Provided: you do not need to edit this file. The limits of the chat's input, as zod
 * schemas shared by the HTTP routes and the socket frames, and the reading of a socket frame.
 */
import { z } from 'zod';

/** A room name: 1–64 letters, digits, `_` or `-`. It goes verbatim into keys and channels. */
export const roomSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 characters of A–Z, a–z, 0–9, _ or -')
  .describe('1–64 characters of A–Z, a–z, 0–9, _ or -');

/** A user name: 1–64 characters. */
export const userSchema = z.string().min(1, 'must not be empty').max(64, 'must be at most 64 characters');

/** A message text: 1–2000 characters once trimmed (the trimmed text is what is stored). */
export const textSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty or only spaces')
  .max(2000, 'must be at most 2000 characters once trimmed');

/**
 * A room glob for `/ws/watch`: letters, digits, `_`, `-`, and the glob signs `*`, `?`,
 * `[`, `]`, `^`, 1–64 characters (`*` watches every room).
 */
export const roomPatternSchema = z
  .string()
  .regex(/^[A-Za-z0-9_*?[\]^-]{1,64}$/, 'must be 1–64 characters of A–Z, a–z, 0–9, _, -, *, ?, [, ], ^');

/** `POST /chat/message`. */
export const messageInputSchema = z.object({ room: roomSchema, user: userSchema, text: textSchema });

/** What a socket sends: `{"text": "…"}`. */
export const socketFrameSchema = z.object({ text: textSchema });

/** The history's `?limit=`: 1–100, default 50. */
export const historyLimitSchema = z.coerce.number().int().min(1).max(100).default(50);

/** The first problem of a failed parse, as one sentence: `text: must not be empty`. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid input';
  const path = issue.path.join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}

/** A socket frame read: its text, or what its `validation_error` frame says. */
export type SocketFrameReading = { ok: true; text: string } | { ok: false; problem: string };

/**
 * A frame a socket sent, read: JSON of the shape `{"text": "…"}` gives its trimmed text;
 * anything else gives one sentence for the error frame, saying what was wrong with it.
 */
export function readSocketFrame(data: string): SocketFrameReading {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return { ok: false, problem: 'A frame must be JSON, such as {"text": "hi"}.' };
  }
  const parsed = socketFrameSchema.safeParse(value);
  if (parsed.success) return { ok: true, text: parsed.data.text };
  return { ok: false, problem: `Send {"text": "…"}, 1–2000 characters: ${describeIssue(parsed.error)}.` };
}
