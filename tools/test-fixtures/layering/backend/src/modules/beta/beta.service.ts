// Allowed: a module's public surface.
export const betaService = "beta";
