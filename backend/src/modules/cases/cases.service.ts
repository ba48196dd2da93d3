import { isStaffRole, type VisaStageId } from "@referral-app/shared/constants";
import type { CreateCaseData, VisaCase } from "@referral-app/shared/schemas/case";
import type { VisaProgress } from "@referral-app/shared/schemas/visa";
import { visaPercentComplete } from "@referral-app/shared/visa-progress";
import type { AppContext } from "../../context.ts";
import type { DbOrTx, Tx } from "../../db/client.ts";
import type { Actor } from "../../lib/actor.ts";
import { DomainError, notFound } from "../../lib/domain-error.ts";
import {
  findActiveStaff,
  findClient,
  markAssigned,
  takeNextConsultant,
} from "./case-assignment.repository.ts";
import { recordCaseChange } from "./case-changes.ts";
import { getCase } from "./case-reads.service.ts";
import { stageName, stagesFromHistory } from "./case-stages.ts";
import { completePaymentStage, moveCaseStage } from "./case-workflow.service.ts";
import {
  type CaseRow,
  caseAudience,
  findCaseRow,
  findPrimaryCaseRow,
  findUnlinkedConvertedReferral,
  findVisaTypeRow,
  insertCase,
  insertPrincipal,
  insertStageChange,
  linkReferral,
  listStageHistory,
  nextCaseNumber,
  replaceDependants,
  nextCaseNumbers as takeNumbers,
  unassignOpenCases,
  unspecifiedVisaTypeId,
} from "./cases.repository.ts";

// The cases module's surface for other modules: sign-up, the seed endpoints on the primary case,
// staff deactivation and referral conversion call these.

function invalid(field: string, message: string): DomainError {
  return new DomainError("VALIDATION_ERROR", message, { fields: { [field]: [message] } });
}

interface OpenCaseInput {
  clientId: string;
  visaTypeId: string;
  destinationCountry: string | null;
  targetDate: string | null;
  /** A staff id, null for unassigned, undefined for round-robin. */
  consultantId: string | null | undefined;
  dependants: CreateCaseData["dependants"];
}

/** Opens a case with its first stage, principal, dependants, consultant, timeline and notifications. */
async function openCase(
  ctx: AppContext,
  tx: Tx,
  actorId: string | null,
  input: OpenCaseInput,
): Promise<CaseRow> {
  const now = new Date();
  const consultant =
    input.consultantId === undefined
      ? await takeNextConsultant(tx, now)
      : input.consultantId === null
        ? null
        : await findActiveStaff(tx, input.consultantId);
  if (input.consultantId && !consultant) throw invalid("consultantId", "Choose an active staff member");
  // Picking someone counts as their round-robin turn.
  if (input.consultantId && consultant) await markAssigned(tx, consultant.id, now);
  const referralId = await findUnlinkedConvertedReferral(tx, input.clientId);
  const row = await insertCase(tx, {
    number: await nextCaseNumber(tx, now.getUTCFullYear()),
    clientId: input.clientId,
    visaTypeId: input.visaTypeId,
    destinationCountry: input.destinationCountry,
    targetDate: input.targetDate,
    consultantId: consultant?.id ?? null,
    createdAt: now,
  });
  if (referralId) await linkReferral(tx, referralId, row.id);
  await insertPrincipal(tx, row.id, row.clientId, now);
  if (input.dependants && input.dependants.length > 0) {
    await replaceDependants(tx, row.id, row.clientId, input.dependants);
  }
  await insertStageChange(tx, {
    caseId: row.id,
    fromStage: null,
    toStage: row.currentStage,
    note: null,
    changedBy: actorId,
    createdAt: now,
  });
  await recordCaseChange(ctx, tx, {
    case: row,
    actorId,
    kind: "opened",
    summary: `Case opened at ${stageName(row.currentStage)}`,
    data: { toStage: row.currentStage, consultantName: consultant?.name ?? null },
    visibility: "client",
    audit: {
      action: "case.opened",
      after: { number: row.number, clientId: row.clientId, consultantId: row.consultantId, referralId },
    },
    event: {
      name: "case_opened",
      properties: { visaTypeId: row.visaTypeId, consultantId: row.consultantId, fromReferral: !!referralId },
    },
    ...(consultant
      ? {
          notify: {
            to: [consultant.id],
            type: "system" as const,
            title: `New case ${row.number}`,
            body: `You are the consultant on case ${row.number}.`,
            message: { key: "case.opened", params: { number: row.number } },
            key: "opened",
          },
        }
      : {}),
    at: now,
  });
  return row;
}

/** Staff open a case for a client; without `consultantId` it goes round-robin. */
export async function createCase(ctx: AppContext, actor: Actor, input: CreateCaseData): Promise<VisaCase> {
  const row = await ctx.db.transaction(async (tx) => {
    if (!(await findClient(tx, input.clientId))) throw invalid("clientId", "Choose a client");
    const type = await findVisaTypeRow(tx, input.visaTypeId);
    if (!type?.active) throw invalid("visaTypeId", "Choose a visa type from the catalogue");
    return openCase(ctx, tx, actor.id, {
      clientId: input.clientId,
      visaTypeId: type.id,
      destinationCountry: input.destinationCountry ?? type.destinationCountry,
      targetDate: input.targetDate ?? null,
      consultantId: input.consultantId,
      dependants: input.dependants ?? [],
    });
  });
  return getCase(ctx, actor, row.id);
}

/**
 * Sign-up: a new client's first case, of the "Unspecified" type, assigned round-robin. Does nothing
 * when the client has a case. Inside `tx` when given (the sign-up's transaction), else in its own.
 */
export async function openFirstCase(ctx: AppContext, clientId: string, tx?: Tx): Promise<void> {
  const open = async (tx: Tx) => {
    if (await findPrimaryCaseRow(tx, clientId)) return;
    await openCase(ctx, tx, null, {
      clientId,
      visaTypeId: await unspecifiedVisaTypeId(tx),
      destinationCountry: null,
      targetDate: null,
      consultantId: undefined,
      dependants: [],
    });
  };
  await (tx ? open(tx) : ctx.db.transaction(open));
}

/**
 * `GET /api/users/:id/visa-progress`: the client's primary case (the most recent open one) in the
 * seed's shape. Clients never see who moved it (`changedBy` is a staff id).
 */
export async function getPrimaryCaseProgress(
  ctx: AppContext,
  actor: Actor,
  clientId: string,
): Promise<VisaProgress> {
  const progress = await findPrimaryCaseProgress(ctx, clientId, { staff: isStaffRole(actor.role) });
  if (!progress) throw notFound("Visa case");
  return progress;
}

/** The primary case's progress, or null when the client has no case. */
export async function findPrimaryCaseProgress(
  ctx: AppContext,
  clientId: string,
  { staff }: { staff: boolean },
): Promise<VisaProgress | null> {
  const row = await findPrimaryCaseRow(ctx.db, clientId);
  if (!row) return null;
  const history = await listStageHistory(ctx.db, row.id);
  return {
    userId: clientId,
    applicationId: row.id,
    currentStage: row.currentStage,
    percentComplete: visaPercentComplete(row.currentStage),
    stages: stagesFromHistory(row.currentStage, history, row.paymentCompletedAt),
    ...(row.paymentCompletedAt ? { percentComplete: 100 } : {}),
    history: history.map((entry) => ({
      id: entry.id,
      fromStage: entry.fromStage,
      toStage: entry.toStage,
      note: entry.note,
      changedBy: staff ? entry.changedBy : null,
      createdAt: entry.createdAt.toISOString(),
    })),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The seed's staff stage routes: move the client's primary case (to the next stage without `to`). */
export async function changePrimaryCaseStage(
  ctx: AppContext,
  actor: Actor,
  clientId: string,
  input: { to?: VisaStageId; note?: string | undefined; overrideDocuments?: boolean | undefined },
): Promise<VisaProgress> {
  await ctx.db.transaction(async (tx) => {
    const row = await findPrimaryCaseRow(tx, clientId, { forUpdate: true });
    if (!row) throw notFound("Visa case");
    if (row.outcome !== null) {
      throw new DomainError("CASE_CLOSED", `Case ${row.number} is decided: reopen it to change it`);
    }
    await moveCaseStage(ctx, tx, actor, row, input);
  });
  return getPrimaryCaseProgress(ctx, actor, clientId);
}

/** Case numbers for seeded cases opened in these years (the same sequence the service uses). */
export function nextCaseNumbers(db: DbOrTx, years: readonly number[]): Promise<string[]> {
  return takeNumbers(db, years);
}

/** A converted referral leads to the friend's primary case once they have one; null while they have none. */
export async function linkReferralToFriendCase(
  tx: Tx,
  referralId: string,
  friendId: string,
): Promise<string | null> {
  const primary = await findPrimaryCaseRow(tx, friendId, { forUpdate: true });
  if (!primary) return null;
  return (await linkReferral(tx, referralId, primary.id)) ? primary.id : null;
}

/** A deactivated consultant's open cases show as unassigned (timeline and audit per case). */
export async function unassignCasesOf(
  ctx: AppContext,
  tx: Tx,
  actorId: string,
  consultant: { id: string; name: string },
): Promise<number> {
  const unassigned = await unassignOpenCases(tx, consultant.id);
  for (const row of unassigned) {
    await recordCaseChange(ctx, tx, {
      case: row,
      actorId,
      kind: "consultant_assigned",
      summary: "Unassigned",
      data: { consultantName: null, previousConsultantName: consultant.name },
      visibility: "client",
      audit: {
        action: "case.reassigned",
        before: { consultantId: consultant.id },
        after: { consultantId: null, reason: "deactivated" },
      },
      event: { name: "case_reassigned", properties: { from: consultant.id, to: null } },
    });
  }
  return unassigned.length;
}

/** For other modules: the case if the caller may read it (staff, its client, an applicant); else 404. */
export async function assertCaseReadable(ctx: AppContext, actor: Actor, caseId: string): Promise<void> {
  await getCase(ctx, actor, caseId);
}

/** For the invoices: the paid stage invoice completes the case's Payment stage (in the payment's tx). */
export function completeCasePaymentStage(
  ctx: AppContext,
  tx: Tx,
  input: Parameters<typeof completePaymentStage>[2],
): Promise<boolean> {
  return completePaymentStage(ctx, tx, input);
}

/** Who a case's conversation is between: its client, applicants with accounts and its consultant. */
export interface CasePeople {
  caseId: string;
  number: string;
  clientId: string;
  /** The client and applicants with their own account. */
  audience: string[];
  consultantId: string | null;
}

export async function getCasePeople(db: DbOrTx, caseId: string): Promise<CasePeople | null> {
  const row = await findCaseRow(db, caseId);
  if (!row) return null;
  return {
    caseId: row.id,
    number: row.number,
    clientId: row.clientId,
    audience: await caseAudience(db, row.id, row.clientId),
    consultantId: row.consultantId,
  };
}
