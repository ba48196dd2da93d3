export const databasePassword = "never leaves the backend";
