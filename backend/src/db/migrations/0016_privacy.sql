CREATE TABLE "account_deletions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"requested_by" text,
	"state" text DEFAULT 'scheduled' NOT NULL,
	"scheduled_for" timestamp with time zone NOT NULL,
	"holds" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"completed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics_daily_counts" (
	"day" date NOT NULL,
	"name" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "analytics_daily_counts_day_name_pk" PRIMARY KEY("day","name")
);
--> statement-breakpoint
CREATE TABLE "consent_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"kind" text NOT NULL,
	"granted" boolean NOT NULL,
	"text_version" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "data_exports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"requested_by" text,
	"state" text DEFAULT 'queued' NOT NULL,
	"job_id" text,
	"file_id" uuid,
	"size_bytes" bigint,
	"error" text,
	"expires_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "partner_visibility_grants" (
	"user_id" text NOT NULL,
	"partner_organization_id" uuid NOT NULL,
	"level" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_visibility_grants_user_id_partner_organization_id_pk" PRIMARY KEY("user_id","partner_organization_id")
);
--> statement-breakpoint
CREATE TABLE "referral_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"conflicting_referral_id" uuid,
	"reason" text NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"resolution_reason" text,
	"resolved_by" text,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referrer_visibility" (
	"user_id" text PRIMARY KEY NOT NULL,
	"level" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consultancy_settings" ADD COLUMN "max_referrals_per_day" integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE "consultancy_settings" ADD COLUMN "case_document_retention_months" integer DEFAULT 24 NOT NULL;--> statement-breakpoint
ALTER TABLE "consultancy_settings" ADD COLUMN "invoice_retention_years" integer DEFAULT 7 NOT NULL;--> statement-breakpoint
ALTER TABLE "consultancy_settings" ADD COLUMN "notification_retention_days" integer DEFAULT 365 NOT NULL;--> statement-breakpoint
ALTER TABLE "consultancy_settings" ADD COLUMN "analytics_retention_months" integer DEFAULT 13 NOT NULL;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "date_of_birth" date;--> statement-breakpoint
ALTER TABLE "account_deletions" ADD CONSTRAINT "account_deletions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_deletions" ADD CONSTRAINT "account_deletions_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_records" ADD CONSTRAINT "consent_records_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_exports" ADD CONSTRAINT "data_exports_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_exports" ADD CONSTRAINT "data_exports_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_exports" ADD CONSTRAINT "data_exports_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_visibility_grants" ADD CONSTRAINT "partner_visibility_grants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_visibility_grants" ADD CONSTRAINT "partner_visibility_grants_partner_organization_id_partner_organizations_id_fk" FOREIGN KEY ("partner_organization_id") REFERENCES "public"."partner_organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_reviews" ADD CONSTRAINT "referral_reviews_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_reviews" ADD CONSTRAINT "referral_reviews_conflicting_referral_id_referrals_id_fk" FOREIGN KEY ("conflicting_referral_id") REFERENCES "public"."referrals"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_reviews" ADD CONSTRAINT "referral_reviews_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrer_visibility" ADD CONSTRAINT "referrer_visibility_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "account_deletions_one_scheduled" ON "account_deletions" USING btree ("user_id") WHERE "account_deletions"."state" = 'scheduled';--> statement-breakpoint
CREATE INDEX "account_deletions_due_idx" ON "account_deletions" USING btree ("scheduled_for") WHERE "account_deletions"."state" = 'scheduled';--> statement-breakpoint
CREATE INDEX "consent_records_user_kind_idx" ON "consent_records" USING btree ("user_id","kind","created_at");--> statement-breakpoint
CREATE INDEX "data_exports_user_created_idx" ON "data_exports" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "referral_reviews_referral_reason_unique" ON "referral_reviews" USING btree ("referral_id","reason");--> statement-breakpoint
CREATE INDEX "referral_reviews_state_created_idx" ON "referral_reviews" USING btree ("state","created_at");--> statement-breakpoint
CREATE INDEX "referral_reviews_conflicting_idx" ON "referral_reviews" USING btree ("conflicting_referral_id");--> statement-breakpoint
CREATE INDEX "referrals_phone_idx" ON "referrals" USING btree ("phone") WHERE "referrals"."phone" is not null;