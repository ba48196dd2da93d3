import { once } from "node:events";
import * as archiverModule from "archiver";
import type { AppContext } from "../../context.ts";
import type { Actor } from "../../lib/actor.ts";
import { notFound } from "../../lib/domain-error.ts";
import { writeAudit } from "../audit/audit.service.ts";
import { findDocCase, listApplicants, listCaseDocuments, listVersions } from "./documents.repository.ts";

// archiver 7 exports one factory; the installed @types describe v8's classes, so name the factory here.
const archiver = (
  archiverModule as unknown as {
    default: (format: "zip", options: { zlib: { level: number } }) => archiverModule.Archiver;
  }
).default;

const safe = (name: string) => name.replace(/[/\\:*?"<>|\0]/g, "_").trim() || "document";

/**
 * A case's documents (each one's current version) as a zip, streamed: entries are read from the
 * storage one at a time as the archive is sent, so neither the files nor the zip sit in memory.
 * Audited once per zip, with the versions it held.
 */
export async function streamCaseZip(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
): Promise<{ fileName: string; archive: NodeJS.ReadableStream }> {
  const found = await findDocCase(ctx.db, caseId);
  if (!found) throw notFound("Case");
  const [rows, applicants] = await Promise.all([
    listCaseDocuments(ctx.db, caseId),
    listApplicants(ctx.db, caseId),
  ]);
  const versions = await listVersions(
    ctx.db,
    rows.map((row) => row.id),
  );
  const entries = rows.flatMap((row) => {
    const version = versions.find((v) => v.documentId === row.id && v.version === row.currentVersion);
    if (!version?.storageKey) return [];
    const requirement = found.requirements.find((r) => r.id === row.requirementId)?.name ?? row.requirementId;
    const applicant = applicants.find((a) => a.id === row.applicantId)?.name;
    const folder = safe(applicant ? `${requirement} - ${applicant}` : requirement);
    return [
      {
        name: `${folder}/${safe(version.fileName ?? `v${version.version}`)}`,
        key: version.storageKey,
        versionId: version.id,
      },
    ];
  });
  await writeAudit(ctx.db, {
    actorId: actor.id,
    action: "case.documents_zipped",
    entityType: "case",
    entityId: caseId,
    after: { versions: entries.map((entry) => entry.versionId) },
  });
  const archive = archiver("zip", { zlib: { level: 6 } });
  // Names seen twice (two files called scan.pdf under one line cannot happen, but be sure) get a suffix.
  const seen = new Set<string>();
  void (async () => {
    try {
      for (const entry of entries) {
        let name = entry.name;
        for (let n = 2; seen.has(name); n += 1) name = `${entry.name} (${n})`;
        seen.add(name);
        archive.append(await ctx.storage.get(entry.key), { name });
        await once(archive, "entry");
      }
      await archive.finalize();
    } catch (error) {
      ctx.logger.error({ err: error, caseId }, "case zip failed");
      archive.destroy(error as Error);
    }
  })();
  return { fileName: `${found.number}-documents.zip`, archive };
}
