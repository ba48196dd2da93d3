DROP INDEX "audit_log_created_idx";--> statement-breakpoint
DROP INDEX "broadcasts_created_idx";--> statement-breakpoint
DROP INDEX "dev_mailbox_created_idx";--> statement-breakpoint
DROP INDEX "notifications_user_created_idx";--> statement-breakpoint
DROP INDEX "partner_imports_org_created_idx";--> statement-breakpoint
DROP INDEX "referrals_referrer_created_idx";--> statement-breakpoint
DROP INDEX "referrals_created_idx";--> statement-breakpoint
DROP INDEX "referrals_status_created_idx";--> statement-breakpoint
DROP INDEX "referrals_partner_created_idx";--> statement-breakpoint
CREATE INDEX "audit_log_created_idx" ON "audit_log" USING btree ("created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "broadcasts_created_idx" ON "broadcasts" USING btree ("created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "dev_mailbox_created_idx" ON "dev_mailbox" USING btree ("created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "notifications_user_created_idx" ON "notifications" USING btree ("user_id","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "partner_imports_org_created_idx" ON "partner_imports" USING btree ("partner_organization_id","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "referrals_referrer_created_idx" ON "referrals" USING btree ("referrer_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "referrals_created_idx" ON "referrals" USING btree ("created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "referrals_status_created_idx" ON "referrals" USING btree ("status","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "referrals_partner_created_idx" ON "referrals" USING btree ("partner_organization_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);