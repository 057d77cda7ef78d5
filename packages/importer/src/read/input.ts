import { Readable, Transform } from "node:stream";

/** A Readable, or the whole file content as a string or Buffer. */
export type ImportInput = Readable | string | Buffer;

export function toReadable(input: ImportInput): Readable {
  if (typeof input === "string" || Buffer.isBuffer(input)) return Readable.from([Buffer.from(input)]);
  return input;
}

/** Reads at least `bytes` bytes (or everything, if less) and returns them with a stream that still yields all of the input. */
export async function peek(stream: Readable, bytes: number): Promise<{ head: Buffer; stream: Readable }> {
  const iterator = stream[Symbol.asyncIterator]();
  const chunks: Buffer[] = [];
  let length = 0;
  let done = false;
  while (length < bytes) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    const chunk = typeof next.value === "string" ? Buffer.from(next.value) : (next.value as Buffer);
    chunks.push(chunk);
    length += chunk.length;
  }
  const head = Buffer.concat(chunks);
  async function* all() {
    yield head;
    if (done) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value as Buffer;
  }
  return { head, stream: Readable.from(all(), { objectMode: false }) };
}

/** Passes bytes through and counts them. */
export class ByteCounter extends Transform {
  bytes = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.bytes += chunk.length;
    this.push(chunk);
    callback();
  }
}

const BOM = "\ufeff";

/** The text of the first bytes without a byte-order mark. */
export function headText(head: Buffer): string {
  const text = head.toString("utf8");
  return text.startsWith(BOM) ? text.slice(1) : text;
}

export function stripBom(line: string): string {
  return line.startsWith(BOM) ? line.slice(1) : line;
}
