export const betaRows = ["row"];
