import type { InvoicePdfLink } from "@referral-app/shared/schemas/invoice";
import type { AppContext } from "../../context.ts";
import type { Actor } from "../../lib/actor.ts";
import { DomainError, notFound } from "../../lib/domain-error.ts";
import { signGrant, verifyGrant } from "../../storage/signed-url.ts";
import { getSettings } from "../settings/settings.service.ts";
import { renderInvoicePdf } from "./invoice-pdf.ts";
import { auditPdfDownload } from "./invoice-pdf-audit.ts";
import { findInvoice } from "./invoices.repository.ts";
import { pdfFileName, readInvoice } from "./invoices.service.ts";

type PdfKind = "invoice" | "receipt";

/** Long enough for the browser to open it, too short to pass around (as document downloads). */
export const PDF_LINK_SECONDS = 300;

// The key names the PDF and who asked for the link, so opening it is audited as theirs.
const grantPrefix = (id: string, kind: PdfKind) => `invoice-pdf:${id}:${kind}:`;
const pdfPath = (id: string, kind: PdfKind) =>
  kind === "invoice" ? `/api/invoices/${id}/pdf` : `/api/invoices/${id}/receipt.pdf`;

/**
 * A short-lived link to the PDF for someone who may read the invoice (others get 404, a receipt
 * before any payment 409), for apps that hand it to the system browser, which has no session.
 */
export async function createInvoicePdfLink(
  ctx: AppContext,
  actor: Actor,
  id: string,
  kind: PdfKind,
): Promise<InvoicePdfLink> {
  const filename = pdfFileName(await readInvoice(ctx, actor, id), kind);
  const exp = Math.floor(Date.now() / 1000) + PDF_LINK_SECONDS;
  const token = signGrant(ctx.config.authSecret, {
    key: `${grantPrefix(id, kind)}${actor.id}`,
    exp,
    name: filename,
    type: "application/pdf",
    disp: "attachment",
  });
  return {
    url: `${ctx.config.publicUrl}${pdfPath(id, kind)}?token=${encodeURIComponent(token)}`,
    expiresAt: new Date(exp * 1000).toISOString(),
  };
}

/**
 * The PDF a live link grants, audited as a download by whoever asked for the link; a wrong, foreign
 * or expired token is a 403 and renders nothing.
 */
export async function getInvoicePdfByLink(
  ctx: AppContext,
  id: string,
  kind: PdfKind,
  token: string,
): Promise<{ filename: string; pdf: Buffer }> {
  const grant = verifyGrant(ctx.config.authSecret, token);
  const actorId = grant?.key.startsWith(grantPrefix(id, kind))
    ? grant.key.slice(grantPrefix(id, kind).length)
    : "";
  if (!grant || !actorId) {
    throw new DomainError("FORBIDDEN", "This PDF link is invalid or has expired; open the invoice again");
  }
  const invoice = await findInvoice(ctx.db, id);
  if (!invoice) throw notFound("Invoice");
  const pdf = await renderInvoicePdf(invoice, await getSettings(ctx), kind);
  await auditPdfDownload(ctx.db, { actorId, invoice, kind, via: "link" });
  return { filename: grant.name, pdf };
}
