import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import S3rver from "s3rver";

export interface TestS3 {
  /** The settings that point the app's s3 driver at this server. */
  env: Record<string, string>;
  /** How many objects the bucket holds (read from s3rver's folder: "nothing was stored" checks). */
  objectCount(): Promise<number>;
  close(): Promise<void>;
}

/**
 * A real S3-protocol server (s3rver) on a random port with one empty bucket. The driver finds its
 * credentials through the standard AWS chain, here the environment, as it would in production.
 */
export async function startTestS3(bucket = "referral-test"): Promise<TestS3> {
  const directory = await mkdtemp(path.join(tmpdir(), "s3rver-"));
  const server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  process.env.AWS_ACCESS_KEY_ID = "S3RVER";
  process.env.AWS_SECRET_ACCESS_KEY = "S3RVER";
  return {
    env: {
      STORAGE_DRIVER: "s3",
      S3_BUCKET: bucket,
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      S3_REGION: "us-east-1",
      S3_FORCE_PATH_STYLE: "true",
    },
    objectCount: async () =>
      (await readdir(path.join(directory, bucket), { recursive: true })).filter((name) =>
        name.endsWith("._S3rver_object"),
      ).length,
    close: async () => {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/** Each storage driver's settings for a suite run once per driver (`describe.each`). */
export const STORAGE_DRIVERS = ["local", "s3"] as const;
export type StorageDriverName = (typeof STORAGE_DRIVERS)[number];
