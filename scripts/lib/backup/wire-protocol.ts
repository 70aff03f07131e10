// Just enough of PostgreSQL's frontend/backend protocol (version 3) to carry a synchronous
// client's bytes over TCP: when has the client sent something the server answers, and when
// has the server finished answering (so the client may read it all at once)? The WebAssembly
// pg_dump (wasm-pg-dump.ts) hands over each write and expects the whole answer before it
// reads, as PGlite gives it; a real server's answer arrives in pieces.
// Message layout: https://www.postgresql.org/docs/current/protocol-message-formats.html

/** Authentication requests the client must answer: cleartext, MD5, GSS/SSPI continue, SASL, SASL continue. */
const AUTH_REQUESTS_NEEDING_REPLY = new Set([3, 5, 7, 8, 9, 10, 11]);

/**
 * Client messages the server answers up to a ReadyForQuery (or its next authentication
 * request): Query, Sync, FunctionCall (pg_dump reads large objects with lo_read), and the
 * password/SASL responses. Not Flush: its answer has no end mark; libpq sends it only in
 * pipeline mode, which pg_dump does not use (a read with nothing to read ends the connection
 * with pg_dump's own error, rather than a wait).
 */
const CLIENT_MESSAGES_ANSWERED = new Set(["Q", "S", "F", "p"]);

export type ClientStream = {
  /** Bytes of an incomplete message carried over from the last write. */
  partial: Buffer;
  /** Has the untyped startup message gone out yet? */
  hasStarted: boolean;
};

export function newClientStream(): ClientStream {
  return { partial: Buffer.alloc(0), hasStarted: false };
}

export type ClientWrite = {
  /** The server will answer something in these bytes: wait for its whole answer. */
  awaitsAnswer: boolean;
  /** A Terminate message: the client is done with the connection. */
  terminates: boolean;
};

/** Reads the complete client messages in `bytes` (after what `stream` carried over). */
export function readClientWrite(stream: ClientStream, bytes: Uint8Array): ClientWrite {
  let buffer = Buffer.concat([stream.partial, bytes]);
  let awaitsAnswer = false;
  let terminates = false;
  for (;;) {
    if (!stream.hasStarted) {
      // The startup message: Int32 length (itself included), then the protocol version and parameters.
      if (buffer.length < 4 || buffer.length < buffer.readInt32BE(0)) break;
      buffer = buffer.subarray(buffer.readInt32BE(0));
      stream.hasStarted = true;
      awaitsAnswer = true;
      continue;
    }
    if (buffer.length < 5 || buffer.length < 1 + buffer.readInt32BE(1)) break;
    const type = String.fromCharCode(buffer[0]!);
    if (CLIENT_MESSAGES_ANSWERED.has(type)) awaitsAnswer = true;
    if (type === "X") terminates = true;
    buffer = buffer.subarray(1 + buffer.readInt32BE(1));
  }
  stream.partial = Buffer.from(buffer);
  return { awaitsAnswer, terminates };
}

/**
 * Reads the server's answer as it arrives, piece by piece, and tells when it is whole: when
 * it ends with a complete ReadyForQuery, an authentication request the client must answer,
 * or a CopyInResponse (the client sends data next); an ErrorResponse before the session
 * started also ends it (the server closes the connection after it). Each byte is looked at
 * once: an answer can be many megabytes (rows with PDFs) in 64 KB pieces.
 */
export class ServerAnswer {
  private pieces: Buffer[] = [];
  private length = 0;
  /** Where the message being read starts, counted from the answer's first byte. */
  private messageStart = 0;
  /** The first bytes (type, length, authentication code) of the message being read. */
  private head = Buffer.alloc(9);
  private headLength = 0;
  private isWhole = false;
  /** Has a ReadyForQuery come (in any answer so far)? */
  isSessionReady = false;

  /** Adds a piece; true when the answer is whole. */
  push(piece: Buffer): boolean {
    this.pieces.push(piece);
    const pieceStart = this.length;
    this.length += piece.length;
    let offset = 0;
    while (offset < piece.length) {
      const inMessage = pieceStart + offset - this.messageStart;
      if (inMessage < this.head.length) {
        const taken = Math.min(this.head.length - inMessage, piece.length - offset);
        piece.copy(this.head, inMessage, offset, offset + taken);
        this.headLength = inMessage + taken;
      }
      if (this.headLength < 5) return false;
      const end = this.messageStart + 1 + this.head.readInt32BE(1);
      if (end > this.length) {
        // Past the head, the message's body need not be looked at.
        return false;
      }
      this.isWhole = this.endsAnswer(end === this.length);
      this.messageStart = end;
      this.headLength = 0;
      offset = end - pieceStart;
    }
    return this.isWhole;
  }

  private endsAnswer(isLast: boolean): boolean {
    const type = String.fromCharCode(this.head[0]!);
    if (type === "Z") this.isSessionReady = true;
    if (type === "E" && !this.isSessionReady) return true;
    if (!isLast) return false;
    if (type === "Z" || type === "G") return true;
    return type === "R" && this.headLength >= 9 && AUTH_REQUESTS_NEEDING_REPLY.has(this.head.readInt32BE(5));
  }

  /** Everything received since the last take(), and a fresh start for the next answer. */
  take(): Buffer {
    const whole = Buffer.concat(this.pieces, this.length);
    this.pieces = [];
    this.length = 0;
    this.messageStart = 0;
    this.headLength = 0;
    this.isWhole = false;
    return whole;
  }

  get isComplete(): boolean {
    return this.isWhole;
  }
}
