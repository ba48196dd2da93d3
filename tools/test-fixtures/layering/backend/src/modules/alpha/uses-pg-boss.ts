// Deliberately wrong: only backend/src/queue/ may import pg-boss.
import { PgBoss } from "pg-boss";

export const boss = PgBoss;
