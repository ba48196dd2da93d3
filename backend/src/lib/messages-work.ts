import type { Language } from "@referral-app/shared/constants";
import { formatCurrency } from "@referral-app/shared/formatting";
import type { Params, Template } from "./messages.ts";

// The messages of day-to-day case work and rewards (notes, tasks, assignment, rewards), rendered
// for the recipient like the others in messages.ts. Spanish uses usted.

const LOCALES: Record<Language, string> = { en: "en-GB", es: "es-ES" };
// Amounts as the apps show them in English (formatCurrency's default), in Spanish as Spain does.
const CURRENCY_LOCALES: Record<Language, string> = { en: "en-US", es: "es-ES" };

const day = (p: Params, lang: Language) =>
  p.due
    ? new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: "medium", timeZone: "UTC" }).format(new Date(p.due))
    : "";
const amount = (p: Params, lang: Language) =>
  formatCurrency(Number(p.amountMinor), p.currency, CURRENCY_LOCALES[lang]);
const withReason = (text: string, p: Params, label: string) =>
  p.reason ? `${text} ${label}: ${p.reason}` : text;

export const WORK_TEMPLATES: Record<string, Record<Language, Template>> = {
  "case.opened": {
    en: (p) => ({ title: `New case ${p.number}`, body: `You are the consultant on case ${p.number}.` }),
    es: (p) => ({ title: `Nuevo caso ${p.number}`, body: `Usted es el asesor del caso ${p.number}.` }),
  },
  "case.reopened": {
    en: (p) => ({
      title: `Case ${p.number} reopened`,
      body: "Your consultant reopened your case; it is open again.",
    }),
    es: (p) => ({
      title: `Caso ${p.number} reabierto`,
      body: "Su asesor ha reabierto su caso; vuelve a estar abierto.",
    }),
  },
  "case.reassigned": {
    en: (p) => ({
      title: `Case ${p.number} reassigned`,
      body: p.name
        ? `Case ${p.number} is now with ${p.name}${p.previous ? ` (was ${p.previous})` : ""}.`
        : `Case ${p.number} no longer has a consultant.`,
    }),
    es: (p) => ({
      title: `Caso ${p.number} reasignado`,
      body: p.name
        ? `El caso ${p.number} lo lleva ahora ${p.name}${p.previous ? ` (antes ${p.previous})` : ""}.`
        : `El caso ${p.number} ya no tiene asesor.`,
    }),
  },
  "case.note_added": {
    en: (p) => ({ title: `New note on case ${p.number}`, body: p.excerpt ?? "" }),
    es: (p) => ({ title: `Nueva nota en el caso ${p.number}`, body: p.excerpt ?? "" }),
  },
  "case.task_created": {
    en: (p, l) => ({ title: "New task", body: `${p.title} (case ${p.number}), due ${day(p, l)}.` }),
    es: (p, l) => ({
      title: "Nueva tarea",
      body: `${p.title} (caso ${p.number}), con vencimiento el ${day(p, l)}.`,
    }),
  },
  "case.task_completed": {
    en: (p) => ({ title: `Task done on case ${p.number}`, body: `${p.name} completed "${p.title}".` }),
    es: (p) => ({
      title: `Tarea completada en el caso ${p.number}`,
      body: `${p.name} completó «${p.title}».`,
    }),
  },
  "reward.approved": {
    en: (p, l) => ({ title: "Reward approved", body: `Your reward of ${amount(p, l)} was approved.` }),
    es: (p, l) => ({ title: "Recompensa aprobada", body: `Su recompensa de ${amount(p, l)} fue aprobada.` }),
  },
  "reward.paid": {
    en: (p, l) => ({ title: "Reward paid", body: `Your reward of ${amount(p, l)} has been paid.` }),
    es: (p, l) => ({ title: "Recompensa pagada", body: `Su recompensa de ${amount(p, l)} ha sido pagada.` }),
  },
  "reward.reversed": {
    en: (p, l) => ({
      title: "Reward reversed",
      body: withReason(`Your reward of ${amount(p, l)} was reversed.`, p, "Reason"),
    }),
    es: (p, l) => ({
      title: "Recompensa anulada",
      body: withReason(`Su recompensa de ${amount(p, l)} fue anulada.`, p, "Motivo"),
    }),
  },
};
