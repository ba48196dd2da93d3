ALTER TABLE "consultancy_settings" ADD COLUMN "tagline" text DEFAULT '' NOT NULL;
