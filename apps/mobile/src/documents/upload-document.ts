import type { DocumentContentType } from "@referral-app/shared/schemas/document";

/** A file from the camera, the photo library or the file picker, as React Native's FormData sends it. */
export interface PickedFile {
  uri: string;
  name: string;
  type: DocumentContentType | string;
  /** Bytes, when the picker knows them (checked against the server's limit before sending). */
  size: number | null;
  /** On the web the pickers hand over the browser's File, which the browser's FormData sends. */
  blob?: Blob;
}

export interface UploadTarget {
  baseURL: string;
  token: string | null;
  caseId: string;
  requirementId: string;
  applicantId: string | null;
  /** One key per picked file, sent with every retry of it: the server files it once. */
  idempotencyKey: string;
}

export class UploadError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | null,
    message: string,
  ) {
    super(message);
  }
}

/** Waits before each automatic retry of a failed send. */
export const RETRY_DELAYS_MS = [1_000, 3_000];

/** Worth sending again with the same key: the network dropped, or the server was busy or still at it. */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof UploadError)) return false;
  return (
    error.status === 0 ||
    error.status === 408 ||
    error.status === 429 ||
    error.status >= 500 ||
    error.code === "IDEMPOTENCY_IN_PROGRESS"
  );
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Sends the file, and again (same Idempotency-Key, so never a second version) after each delay while
 * the failure is one a retry can cure; any other refusal, or the last failure, rejects.
 */
export async function sendDocument(
  target: UploadTarget,
  file: PickedFile,
  onProgress: (fraction: number) => void,
  delays: readonly number[] = RETRY_DELAYS_MS,
): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await uploadDocument(target, file, onProgress);
    } catch (error) {
      const delay = delays[attempt];
      if (delay === undefined || !isRetryable(error)) throw error;
      onProgress(0);
      await wait(delay);
    }
  }
}

/**
 * `POST /api/cases/:id/documents` through XMLHttpRequest, because fetch in React Native reports no
 * upload progress. The file is the first part (the server streams it to storage as it arrives), the
 * fields follow. Resolves when the server has kept the document; rejects with the server's error code.
 */
export function uploadDocument(
  target: UploadTarget,
  file: PickedFile,
  onProgress: (fraction: number) => void,
): Promise<void> {
  const form = new FormData();
  if (file.blob) form.append("file", file.blob, file.name);
  // React Native reads the bytes from `uri` itself; the object form is its FormData's file part.
  else form.append("file", { uri: file.uri, name: file.name, type: file.type } as unknown as Blob);
  form.append("requirementId", target.requirementId);
  if (target.applicantId) form.append("applicantId", target.applicantId);
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", `${target.baseURL}/cases/${encodeURIComponent(target.caseId)}/documents`);
    request.setRequestHeader("Accept", "application/json");
    if (target.token) request.setRequestHeader("Authorization", `Bearer ${target.token}`);
    request.setRequestHeader("Idempotency-Key", target.idempotencyKey);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      if (request.status >= 200 && request.status < 300) {
        onProgress(1);
        return resolve();
      }
      let code: string | null = null;
      let message = `HTTP ${request.status}`;
      try {
        const body = JSON.parse(request.responseText) as { error?: { code?: string; message?: string } };
        code = body.error?.code ?? null;
        message = body.error?.message ?? message;
      } catch {
        // Not the API's error shape (a proxy's page): the status says enough.
      }
      reject(new UploadError(request.status, code, message));
    };
    request.onerror = () => reject(new UploadError(0, null, "Network request failed"));
    request.send(form);
  });
}
