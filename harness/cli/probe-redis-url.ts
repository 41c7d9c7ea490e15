/**
 * `kata doctor`'s look at the Redis of a URL: does it answer, and which version is it? A
 * TCP (or TLS, for `rediss://`) connection, `AUTH` when the URL carries a password, then
 * `PING` and `INFO server`, within a short timeout. No client library, so it says plainly
 * what went wrong. (Not `server-kit/ping-redis.ts`, the kata servers' health check.)
 */
import { connect as connectTcp, type Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';

/** `ok` with the server's version (`7.2.4`), or why not, in words for the learner. */
export type ProbeResult = { ok: true; version: string | undefined } | { ok: false; reason: string };

function command(...args: string[]): string {
  return `*${args.length}\r\n${args.map((arg) => `$${Buffer.byteLength(arg)}\r\n${arg}\r\n`).join('')}`;
}

/** Probes `url`; never throws. */
export function probeRedisUrl(url: string, timeoutMs = 1000): Promise<ProbeResult> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return Promise.resolve({ ok: false, reason: 'is not a URL (expected redis://host:port)' });
  }
  const host = parsed.hostname || '127.0.0.1';
  const port = Number(parsed.port || 6379);
  const password = decodeURIComponent(parsed.password);
  const user = decodeURIComponent(parsed.username);
  return new Promise((resolve) => {
    const socket: Socket =
      parsed.protocol === 'rediss:' ? connectTls({ host, port, servername: host }) : connectTcp({ host, port });
    let replies = '';
    const finish = (result: ProbeResult) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => finish({ ok: false, reason: `did not answer within ${timeoutMs} ms` }), timeoutMs);
    socket.once(parsed.protocol === 'rediss:' ? 'secureConnect' : 'connect', () => {
      const auth = password ? command('AUTH', ...(user ? [user] : []), password) : '';
      socket.write(auth + command('PING') + command('INFO', 'server'));
    });
    socket.on('data', (chunk) => {
      replies += String(chunk);
      const version = /redis_version:([\d.]+)/.exec(replies)?.[1];
      // INFO may be refused by an ACL: the server answers, its version is unknown.
      if (replies.includes('+PONG') && (version || /-(NOPERM|ERR)/.test(replies.split('+PONG')[1] ?? '')))
        finish({ ok: true, version });
      else if (/-NOAUTH/.test(replies)) finish({ ok: false, reason: 'answers, but wants a password in the URL' });
      else if (/-(WRONGPASS|ERR)/.test(replies)) finish({ ok: false, reason: `refused: ${replies.trim().slice(1)}` });
    });
    socket.on('error', (error: NodeJS.ErrnoException) =>
      finish({ ok: false, reason: `is not reachable (${error.code ?? error.message})` }),
    );
  });
}
