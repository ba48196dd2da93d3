// Deliberately wrong: no app may import the backend.
import { databasePassword } from "../../../backend/src/secret.ts";

export const leaked = databasePassword;
