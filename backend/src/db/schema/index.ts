// drizzle-kit and the database client read the whole schema from here.
export * from "./analytics.ts";
export * from "./audit.ts";
export * from "./auth.ts";
export * from "./broadcasts.ts";
export * from "./cases.ts";
export * from "./documents.ts";
export * from "./features.ts";
export * from "./files.ts";
export * from "./invoices.ts";
export * from "./messages.ts";
export * from "./notifications.ts";
export * from "./partners.ts";
export * from "./privacy.ts";
export * from "./referrals.ts";
export * from "./rewards.ts";
