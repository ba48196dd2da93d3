import path from "node:path";
import type { Config } from "../config.ts";
import type { FileStorage } from "./file-storage.ts";
import { createLocalStorage } from "./local-storage.ts";
import { createS3Storage } from "./s3-storage.ts";

export type { FileStorage, SignedUrlOptions, StoredObjectInfo } from "./file-storage.ts";
export { contentDisposition, ObjectNotFoundError } from "./file-storage.ts";

/** The storage the config names: `local` (a folder under DATA_DIR) or `s3`. */
export async function createStorage(config: Config): Promise<FileStorage> {
  const storage = config.storage;
  if (storage.driver === "s3") return createS3Storage(storage.s3);
  return createLocalStorage({
    root: path.join(config.dataDir, "storage"),
    secret: config.authSecret,
    publicUrl: config.publicUrl,
  });
}
