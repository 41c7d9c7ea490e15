import { connect } from 'node:net';

export interface RawAnswer {
  status: number;
  headers: string;
  body: string;
}

/**
 * Sends `chunks` to 127.0.0.1:`port` as they are, `gapMs` apart (a slow client), and reads
 * the answer until the server closes the connection or `timeoutMs` passes. For what
 * `app.inject()` cannot show: the HTTP parser's own errors (408, 431, malformed HTTP).
 */
export function rawHttp(port: number, chunks: string[], { gapMs = 0, timeoutMs = 5000 } = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    let received = '';
    let next = 0;
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`No answer within ${timeoutMs} ms; got ${JSON.stringify(received)}`));
    }, timeoutMs);
    const sendNext = () => {
      if (next >= chunks.length || socket.destroyed) return;
      socket.write(chunks[next++] as string);
      if (next < chunks.length) setTimeout(sendNext, gapMs);
    };
    socket.on('connect', sendNext);
    socket.on('data', (data) => {
      received += String(data);
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      const [head = '', body = ''] = received.split('\r\n\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
      resolve({ status, headers: head, body });
    });
  });
}
