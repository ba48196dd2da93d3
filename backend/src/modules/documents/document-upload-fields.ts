import {
  type DOCUMENT_CONTENT_TYPES,
  type UploadDocumentFields,
  uploadDocumentFieldsSchema,
} from "@referral-app/shared/schemas/document";
import { DomainError } from "../../lib/domain-error.ts";
import type { StoredUpload } from "../files/files.service.ts";
import type { DocCase } from "./documents.repository.ts";

export type Requirement = DocCase["requirements"][number];

export const invalid = (field: string, message: string) =>
  new DomainError("VALIDATION_ERROR", message, { fields: { [field]: [message] } });

/** The form's fields, and the checklist line they name, which must take the file's type. */
export function checkUpload(
  found: DocCase,
  stored: StoredUpload,
  rawFields: Record<string, string>,
): { input: UploadDocumentFields; requirement: Requirement } {
  const parsed = uploadDocumentFieldsSchema.safeParse(rawFields);
  if (!parsed.success) {
    const fields: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) {
      const path = issue.path.join(".") || "_";
      fields[path] = [...(fields[path] ?? []), issue.message];
    }
    throw new DomainError("VALIDATION_ERROR", "Check the form fields", { fields });
  }
  const input = parsed.data;
  const requirement = found.requirements.find((r) => r.id === input.requirementId);
  if (!requirement) throw invalid("requirementId", "This case's checklist has no such document");
  if (!requirement.acceptedTypes.includes(stored.contentType as (typeof DOCUMENT_CONTENT_TYPES)[number])) {
    throw new DomainError(
      "UNSUPPORTED_MEDIA_TYPE",
      `${requirement.name} must be ${requirement.acceptedTypes.join(", ")}`,
      {
        fields: { file: ["This kind of file is not accepted for this document"] },
      },
    );
  }
  return { input, requirement };
}
