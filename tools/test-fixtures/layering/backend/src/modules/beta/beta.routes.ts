export const betaRoutes = "routes";
