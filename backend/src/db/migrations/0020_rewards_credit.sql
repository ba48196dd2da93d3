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
ALTER TABLE "reward_preferences" ADD CONSTRAINT "reward_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reward_vesting_rules" ADD CONSTRAINT "reward_vesting_rules_visa_type_id_visa_types_id_fk" FOREIGN KEY ("visa_type_id") REFERENCES "public"."visa_types"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "reward_ledger_referral_kind_stage_unique" ON "reward_ledger" USING btree ("referral_id","kind",coalesce("vest_stage", ''));