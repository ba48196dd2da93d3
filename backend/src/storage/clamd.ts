import { createConnection } from "node:net";
import type { Readable } from "node:stream";

export type ScanVerdict = { clean: true } | { clean: false; signature: string };

/** clamd could not be reached or answered an error (the upload fails; nothing is kept). */
export class ScannerUnavailableError extends Error {
  override name = "ScannerUnavailableError";
}

/**
 * Streams bytes to clamd with the INSTREAM protocol (`zINSTREAM\0`, then chunks each prefixed by
 * its 4-byte big-endian length, then a zero length) and reads its verdict: `stream: OK` or
 * `stream: <signature> FOUND`. clamd refuses streams past its StreamMaxLength, which must be at
 * least UPLOAD_MAX_BYTES (docs/operations.md).
 */
export function scanStream(
  clamd: { host: string; port: number },
  source: Readable,
  timeoutMs = 60_000,
): Promise<ScanVerdict> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: clamd.host, port: clamd.port });
    socket.setTimeout(timeoutMs);
    let reply = "";
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      // Keep the other reader of the upload (the storage) flowing: discard what clamd will not read.
      source.removeAllListeners("data");
      source.resume();
      reject(error instanceof ScannerUnavailableError ? error : new ScannerUnavailableError(error.message));
    };
    socket.on("timeout", () => fail(new ScannerUnavailableError("clamd did not answer in time")));
    socket.on("error", fail);
    socket.on("data", (data: Buffer) => {
      reply += data.toString("utf8");
    });
    socket.on("end", () => {
      if (settled) return;
      settled = true;
      const verdict = reply.replace(/\0/g, "").trim();
      const found = /^stream: (.+) FOUND$/.exec(verdict);
      if (verdict === "stream: OK") resolve({ clean: true });
      else if (found) resolve({ clean: false, signature: found[1]! });
      else reject(new ScannerUnavailableError(`clamd answered: ${verdict || "nothing"}`));
    });
    socket.once("connect", () => {
      socket.write("zINSTREAM\0");
      source.on("data", (chunk: Buffer) => {
        const length = Buffer.alloc(4);
        length.writeUInt32BE(chunk.length);
        socket.write(length);
        if (!socket.write(chunk)) {
          source.pause();
          socket.once("drain", () => source.resume());
        }
      });
      source.once("end", () => socket.write(Buffer.alloc(4)));
      source.once("error", fail);
    });
  });
}
