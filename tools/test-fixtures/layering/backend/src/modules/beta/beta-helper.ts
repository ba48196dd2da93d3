export const betaHelper = "helper";
