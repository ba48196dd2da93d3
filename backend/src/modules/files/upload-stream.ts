import { createHash } from "node:crypto";
import { PassThrough, type Readable, Transform } from "node:stream";

/** Enough of the file for file-type to tell every format we accept. */
export const SNIFF_BYTES = 4100;

/** The first bytes of a stream, and a stream that yields the whole file again (those bytes included). */
export function readHead(source: Readable, bytes = SNIFF_BYTES): Promise<{ head: Buffer; whole: Readable }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    let ended = false;
    const cleanup = () => {
      source.off("readable", onReadable);
      source.off("end", onEnd);
      source.off("error", onError);
    };
    const finish = () => {
      cleanup();
      const head = Buffer.concat(chunks);
      const whole = new PassThrough();
      whole.write(head);
      if (ended) whole.end();
      else {
        source.on("error", (error) => whole.destroy(error));
        source.pipe(whole);
      }
      resolve({ head, whole });
    };
    const onReadable = () => {
      while (length < bytes) {
        const chunk = source.read() as Buffer | null;
        if (chunk === null) break;
        chunks.push(chunk);
        length += chunk.length;
      }
      if (length >= bytes) finish();
    };
    const onEnd = () => {
      ended = true;
      finish();
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    source.on("readable", onReadable);
    source.once("end", onEnd);
    source.once("error", onError);
  });
}

export class TooLargeError extends Error {
  override name = "TooLargeError";
}

/** Counts and hashes what passes, and fails the stream past `maxBytes` (the storage then keeps nothing). */
export function inspector(maxBytes: number) {
  const hash = createHash("sha256");
  let size = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > maxBytes) return done(new TooLargeError(`over ${maxBytes} bytes`));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  return { stream, result: () => ({ size, sha256: hash.digest("hex") }) };
}

/** One readable into several, each at the pace of the slowest (pipe's backpressure), errors to all. */
export function tee(source: Readable, count: number): PassThrough[] {
  const outputs = Array.from({ length: count }, () => {
    // Each reader reports a failure through its own promise (storage.put, the scan); pipe() re-emits
    // a destroyed output's error after that reader let go, which must not crash the process.
    const output = new PassThrough();
    output.on("error", () => {});
    return output;
  });
  // `on`, not `once`: a stream may report more than one error, and an unheard one would crash the process.
  source.on("error", (error) => {
    for (const output of outputs) output.destroy(error);
  });
  for (const output of outputs) source.pipe(output);
  return outputs;
}
