-- A status change's note was shown to the referrer. Existing notes were written as staff notes,
-- so they become internal; the message to the referrer is a new, separate field.
ALTER TABLE "referral_status_history" RENAME COLUMN "notes" TO "internal_note";--> statement-breakpoint
ALTER TABLE "referral_status_history" ADD COLUMN "message_to_referrer" text;
