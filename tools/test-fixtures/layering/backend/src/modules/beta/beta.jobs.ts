export const betaJob = "job";
