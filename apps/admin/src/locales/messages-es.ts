import { es as shared } from "@referral-app/i18n/es";
import { plural } from "@referral-app/i18n/format";
import { threadPhrases } from "@referral-app/i18n/messages";
import type { AdminStrings } from "../strings.ts";

// The staff dashboard's words for messages in Spanish (usted), loaded with locales/es.ts.
export const messagesEs: AdminStrings["messages"] = {
  thread: {
    ...threadPhrases(shared.messages.thread),
    label: "Respuesta",
    placeholder: "Escriba una respuesta…",
    empty: "Aún no hay mensajes.",
    confirmDelete:
      "¿Eliminar este mensaje? Todos verán «Mensaje eliminado» (el texto queda en el registro de auditoría).",
    readOnly: "Está leyendo esta conversación como administrador; únase a ella para responder.",
  },
  states: shared.conversationState,
  nav: shared.messages.title,
  unreadNav: (count: number) =>
    plural("es", count, { one: "{{count}} mensaje sin leer", other: "{{count}} mensajes sin leer" }),
  inboxTitle: "Bandeja de soporte",
  inboxIntro:
    "Preguntas generales de los clientes. Encárguese de una para responderla o pásela a un compañero.",
  filters: {
    state: "Estado",
    assignee: "Asignada a",
    overdue: "Solo las vencidas",
    any: "Cualquiera",
    me: "Yo",
    unassigned: "Nadie",
  },
  columns: {
    subject: "Pregunta",
    client: "Cliente",
    state: "Estado",
    assignee: "Asignada a",
    due: "Primera respuesta antes de",
  },
  noSubject: "Sin asunto",
  overdue: "Vencida",
  answered: "Respondida",
  take: "Encargarme",
  assignTo: (subject: string) => `Asignar «${subject}» a`,
  stateOf: (subject: string) => `Estado de «${subject}»`,
  nobody: "Nadie",
  empty: "Ninguna conversación de soporte coincide.",
  back: "Bandeja de soporte",
  conversationTitle: "Conversación",
  notParticipant:
    "No participa en esta conversación. Encárguese de ella desde la bandeja o únase desde su expediente.",
  savedReplies: "Respuestas guardadas",
  insertReply: "Insertar una respuesta guardada",
  pickReply: "Elija una respuesta…",
  newReply: "Añadir una respuesta guardada",
  replyTitle: "Título",
  replyBody: "Texto",
  addReply: "Añadir respuesta",
  noReplies: "Aún no hay respuestas guardadas.",
  editReply: "Editar",
  editReplyOf: (title: string) => `Editar «${title}»`,
  saveReply: "Guardar respuesta",
  deleteReply: "Eliminar",
  deleteReplyOf: (title: string) => `Eliminar «${title}»`,
  deleteReplyTitle: (title: string) => `¿Eliminar la respuesta guardada «${title}»?`,
  deleteReplyBody: "El personal ya no podrá insertarla. Los mensajes ya enviados conservan su texto.",
  replyDeleted: "Respuesta guardada eliminada",
  caseMessages: "Mensajes con el cliente",
  caseMessagesNone: "El cliente aún no ha escrito sobre este expediente.",
  join: "Unirse a la conversación",
  startCaseConversation: "Escribir al cliente",
  messages: (count: number) => plural("es", count, { one: "{{count}} mensaje", other: "{{count}} mensajes" }),
};
