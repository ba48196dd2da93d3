// Allowed: the queue wrapper is pg-boss's one user.
import { PgBoss } from "pg-boss";

export const wrapped = PgBoss;
