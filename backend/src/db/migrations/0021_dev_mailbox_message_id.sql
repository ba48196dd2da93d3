ALTER TABLE "dev_mailbox" ADD COLUMN "message_id" text;--> statement-breakpoint
CREATE UNIQUE INDEX "dev_mailbox_message_id_unique" ON "dev_mailbox" USING btree ("message_id");