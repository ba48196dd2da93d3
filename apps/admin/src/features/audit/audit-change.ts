import {
  formatCountry,
  formatCurrency,
  formatDate,
  formatDateTime,
  formatNumber,
} from "@referral-app/app-kit/console-format";
import type { AuditEntry } from "@referral-app/shared/schemas/audit";
import { strings } from "../../strings.ts";

// An audit entry's before/after in words: only the fields that changed, values as the pages name them
// (statuses, stages, roles, countries, dates, people), never raw codes, ids or JSON.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** Who a staff id is: the page passes the staff directory it has. */
export type NameOf = (id: string) => string | undefined;

const isEmpty = (value: unknown) => value === null || value === undefined || value === "";

function enumWords(key: string, value: string, entityType: string): string | undefined {
  const words: Record<string, Record<string, string> | undefined> = {
    status: entityType === "reward" ? strings.rewardStatuses : strings.statuses,
    stage: strings.stages,
    outcome: strings.outcomes,
    role: { ...strings.features.roleNames, ...strings.staff.roles },
    roles: strings.features.roleNames,
    visibility: strings.visibilities,
    state:
      entityType === "invoice"
        ? strings.invoices.states
        : { open: strings.cases.states.open, done: strings.case.done },
    method: strings.invoices.record.allMethods,
    kind: entityType === "invoice" ? strings.audit.pdfKinds : undefined,
    via: strings.audit.downloadVia,
    language: strings.language,
    theme: strings.common.themes,
  };
  return words[key]?.[value];
}

/** One value in words; undefined when it is an id nobody can name (it is then left out). */
export function valueWords(
  key: string,
  value: unknown,
  entityType: string,
  nameOf: NameOf,
  currency?: string,
): string | undefined {
  if (isEmpty(value)) return strings.audit.none;
  if (typeof value === "boolean") return value ? strings.common.yes : strings.common.no;
  // Amounts are stored in minor units: with the entry's currency they read as money.
  if (typeof value === "number" && key.endsWith("Minor") && currency) return formatCurrency(value, currency);
  if (typeof value === "number") return formatNumber(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return strings.audit.none;
    return value.map((item) => valueWords(key, item, entityType, nameOf) ?? "").join(", ");
  }
  if (typeof value === "object") {
    return Object.entries(value as Record<string, unknown>)
      .filter(([, inner]) => !isEmpty(inner))
      .map(
        ([inner, innerValue]) => `${fieldWords(inner)} ${valueWords(inner, innerValue, entityType, nameOf)}`,
      )
      .join(", ");
  }
  const text = String(value);
  // Ids (UUIDs, or the auth library's random user ids under an "…Id" key) name a person or nothing.
  if (UUID.test(text) || /Id$/.test(key)) return nameOf(text);
  if (key === "country" || key === "destinationCountry") return formatCountry(text);
  if (DATE_ONLY.test(text)) return formatDate(text);
  if (DATE_TIME.test(text)) return formatDateTime(text);
  return enumWords(key, text, entityType) ?? text;
}

export function fieldWords(key: string, entityType?: string): string {
  // An invoice's number is the invoice's, not a case's.
  if (key === "number" && entityType === "invoice") return strings.audit.fields.invoiceNumber!;
  return strings.audit.fields[key] ?? strings.audit.humanize(key.replace(/Id$/, ""));
}

/** The changed fields of an entry, each a sentence; fields equal before and after are not changes. */
export function describeChanges(entry: AuditEntry, nameOf: NameOf): string[] {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const currency = [after.currency, before.currency].find((value) => typeof value === "string") as
    | string
    | undefined;
  return keys.flatMap((key) => {
    const from = before[key];
    const to = after[key];
    if (JSON.stringify(from ?? null) === JSON.stringify(to ?? null)) return [];
    const field = fieldWords(key, entry.entityType);
    const toWords = valueWords(key, to, entry.entityType, nameOf, currency);
    if (isEmpty(from)) return toWords === undefined ? [] : [strings.audit.set(field, toWords)];
    const fromWords = valueWords(key, from, entry.entityType, nameOf, currency);
    if (fromWords === undefined && toWords === undefined) return [];
    if (isEmpty(to)) return [strings.audit.cleared(field, fromWords ?? strings.audit.none)];
    return [
      strings.audit.changed(field, fromWords ?? strings.audit.someone, toWords ?? strings.audit.someone),
    ];
  });
}
