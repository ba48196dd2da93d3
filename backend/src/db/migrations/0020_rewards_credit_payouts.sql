CREATE TABLE "payout_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"partner_organization_id" uuid NOT NULL,
	"currency" text NOT NULL,
	"total_minor" bigint NOT NULL,
	"commission_count" integer NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"payment_reference" text,
	"paid_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payout_batches_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "reward_preferences" (
	"user_id" text PRIMARY KEY NOT NULL,
	"method" text NOT NULL,
	"disclosure_version" text,
	"disclosure_accepted_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reward_vesting_rules" (
	"visa_type_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"percent" integer NOT NULL,
	CONSTRAINT "reward_vesting_rules_visa_type_id_stage_pk" PRIMARY KEY("visa_type_id","stage")
);
--> statement-breakpoint
DROP INDEX "reward_ledger_referral_kind_unique";--> statement-breakpoint
ALTER TABLE "reward_ledger" ADD COLUMN "vest_stage" text;--> statement-breakpoint
ALTER TABLE "reward_ledger" ADD COLUMN "vested_at" timestamp with time zone DEFAULT now();--> statement-breakpoint
ALTER TABLE "reward_ledger" ADD COLUMN "payout_batch_id" uuid;--> statement-breakpoint
ALTER TABLE "payout_batches" ADD CONSTRAINT "payout_batches_partner_organization_id_partner_organizations_id_fk" FOREIGN KEY ("partner_organization_id") REFERENCES "public"."partner_organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_batches" ADD CONSTRAINT "payout_batches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reward_preferences" ADD CONSTRAINT "reward_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reward_vesting_rules" ADD CONSTRAINT "reward_vesting_rules_visa_type_id_visa_types_id_fk" FOREIGN KEY ("visa_type_id") REFERENCES "public"."visa_types"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payout_batches_partner_idx" ON "payout_batches" USING btree ("partner_organization_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "reward_ledger_referral_kind_stage_unique" ON "reward_ledger" USING btree ("referral_id","kind",coalesce("vest_stage", ''));--> statement-breakpoint
CREATE INDEX "reward_ledger_payout_batch_idx" ON "reward_ledger" USING btree ("payout_batch_id") WHERE "reward_ledger"."payout_batch_id" is not null;