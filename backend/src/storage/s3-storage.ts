import { type Readable, Transform } from "node:stream";
import {
  assertValidKey,
  contentDisposition,
  type FileStorage,
  ObjectNotFoundError,
  type PutOptions,
  type SignedUrlOptions,
  type StoredObjectInfo,
} from "./file-storage.ts";

export interface S3StorageOptions {
  bucket: string;
  region: string;
  /** Any S3-compatible service (MinIO, R2, Ceph…); unset: AWS. */
  endpoint?: string | undefined;
  /** `bucket.host` is the AWS default; many S3-compatible services want `host/bucket`. */
  forcePathStyle: boolean;
}

/** 8 MiB parts, two in flight: an upload holds at most ~16 MiB of a file in memory, whatever its size. */
const PART_SIZE = 8 * 1024 * 1024;
const PARTS_IN_FLIGHT = 2;

/**
 * An S3 bucket through @aws-sdk/client-s3. Credentials come from the standard AWS chain
 * (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, a profile, the instance or task role), never from our config.
 */
export async function createS3Storage(options: S3StorageOptions): Promise<FileStorage> {
  // The SDK is loaded only when S3 is the configured storage: about 12 MB a server on local storage keeps.
  const [
    { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, NoSuchKey, NotFound, S3Client },
    { Upload },
    { getSignedUrl },
  ] = await Promise.all([
    import("@aws-sdk/client-s3"),
    import("@aws-sdk/lib-storage"),
    import("@aws-sdk/s3-request-presigner"),
  ]);
  const isMissing = (error: unknown) =>
    error instanceof NoSuchKey ||
    error instanceof NotFound ||
    (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404;
  const client = new S3Client({
    region: options.region,
    endpoint: options.endpoint,
    forcePathStyle: options.forcePathStyle,
    // The SDK's default CRC32 trailers (aws-chunked bodies) are not understood by every
    // S3-compatible service; Content-MD5/SHA-256 signing stays, so integrity is still checked.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
  const bucket = options.bucket;

  return {
    driver: "s3",
    async put(key: string, body: Readable, { contentType }: PutOptions): Promise<StoredObjectInfo> {
      assertValidKey(key);
      let size = 0;
      const counted = body.pipe(
        new Transform({
          transform(chunk: Buffer, _encoding, done) {
            size += chunk.length;
            done(null, chunk);
          },
        }),
      );
      // pipe() does not forward errors: a failing source must fail the upload.
      body.once("error", (error) => counted.destroy(error));
      // Multipart for anything over one part; a stream error aborts the upload (no parts kept).
      const upload = new Upload({
        client,
        params: { Bucket: bucket, Key: key, Body: counted, ContentType: contentType },
        partSize: PART_SIZE,
        queueSize: PARTS_IN_FLIGHT,
        leavePartsOnError: false,
      });
      try {
        await upload.done();
      } catch (error) {
        await upload.abort().catch(() => {});
        throw error;
      }
      return { size, contentType };
    },
    async get(key: string): Promise<Readable> {
      assertValidKey(key);
      try {
        const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        return object.Body as Readable;
      } catch (error) {
        if (isMissing(error)) throw new ObjectNotFoundError(key);
        throw error;
      }
    },
    async head(key: string): Promise<StoredObjectInfo | null> {
      assertValidKey(key);
      try {
        const object = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        return {
          size: object.ContentLength ?? 0,
          contentType: object.ContentType ?? "application/octet-stream",
        };
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async delete(key: string): Promise<void> {
      assertValidKey(key);
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },
    async signedUrl(key: string, signed: SignedUrlOptions): Promise<string> {
      assertValidKey(key);
      const command = new GetObjectCommand({
        Bucket: bucket,
        Key: key,
        ResponseContentType: signed.contentType,
        ResponseContentDisposition: contentDisposition(signed.disposition, signed.fileName),
      });
      return getSignedUrl(client, command, { expiresIn: signed.expiresInSeconds });
    },
    close() {
      client.destroy();
    },
  };
}
