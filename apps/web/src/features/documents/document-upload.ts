import type { CaseDocument } from "@referral-app/shared/schemas/document";
import { Upload } from "tus-js-client";

export interface UploadTarget {
  caseId: string;
  requirementId: string;
  applicantId: string | null;
}

export interface UploadCallbacks {
  onProgress(fraction: number): void;
  onDone(document: CaseDocument): void;
  /** The server's message (already in words), or null for a network failure. */
  onFail(message: string | null): void;
}

/**
 * A resumable upload (tus) to `/api/uploads`: a dropped connection resumes where the server got to,
 * and the last request answers the filed document or the refusal in the one error shape.
 */
export function startUpload(apiBase: string, file: File, target: UploadTarget, callbacks: UploadCallbacks) {
  const upload = new Upload(file, {
    endpoint: `${apiBase.replace(/\/$/, "")}/uploads`,
    retryDelays: [0, 1_000, 3_000, 5_000],
    chunkSize: 8 * 1024 * 1024,
    metadata: {
      caseId: target.caseId,
      requirementId: target.requirementId,
      ...(target.applicantId ? { applicantId: target.applicantId } : {}),
      filename: file.name,
    },
    onProgress: (sent, total) => callbacks.onProgress(total > 0 ? sent / total : 0),
    onAfterResponse: (_request, response) => {
      // The final PATCH carries the document (200); intermediate ones answer 204.
      if (response.getStatus() === 200 && response.getBody()) {
        const body = JSON.parse(response.getBody()) as { data?: CaseDocument };
        if (body.data) callbacks.onDone(body.data);
      }
    },
    onError: (error) => {
      const body = (error as { originalResponse?: { getBody(): string } | null }).originalResponse?.getBody();
      try {
        callbacks.onFail(
          body ? ((JSON.parse(body) as { error?: { message?: string } }).error?.message ?? null) : null,
        );
      } catch {
        callbacks.onFail(null);
      }
    },
  });
  upload.start();
  return upload;
}
