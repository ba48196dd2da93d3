import { randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import {
  assertValidKey,
  type FileStorage,
  ObjectNotFoundError,
  type PutOptions,
  type SignedUrlOptions,
  type StoredObjectInfo,
} from "./file-storage.ts";
import { signGrant } from "./signed-url.ts";

/** The API route that serves local signed links (storage.routes.ts). */
export const LOCAL_SIGNED_PATH = "/api/storage/signed";

/**
 * Objects as files under `<root>/objects`, each with a `.meta.json` beside it (its type). A write
 * goes to a temporary file and is renamed into place, so a reader never sees half a file and a
 * failed stream leaves nothing. Several API instances serve the same files only when they share
 * the folder (a network volume); otherwise use the s3 driver.
 */
export function createLocalStorage(options: {
  root: string;
  secret: string;
  publicUrl: string;
}): FileStorage {
  const objects = path.join(options.root, "objects");
  const temp = path.join(options.root, "tmp");
  const fileOf = (key: string) => {
    assertValidKey(key);
    return path.join(objects, ...key.split("/"));
  };
  const metaOf = (file: string) => `${file}.meta.json`;

  return {
    driver: "local",
    async put(key: string, body: Readable, { contentType }: PutOptions): Promise<StoredObjectInfo> {
      const file = fileOf(key);
      await mkdir(temp, { recursive: true });
      await mkdir(path.dirname(file), { recursive: true });
      const partial = path.join(temp, randomUUID());
      try {
        await pipeline(body, createWriteStream(partial, { flags: "wx" }));
        const { size } = await stat(partial);
        await writeFile(metaOf(file), JSON.stringify({ contentType, size }));
        await rename(partial, file);
        return { size, contentType };
      } catch (error) {
        await rm(partial, { force: true });
        throw error;
      }
    },
    async get(key: string): Promise<Readable> {
      const file = fileOf(key);
      // Opening first turns a missing file into ObjectNotFoundError rather than a stream error.
      try {
        await stat(file);
      } catch {
        throw new ObjectNotFoundError(key);
      }
      return createReadStream(file);
    },
    async head(key: string): Promise<StoredObjectInfo | null> {
      const file = fileOf(key);
      try {
        const [{ size }, meta] = await Promise.all([stat(file), readFile(metaOf(file), "utf8")]);
        return { size, contentType: (JSON.parse(meta) as { contentType: string }).contentType };
      } catch {
        return null;
      }
    },
    async delete(key: string): Promise<void> {
      const file = fileOf(key);
      await rm(file, { force: true });
      await rm(metaOf(file), { force: true });
    },
    async signedUrl(key: string, signed: SignedUrlOptions): Promise<string> {
      assertValidKey(key);
      const token = signGrant(options.secret, {
        key,
        exp: Math.floor(Date.now() / 1000) + signed.expiresInSeconds,
        name: signed.fileName,
        type: signed.contentType,
        disp: signed.disposition,
      });
      return `${options.publicUrl}${LOCAL_SIGNED_PATH}?token=${token}`;
    },
    close() {},
  };
}
