import { es as shared } from "@referral-app/i18n/es";
import type { SignedOutTranslation } from "./en-signed-out.ts";

// Usted throughout: see docs/i18n.md for the register and the vocabulary.
export const esSignedOut: SignedOutTranslation = {
  app: {
    name: "Referral Client App",
    skipToContent: "Saltar al contenido principal",
    loading: "Cargando…",
  },
  theme: shared.theme,
  language: shared.language,
  country: shared.country,
  common: {
    ...shared.common,
    save: shared.common.saveChanges,
    pageOf: "Página {{page}} de {{pages}}",
    pagination: "Paginación",
    copy: "Copiar",
    notFoundTitle: "Página no encontrada",
    notFoundBody: "La página que busca no existe o se ha trasladado.",
    goHome: "Ir al panel",
  },
  validation: shared.validation,
  auth: {
    email: "Correo electrónico",
    password: "Contraseña",
    signIn: {
      title: "Iniciar sesión",
      subtitle: "Siga su trámite de visado y sus referidos.",
      submit: "Iniciar sesión",
      noAccount: "¿Es la primera vez que nos visita?",
      createAccount: "Crear una cuenta",
      forgot: "¿Ha olvidado su contraseña?",
      invalidCredentials: "El correo electrónico o la contraseña no son correctos.",
    },
    signUp: {
      title: "Cree su cuenta",
      subtitle: "Solo le llevará un minuto. Su asesor la verá enseguida.",
      name: "Nombre completo",
      passwordHint: "Al menos 8 caracteres.",
      phone: "Teléfono",
      country: "País",
      countryHint: "El país en el que reside.",
      referralCode: "Código de referido",
      referralCodeHint: "¿Viene del enlace de un conocido? Ya está rellenado.",
      submit: "Crear cuenta",
      haveAccount: "¿Ya tiene una cuenta?",
      emailTaken: "Ya existe una cuenta con este correo electrónico. Pruebe a iniciar sesión.",
    },
    forgot: {
      title: "Restablezca su contraseña",
      subtitle: "Le enviaremos un enlace por correo electrónico para elegir una nueva.",
      submit: "Enviar enlace",
      sent: "Si existe una cuenta para {{email}}, le hemos enviado un enlace para restablecerla.",
      back: "Volver a iniciar sesión",
    },
    reset: {
      title: "Elija una contraseña nueva",
      newPassword: "Contraseña nueva",
      submit: "Actualizar contraseña",
      done: "Su contraseña se ha actualizado. Ya puede iniciar sesión.",
      invalidToken: "Este enlace no es válido o ha caducado. Solicite uno nuevo.",
    },
    verify: {
      title: "Verifique su correo electrónico",
      verifying: "Verificando su correo electrónico…",
      success: "Su dirección de correo electrónico está verificada. ¡Gracias!",
      failed: "Este enlace de verificación no es válido o ha caducado.",
      missing: "Abra el enlace del correo que le hemos enviado para verificar su dirección.",
      continue: "Continuar",
    },
  },
};
