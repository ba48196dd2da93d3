import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { FileStore } from "@tus/file-store";
import { Server, type Upload } from "@tus/server";
import type { AppContext } from "../../context.ts";
import type { Actor } from "../../lib/actor.ts";
import { DomainError } from "../../lib/domain-error.ts";
import { uploadDocument } from "./documents.service.ts";

export const TUS_PATH = "/api/uploads";
/** Set on the raw request by our route (never taken from the client): which actor this request is. */
const ACTOR_HEADER = "x-referral-upload-actor";

/**
 * Partial uploads wait in a folder under DATA_DIR whatever the storage driver; the finished file
 * then goes to the storage (S3 with the s3 driver). @tus/s3-store needs ListParts, which the S3
 * server the tests run (s3rver) lacks, so it is not used untested. Several API instances therefore
 * need /api/uploads routed to one instance per upload, or DATA_DIR on a shared volume.
 */
function datastoreFor(ctx: AppContext): FileStore {
  return new FileStore({ directory: path.join(ctx.config.dataDir, "storage", "tus") });
}

/** The one error shape, as the errors plugin writes it (tus sends hook failures itself). */
const errorBody = (error: DomainError) =>
  JSON.stringify({
    status: "error",
    message: error.message,
    error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) },
  });

/**
 * Resumable uploads (tus 1.0): a dropped connection resumes from the offset the server reports
 * (HEAD), then PATCHes the rest. The upload's metadata names the checklist line (caseId,
 * requirementId, applicantId?, expiresOn?, filename). When the last byte arrives, the file goes
 * through the same sniff, scan and store path as a form upload, and the tus copy is removed.
 */
export function createResumableUploads(ctx: AppContext) {
  const actors = new Map<string, Actor>();
  const datastore = datastoreFor(ctx);
  const actorOf = (req: Request): Actor => {
    const actor = actors.get(req.headers.get(ACTOR_HEADER) ?? "");
    if (!actor) throw { status_code: 401, body: errorBody(new DomainError("UNAUTHORIZED", "Sign in first")) };
    return actor;
  };

  const server = new Server({
    path: TUS_PATH,
    datastore,
    maxSize: ctx.config.uploadMaxBytes,
    // A tus id carries no meaning; the owner is in the metadata, checked on every request.
    namingFunction: () => randomUUID(),
    onUploadCreate: async (req: Request, upload: Upload) => {
      const actor = actorOf(req);
      const metadata = upload.metadata ?? {};
      if (!metadata.caseId || !metadata.requirementId) {
        const missing = new DomainError("VALIDATION_ERROR", "Name the case and the document", {
          fields: { caseId: ["Required"], requirementId: ["Required"] },
        });
        throw { status_code: 400, body: errorBody(missing) };
      }
      return { metadata: { ...metadata, ownerId: actor.id } };
    },
    onUploadFinish: async (req: Request, upload: Upload) => {
      const actor = actorOf(req);
      const { caseId, filename, ownerId: _owner, ...fields } = upload.metadata ?? {};
      try {
        const { body: document } = await uploadDocument(ctx, actor, caseId ?? "", async (store) => ({
          stored: await store(await datastore.read(upload.id), filename ?? null),
          fields: Object.fromEntries(
            Object.entries(fields).filter((entry): entry is [string, string] => !!entry[1]),
          ),
        }));
        return {
          status_code: 200,
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ status: "success", data: document, message: "Document uploaded" }),
        };
      } catch (error) {
        if (error instanceof DomainError) throw { status_code: error.statusCode, body: errorBody(error) };
        throw error;
      } finally {
        await datastore.remove(upload.id).catch(() => {});
      }
    },
  });

  return {
    /** Whether this upload belongs to the actor (HEAD/PATCH/DELETE of someone else's answer 404). */
    async owns(actor: Actor, id: string): Promise<boolean> {
      try {
        return (await datastore.getUpload(id)).metadata?.ownerId === actor.id;
      } catch {
        return false;
      }
    },
    /** Hands the raw request to tus on behalf of the actor. */
    async handle(actor: Actor, raw: IncomingMessage, res: ServerResponse) {
      const key = randomUUID();
      actors.set(key, actor);
      // tus builds its Request from rawHeaders: replace any copy a client sent, then add ours.
      const kept: string[] = [];
      for (let i = 0; i < raw.rawHeaders.length; i += 2) {
        if (raw.rawHeaders[i]!.toLowerCase() !== ACTOR_HEADER)
          kept.push(raw.rawHeaders[i]!, raw.rawHeaders[i + 1]!);
      }
      raw.rawHeaders.splice(0, raw.rawHeaders.length, ...kept, ACTOR_HEADER, key);
      raw.headers[ACTOR_HEADER] = key;
      try {
        await server.handle(raw, res);
      } finally {
        actors.delete(key);
      }
    },
  };
}
