/**
 * A fan-out benchmark's load (`pnpm bench 07`): a room of sockets, the first `publishers`
 * of them taking turns to send `messages` messages, at most `inFlight` of them not yet
 * delivered to every socket at any time. Each text carries its send time
 * (`performance.now()`: senders and receivers share a process); each socket that receives
 * it records the delay. Every socket receives every message, its sender's included:
 * `messages × sockets` deliveries.
 */
import { percentile } from './bench-stats.js';

/** One connected socket of the room, whichever the server. */
export interface FanOutClient {
  /** Sends one chat text to the room. */
  send(text: string): void;
  /** From now on, calls `handler` (and only it) with the text of every chat message this socket receives. */
  onText(handler: (text: string) => void): void;
}

export interface FanOutOptions {
  messages: number;
  publishers: number;
  inFlight: number;
  /** The run fails, naming what arrived, when it takes longer. */
  timeLimitMs: number;
}

export interface FanOutResult {
  deliveriesPerSecond: number;
  /** Send-to-receive delay, ms. */
  p50Ms: number;
  p99Ms: number;
  deliveries: number;
  elapsedMs: number;
}

/** `run:seq:sentAt`: the run tells this run's messages from an earlier one's stragglers. */
const stamp = (run: string, seq: number) => `${run}:${seq}:${performance.now().toFixed(3)}`;

function readStamp(text: string): { run: string; seq: number; sentAt: number } | null {
  const [run, seq, sentAt] = text.split(':');
  if (run === undefined || seq === undefined || sentAt === undefined) return null;
  return { run, seq: Number(seq), sentAt: Number(sentAt) };
}

let runs = 0;

/** Sends `messages` through `clients` (connected, already in the room) and measures the deliveries. */
export function runFanOut(clients: readonly FanOutClient[], options: FanOutOptions): Promise<FanOutResult> {
  const { messages, inFlight, timeLimitMs } = options;
  const publishers = clients.slice(0, Math.min(options.publishers, clients.length));
  runs += 1;
  const run = `r${runs}`;
  const arrivals = new Uint32Array(messages);
  const delays: number[] = [];
  let sent = 0;
  let complete = 0;
  const started = performance.now();

  return new Promise<FanOutResult>((resolve, reject) => {
    const timer = setTimeout(() => {
      listening = false;
      reject(
        new Error(
          `Fan-out run ${run} gave up after ${timeLimitMs} ms: ${delays.length} of ${messages * clients.length} deliveries arrived, ${complete} of ${messages} messages reached every socket.`,
        ),
      );
    }, timeLimitMs);
    let listening = true;
    const sendWhileRoom = () => {
      while (sent < messages && sent - complete < inFlight) {
        const publisher = publishers[sent % publishers.length];
        publisher?.send(stamp(run, sent));
        sent += 1;
      }
    };
    const receive = (text: string) => {
      const parsed = readStamp(text);
      if (!listening || !parsed || parsed.run !== run) return;
      delays.push(performance.now() - parsed.sentAt);
      arrivals[parsed.seq] = (arrivals[parsed.seq] ?? 0) + 1;
      if (arrivals[parsed.seq] !== clients.length) return;
      complete += 1;
      if (complete < messages) return sendWhileRoom();
      listening = false;
      clearTimeout(timer);
      const elapsedMs = performance.now() - started;
      resolve({
        deliveriesPerSecond: (delays.length / elapsedMs) * 1000,
        p50Ms: percentile(delays, 50),
        p99Ms: percentile(delays, 99),
        deliveries: delays.length,
        elapsedMs,
      });
    };
    for (const client of clients) client.onText(receive);
    sendWhileRoom();
  });
}
