import type { CaseOutcomeId, Language, VisaStageId } from "@referral-app/shared/constants";
import { LANGUAGES } from "@referral-app/shared/constants";
import { WORK_TEMPLATES } from "./messages-work.ts";

// Words the server sends people (notifications, e-mails, PDFs), in the RECIPIENT's language: a job
// carries a message key and its parameters, and the text is made when the recipient is known.
// Spanish uses the usted register.

const STAGES: Record<Language, Record<VisaStageId, string>> = {
  en: {
    enquiry: "Enquiry",
    detailed_enquiry: "Detailed Enquiry",
    assessment: "Assessment",
    application: "Application",
    payment: "Payment",
  },
  es: {
    enquiry: "Consulta",
    detailed_enquiry: "Consulta detallada",
    assessment: "Evaluación",
    application: "Solicitud",
    payment: "Pago",
  },
};

const OUTCOMES: Record<Language, Record<CaseOutcomeId, string>> = {
  en: { granted: "granted", refused: "refused", withdrawn: "withdrawn" },
  es: { granted: "concedido", refused: "denegado", withdrawn: "retirado" },
};

export type Params = Record<string, string>;
export type Template = (p: Params, lang: Language) => { title: string; body: string };

const stage = (p: Params, lang: Language) => STAGES[lang][p.stage as VisaStageId] ?? p.stage ?? "";
const outcome = (p: Params, lang: Language) => OUTCOMES[lang][p.outcome as CaseOutcomeId] ?? p.outcome ?? "";
const withNote = (text: string, p: Params) => (p.note ? `${text} ${p.note}` : text);

const REVIEW_REASONS: Record<Language, Record<string, string>> = {
  en: {
    already_referred: "Already referred: this person had been referred before.",
    partner_client_conflict: "This person was also referred through another channel.",
    self_referral_phone: "The details look like your own, so we check before going further.",
    disposable_email: "The e-mail address is a temporary one.",
    daily_limit: "You sent more referrals today than we accept without a check.",
  },
  es: {
    already_referred: "Ya referido: esta persona ya había sido referida antes.",
    partner_client_conflict: "Esta persona también fue referida por otro canal.",
    self_referral_phone: "Los datos se parecen a los suyos, así que los revisamos antes de continuar.",
    disposable_email: "La dirección de correo electrónico es temporal.",
    daily_limit: "Hoy ha enviado más referidos de los que aceptamos sin revisión.",
  },
};

const TEMPLATES: Record<string, Record<Language, Template>> = {
  ...WORK_TEMPLATES,
  "referral.friend_signed_up": {
    en: (p) => ({ title: "Your referral joined", body: `${p.name} signed up.` }),
    es: (p) => ({ title: "Su referido se ha registrado", body: `${p.name} se ha registrado.` }),
  },
  "referral.friend_stage": {
    en: (p, l) => ({ title: "Referral update", body: `${p.name} is at ${stage(p, l)}.` }),
    es: (p, l) => ({ title: "Novedades de su referido", body: `${p.name} está en ${stage(p, l)}.` }),
  },
  "referral.friend_outcome": {
    en: (p, l) => ({ title: "Referral update", body: `${p.name}'s visa was ${outcome(p, l)}.` }),
    es: (p, l) => ({
      title: "Novedades de su referido",
      body: `El visado de ${p.name} fue ${outcome(p, l)}.`,
    }),
  },
  "referral.review_opened": {
    en: (p, l) => ({
      title: "Your referral is being reviewed",
      body: `${REVIEW_REASONS[l][p.reason!] ?? ""} Our staff will review your referral of ${p.name} and let you know.`,
    }),
    es: (p, l) => ({
      title: "Estamos revisando su referido",
      body: `${REVIEW_REASONS[l][p.reason!] ?? ""} Nuestro equipo revisará su referido de ${p.name} y le avisará.`,
    }),
  },
  "referral.review_valid": {
    en: (p) => ({ title: "Referral confirmed", body: `We checked your referral of ${p.name}: it counts.` }),
    es: (p) => ({
      title: "Referido confirmado",
      body: `Hemos revisado su referido de ${p.name}: es válido.`,
    }),
  },
  "referral.review_invalid": {
    en: (p) => ({
      title: "Referral not accepted",
      body: `We checked your referral of ${p.name} and cannot accept it: ${p.reason}`,
    }),
    es: (p) => ({
      title: "Referido no aceptado",
      body: `Hemos revisado su referido de ${p.name} y no podemos aceptarlo: ${p.reason}`,
    }),
  },
  "case.stage_changed": {
    en: (p, l) => ({
      title: `Your case moved to ${stage(p, l)}`,
      body: withNote(`Case ${p.number} is now at ${stage(p, l)}.`, p),
    }),
    es: (p, l) => ({
      title: `Su caso pasó a ${stage(p, l)}`,
      body: withNote(`El caso ${p.number} está ahora en ${stage(p, l)}.`, p),
    }),
  },
  "case.decided": {
    en: (p, l) => ({
      title: `Decision on case ${p.number}`,
      body: withNote(`Your application was ${outcome(p, l)}.`, p),
    }),
    es: (p, l) => ({
      title: `Decisión sobre el caso ${p.number}`,
      body: withNote(`Su solicitud fue ${outcome(p, l)}.`, p),
    }),
  },
  "case.stuck_reminder": {
    en: (p, l) => ({
      title: `Your case is waiting at ${stage(p, l)}`,
      body: `Your visa case has been at ${stage(p, l)} for ${p.days} days. Check what is still needed or contact your consultant to keep it moving.`,
    }),
    es: (p, l) => ({
      title: `Su caso está detenido en ${stage(p, l)}`,
      body: `Su caso de visado lleva ${p.days} días en ${stage(p, l)}. Revise qué falta o contacte con su asesor para que avance.`,
    }),
  },
  "privacy.export_ready": {
    en: () => ({
      title: "Your data is ready",
      body: "The copy of your data you asked for is ready to download for 7 days, from your profile.",
    }),
    es: () => ({
      title: "Sus datos están listos",
      body: "La copia de sus datos que solicitó puede descargarse durante 7 días desde su perfil.",
    }),
  },
  "privacy.deletion_scheduled": {
    en: (p) => ({
      title: "Your account will be deleted",
      body: `Your account will be deleted on ${p.date}. You can cancel this from your profile until then.${p.kept ? ` We must keep: ${p.kept}` : ""}`,
    }),
    es: (p) => ({
      title: "Su cuenta será eliminada",
      body: `Su cuenta se eliminará el ${p.date}. Puede cancelarlo desde su perfil hasta entonces.${p.kept ? ` Debemos conservar: ${p.kept}` : ""}`,
    }),
  },
  "privacy.deletion_cancelled": {
    en: () => ({ title: "Account deletion cancelled", body: "Your account will not be deleted." }),
    es: () => ({ title: "Eliminación de cuenta cancelada", body: "Su cuenta no se eliminará." }),
  },
};

export type MessageKey = keyof typeof TEMPLATES;
export const MESSAGE_KEYS = Object.keys(TEMPLATES) as MessageKey[];

export function languageOf(preferences: { language?: string } | null | undefined): Language {
  const language = preferences?.language;
  return (LANGUAGES as readonly string[]).includes(language ?? "") ? (language as Language) : "en";
}

/** The title and body of `key` in `language`; an unknown key throws (a programming error). */
export function renderMessage(
  language: Language,
  key: string,
  params: Params,
): { title: string; body: string } {
  const template = TEMPLATES[key];
  if (!template) throw new Error(`unknown message key ${key}`);
  return template[language](params, language);
}

export function stageName(language: Language, id: VisaStageId): string {
  return STAGES[language][id];
}

/** The e-mail frame's words. */
export const MAIL_WORDS: Record<Language, { hello: (name: string) => string; seeNotifications: string }> = {
  en: { hello: (name) => `Hello ${name},`, seeNotifications: "See your notifications" },
  es: { hello: (name) => `Estimado/a ${name}:`, seeNotifications: "Ver sus notificaciones" },
};

/** Account e-mails with one link (verification, reset, invitation). */
export const ACTION_MAILS: Record<
  "verify" | "reset" | "invite",
  Record<Language, { subject: string; intro: string; label: string; outro?: string }>
> = {
  verify: {
    en: {
      subject: "Verify your email address",
      intro: "Confirm your email address for the Referral Client App:",
      label: "Verify my email",
    },
    es: {
      subject: "Verifique su dirección de correo electrónico",
      intro: "Confirme su dirección de correo electrónico para Referral Client App:",
      label: "Verificar mi correo",
    },
  },
  reset: {
    en: {
      subject: "Reset your password",
      intro: "Reset your Referral Client App password here (valid for one hour):",
      label: "Choose a new password",
      outro: "If you did not ask for this, ignore this email.",
    },
    es: {
      subject: "Restablezca su contraseña",
      intro: "Restablezca aquí su contraseña de Referral Client App (válido durante una hora):",
      label: "Elegir una nueva contraseña",
      outro: "Si usted no lo solicitó, ignore este correo.",
    },
  },
  invite: {
    en: {
      subject: "You are invited to the Referral Client App",
      intro:
        "You have been invited to join the staff of the Referral Client App. Choose your password here (valid for one hour):",
      label: "Choose my password",
      outro: "If the link has expired, ask an admin to send the invitation again.",
    },
    es: {
      subject: "Está invitado/a a Referral Client App",
      intro:
        "Le han invitado a unirse al equipo de Referral Client App. Elija aquí su contraseña (válido durante una hora):",
      label: "Elegir mi contraseña",
      outro: "Si el enlace ha caducado, pida a un administrador que le envíe la invitación de nuevo.",
    },
  },
};
