CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "referrals_full_name_trgm_idx" ON "referrals" USING gin ("full_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "referrals_email_trgm_idx" ON "referrals" USING gin ("email" gin_trgm_ops);
