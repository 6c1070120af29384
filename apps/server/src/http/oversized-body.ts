import type { Socket } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * A body this size or smaller is read to its end and thrown away after a 413, so the client reads the answer
 * and can send its next request on the same connection. Bigger (or of unknown length) and the answer closes it.
 */
export const DRAIN_BYTES = 32 * 1024 * 1024;

/** How long a closing connection keeps reading what the client still sends, before it is cut. */
const LINGER_MS = 5_000;

/**
 * Fastify answers a body over the limit at once and closes the connection while the client is still sending.
 * Closing a socket with unread bytes makes the kernel send a reset, and a reset throws away the answer the
 * client has not read yet: it sees EPIPE or ECONNRESET instead of the 413. So the rest of the body is read and
 * discarded (keeping the connection), or, past `DRAIN_BYTES`, the connection is closed the lingering way.
 */
export function keepOversizedAnswerReadable(request: FastifyRequest, reply: FastifyReply): void {
  const raw = request.raw;
  if (raw.complete) return;
  const length = Number(request.headers['content-length']);
  if (request.headers['content-length'] !== undefined && Number.isFinite(length) && length <= DRAIN_BYTES) {
    // Said outright: Node gives up keep-alive on its own when an answer goes out before the body has arrived.
    reply.header('connection', 'keep-alive');
    raw.unpipe();
    raw.resume();
    return;
  }
  reply.header('connection', 'close');
  lingerOnClose(raw.socket);
}

/**
 * Node ends a `Connection: close` exchange with `socket.destroySoon()`. This socket instead sends its FIN after
 * the answer and keeps reading (and dropping) what arrives until the client stops or `LINGER_MS` passes.
 */
function lingerOnClose(socket: Socket): void {
  socket.destroySoon = function lingeringClose(this: Socket) {
    const cut = setTimeout(() => this.destroy(), LINGER_MS);
    cut.unref();
    this.once('close', () => clearTimeout(cut));
    this.once('end', () => this.destroy());
    this.end();
    this.resume();
  };
}
