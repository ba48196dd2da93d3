CREATE TABLE "case_applicants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"user_id" text,
	"full_name" text NOT NULL,
	"relationship" text,
	"date_of_birth" date,
	"email" text,
	"position" smallint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"author_id" text,
	"body" text NOT NULL,
	"visibility" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_number_sequences" (
	"year" integer PRIMARY KEY NOT NULL,
	"last_value" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_stage_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"from_stage" text,
	"to_stage" text NOT NULL,
	"note" text,
	"changed_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"title" text NOT NULL,
	"assignee_kind" text NOT NULL,
	"assignee_id" text,
	"due_at" timestamp with time zone NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"completed_at" timestamp with time zone,
	"completed_by" text,
	"created_by" text,
	"last_reminded_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_timeline" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"summary" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"actor_id" text,
	"visibility" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"client_id" text NOT NULL,
	"visa_type_id" uuid NOT NULL,
	"destination_country" text,
	"target_date" date,
	"current_stage" text DEFAULT 'enquiry' NOT NULL,
	"stage_entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"consultant_id" text,
	"outcome" text,
	"decided_at" date,
	"last_reminder_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultancy_settings" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"referral_contact_business_days" integer DEFAULT 2 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consultancy_settings_single_row" CHECK ("consultancy_settings"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "visa_types" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"destination_country" text,
	"description" text DEFAULT '' NOT NULL,
	"stage_documents" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "deactivated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "last_case_assigned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "contact_by" timestamp with time zone DEFAULT now() + interval '2 days' NOT NULL;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "case_id" uuid;--> statement-breakpoint
ALTER TABLE "case_applicants" ADD CONSTRAINT "case_applicants_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_applicants" ADD CONSTRAINT "case_applicants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_notes" ADD CONSTRAINT "case_notes_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_notes" ADD CONSTRAINT "case_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_stage_history" ADD CONSTRAINT "case_stage_history_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_stage_history" ADD CONSTRAINT "case_stage_history_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_tasks" ADD CONSTRAINT "case_tasks_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_tasks" ADD CONSTRAINT "case_tasks_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_tasks" ADD CONSTRAINT "case_tasks_completed_by_users_id_fk" FOREIGN KEY ("completed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_tasks" ADD CONSTRAINT "case_tasks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_timeline" ADD CONSTRAINT "case_timeline_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_timeline" ADD CONSTRAINT "case_timeline_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_visa_type_id_visa_types_id_fk" FOREIGN KEY ("visa_type_id") REFERENCES "public"."visa_types"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_consultant_id_users_id_fk" FOREIGN KEY ("consultant_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_applicants_case_idx" ON "case_applicants" USING btree ("case_id","position");--> statement-breakpoint
CREATE INDEX "case_applicants_user_idx" ON "case_applicants" USING btree ("user_id") WHERE "case_applicants"."user_id" is not null;--> statement-breakpoint
CREATE INDEX "case_applicants_name_trgm_idx" ON "case_applicants" USING gin ("full_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "case_notes_case_idx" ON "case_notes" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "case_stage_history_case_idx" ON "case_stage_history" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "case_tasks_case_idx" ON "case_tasks" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "case_tasks_assignee_idx" ON "case_tasks" USING btree ("assignee_id","state","due_at");--> statement-breakpoint
CREATE INDEX "case_tasks_open_due_idx" ON "case_tasks" USING btree ("due_at") WHERE "case_tasks"."state" = 'open';--> statement-breakpoint
CREATE INDEX "case_tasks_open_case_idx" ON "case_tasks" USING btree ("case_id","due_at") WHERE "case_tasks"."state" = 'open';--> statement-breakpoint
CREATE INDEX "case_timeline_case_idx" ON "case_timeline" USING btree ("case_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_number_unique" ON "cases" USING btree ("number");--> statement-breakpoint
CREATE INDEX "cases_client_created_idx" ON "cases" USING btree ("client_id","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "cases_open_created_idx" ON "cases" USING btree ("created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "cases"."outcome" is null;--> statement-breakpoint
CREATE INDEX "cases_created_idx" ON "cases" USING btree ("created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "cases_consultant_created_idx" ON "cases" USING btree ("consultant_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "cases_stage_created_idx" ON "cases" USING btree ("current_stage","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "cases_visa_type_created_idx" ON "cases" USING btree ("visa_type_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "cases_number_trgm_idx" ON "cases" USING gin ("number" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "visa_types_name_unique" ON "visa_types" USING btree (lower("name"));--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "users_name_trgm_idx" ON "users" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "referrals_case_unique" ON "referrals" USING btree ("case_id") WHERE "referrals"."case_id" is not null;--> statement-breakpoint
CREATE INDEX "referrals_pending_contact_by_idx" ON "referrals" USING btree ("contact_by") WHERE "referrals"."status" = 'pending' and "referrals"."last_reminder_at" is null;
--> statement-breakpoint
-- Data: every visa_applications row becomes a case of the "Unspecified" visa type, numbered
-- RC-<year it was opened>-NNNNN in the order cases were opened, with its stage history carried over.
INSERT INTO "consultancy_settings" ("id") VALUES (1);--> statement-breakpoint
INSERT INTO "visa_types" ("name", "description")
  VALUES ('Unspecified', 'Cases opened before the visa-type catalogue existed.');--> statement-breakpoint
INSERT INTO "cases" ("id", "number", "client_id", "visa_type_id", "current_stage", "stage_entered_at",
    "last_reminder_at", "created_at", "updated_at")
  SELECT va."id",
    'RC-' || extract(year FROM va."created_at" AT TIME ZONE 'UTC')::int || '-' || lpad((row_number() OVER (
      PARTITION BY extract(year FROM va."created_at" AT TIME ZONE 'UTC') ORDER BY va."created_at", va."id"))::text, 5, '0'),
    va."user_id", (SELECT "id" FROM "visa_types" WHERE "name" = 'Unspecified'), va."current_stage",
    va."stage_entered_at", va."last_reminder_at", va."created_at", va."updated_at"
  FROM "visa_applications" va;--> statement-breakpoint
INSERT INTO "case_number_sequences" ("year", "last_value")
  SELECT substring("number" FROM 4 FOR 4)::int, max(substring("number" FROM 9)::int)
  FROM "cases" GROUP BY 1;--> statement-breakpoint
INSERT INTO "case_applicants" ("case_id", "kind", "user_id", "full_name", "email", "position", "created_at")
  SELECT c."id", 'principal', c."client_id", u."name", u."email", 0, c."created_at"
  FROM "cases" c JOIN "users" u ON u."id" = c."client_id";--> statement-breakpoint
INSERT INTO "case_stage_history" ("id", "case_id", "from_stage", "to_stage", "note", "changed_by", "created_at")
  SELECT "id", "application_id", "from_stage", "to_stage", "note", "changed_by", "created_at"
  FROM "visa_stage_history";--> statement-breakpoint
INSERT INTO "case_timeline" ("case_id", "kind", "summary", "data", "actor_id", "visibility", "created_at")
  SELECT h."application_id",
    CASE WHEN h."from_stage" IS NULL THEN 'opened' ELSE 'stage_changed' END,
    CASE WHEN h."from_stage" IS NULL THEN 'Case opened at ' || (CASE h."to_stage" WHEN 'enquiry' THEN 'Enquiry' WHEN 'detailed_enquiry' THEN 'Detailed Enquiry' WHEN 'assessment' THEN 'Assessment' WHEN 'application' THEN 'Application' WHEN 'payment' THEN 'Payment' ELSE h."to_stage" END)
      ELSE 'Moved from ' || (CASE h."from_stage" WHEN 'enquiry' THEN 'Enquiry' WHEN 'detailed_enquiry' THEN 'Detailed Enquiry' WHEN 'assessment' THEN 'Assessment' WHEN 'application' THEN 'Application' WHEN 'payment' THEN 'Payment' ELSE h."from_stage" END) || ' to ' || (CASE h."to_stage" WHEN 'enquiry' THEN 'Enquiry' WHEN 'detailed_enquiry' THEN 'Detailed Enquiry' WHEN 'assessment' THEN 'Assessment' WHEN 'application' THEN 'Application' WHEN 'payment' THEN 'Payment' ELSE h."to_stage" END) END,
    jsonb_strip_nulls(jsonb_build_object('fromStage', h."from_stage", 'toStage', h."to_stage", 'note', h."note")),
    h."changed_by", 'client', h."created_at"
  FROM "visa_stage_history" h;--> statement-breakpoint
-- A converted referral of the client is where their case came from (one referral per case).
UPDATE "referrals" r SET "case_id" = c."id"
  FROM (SELECT DISTINCT ON ("referred_user_id") "id", "referred_user_id" FROM "referrals"
        WHERE "status" = 'converted' AND "referred_user_id" IS NOT NULL
        ORDER BY "referred_user_id", "converted_at", "id") first_converted
  JOIN "cases" c ON c."client_id" = first_converted."referred_user_id"
  WHERE r."id" = first_converted."id";--> statement-breakpoint
-- Existing referrals: two business days (Monday to Friday, UTC) after they arrived.
UPDATE "referrals" SET "contact_by" = "created_at" + (CASE extract(isodow FROM "created_at" AT TIME ZONE 'UTC')::int
  WHEN 4 THEN 4 WHEN 5 THEN 4 WHEN 6 THEN 3 ELSE 2 END) * interval '1 day';--> statement-breakpoint
DROP TABLE "visa_applications" CASCADE;--> statement-breakpoint
DROP TABLE "visa_stage_history" CASCADE;