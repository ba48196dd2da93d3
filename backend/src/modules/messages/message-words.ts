import type { Language } from "@referral-app/shared/constants";

/** The words of message pushes and e-mails, in each language the apps speak (Spanish: usted). */
export const MESSAGE_WORDS: Record<
  Language,
  {
    pushTitle: (sender: string) => string;
    attachmentOnly: string;
    digestSubject: (count: number, topic: string) => string;
    greeting: (name: string) => string;
    digestIntro: (count: number, topic: string) => string;
    open: string;
    preferences: string;
    caseTopic: (number: string) => string;
    supportTopic: string;
    groupTopic: string;
    summarySubject: (count: number) => string;
    summaryIntro: (count: number) => string;
    summaryOverdue: (count: number) => string;
    openInbox: string;
  }
> = {
  en: {
    pushTitle: (sender) => `New message from ${sender}`,
    attachmentOnly: "Sent an attachment",
    digestSubject: (count, topic) =>
      count === 1 ? `1 unread message in ${topic}` : `${count} unread messages in ${topic}`,
    greeting: (name) => `Hello ${name},`,
    digestIntro: (count, topic) =>
      count === 1
        ? `You have a message in ${topic} that you have not read yet:`
        : `You have ${count} messages in ${topic} that you have not read yet:`,
    open: "Open the conversation",
    preferences: "You can choose which e-mails you receive in your notification settings.",
    caseTopic: (number) => `your case ${number}`,
    supportTopic: "your question to our team",
    groupTopic: "a group conversation",
    summarySubject: (count) =>
      count === 1
        ? "1 support conversation is waiting for an answer"
        : `${count} support conversations are waiting for an answer`,
    summaryIntro: (count) =>
      count === 1
        ? "This support conversation has a client message nobody on staff has answered yet:"
        : `These ${count} support conversations have a client message nobody on staff has answered yet:`,
    summaryOverdue: (count) => `${count} of them are past the first-response target.`,
    openInbox: "Open the inbox",
  },
  es: {
    pushTitle: (sender) => `Nuevo mensaje de ${sender}`,
    attachmentOnly: "Envió un archivo adjunto",
    digestSubject: (count, topic) =>
      count === 1 ? `1 mensaje sin leer en ${topic}` : `${count} mensajes sin leer en ${topic}`,
    greeting: (name) => `Hola, ${name}:`,
    digestIntro: (count, topic) =>
      count === 1
        ? `Tiene un mensaje en ${topic} que aún no ha leído:`
        : `Tiene ${count} mensajes en ${topic} que aún no ha leído:`,
    open: "Abrir la conversación",
    preferences: "Puede elegir qué correos recibe en su configuración de notificaciones.",
    caseTopic: (number) => `su trámite ${number}`,
    supportTopic: "su consulta a nuestro equipo",
    groupTopic: "una conversación de grupo",
    summarySubject: (count) =>
      count === 1
        ? "1 conversación de soporte espera respuesta"
        : `${count} conversaciones de soporte esperan respuesta`,
    summaryIntro: (count) =>
      count === 1
        ? "Esta conversación de soporte tiene un mensaje de un cliente que nadie del equipo ha respondido:"
        : `Estas ${count} conversaciones de soporte tienen un mensaje de un cliente que nadie del equipo ha respondido:`,
    summaryOverdue: (count) => `${count} superan el plazo de primera respuesta.`,
    openInbox: "Abrir la bandeja",
  },
};

export function wordsFor(language: string | undefined) {
  return MESSAGE_WORDS[language === "es" ? "es" : "en"];
}

/** A line of a message for a push or an e-mail: its start, on one line. */
export function excerpt(text: string, max = 140): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
