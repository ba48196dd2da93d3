import type { JourneyTranslation } from "./en-journey.ts";

// Usted throughout: a consultancy addresses its clients formally.
export const esJourney: JourneyTranslation = {
  header: {
    menu: "Menú",
    closeMenu: "Cerrar menú",
    signOutFailed:
      "No pudimos cerrar su sesión en el servidor; sigue con la sesión iniciada. Compruebe su conexión e inténtelo de nuevo.",
  },
};
